using Microsoft.CodeAnalysis;

namespace Bora.SyscallGen;

/// <summary>One [Syscall] method as read: its model when it is valid, and its diagnostics.</summary>
internal sealed record DeclarationResult(
    string Name,
    string Display,
    Location? Location,
    SyscallModel? Model,
    EquatableArray<Diagnostic> Diagnostics);
