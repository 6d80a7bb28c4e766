using Bora.SyscallGen;
using Microsoft.CodeAnalysis;

namespace Bora.AppMemGen;

/// <summary>What one declaration yielded: models when valid, diagnostics always.</summary>
internal sealed record ReadResult(
    EquatableArray<PartitionModel> Partitions,
    GlobalModel? Global,
    Location? PartitionReference,
    EquatableArray<Diagnostic> Diagnostics)
{
    public static ReadResult None { get; } = new(default, null, null, default);
}
