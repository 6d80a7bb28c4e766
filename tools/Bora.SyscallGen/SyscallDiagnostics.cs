using Microsoft.CodeAnalysis;

namespace Bora.SyscallGen;

/// <summary>Every error Bora.SyscallGen reports; each says what to change.</summary>
internal static class SyscallDiagnostics
{
    private const string Category = "Bora.SyscallGen";

    /// <summary>The most words a syscall may marshal (six in registers, the rest in the user-memory array).</summary>
    public const int MaxWords = 16;

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "BORASYS001",
        "Syscall parameter type cannot be marshalled",
        "Parameter '{0}' of syscall '{1}' has type '{2}', which cannot be marshalled into 32-bit words; use int, uint, short, ushort, sbyte, byte, bool, an enum of 32 bits or less, long, ulong, KTimeout, UserPtr or a kernel-object handle (a struct with a public uint Address property and a public (uint) constructor)");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "BORASYS002",
        "Syscall return type cannot be marshalled",
        "Syscall '{0}' returns '{1}', which cannot be marshalled; return void, int, uint, short, ushort, sbyte, byte, bool, an enum of 32 bits or less, long, ulong, UserPtr or a kernel-object handle");

    public static readonly DiagnosticDescriptor ParameterModifier = Error(
        "BORASYS003",
        "Syscall parameter is passed by reference or as params",
        "Parameter '{0}' of syscall '{1}' is declared '{2}'; syscall arguments are copied into words, so pass it by value (return results through a UserPtr the verifier checks for writing)");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "BORASYS004",
        "Syscall is generic",
        "Syscall '{0}' has type parameters; a syscall has one fixed signature, so declare one non-generic method per type");

    public static readonly DiagnosticDescriptor TooManyWords = Error(
        "BORASYS005",
        "Syscall marshals too many words",
        "Syscall '{0}' marshals {1} words (64-bit values and a 64-bit result pointer count two and one), more than the limit of {2}; pass a UserPtr to a struct in user memory instead");

    public static readonly DiagnosticDescriptor MissingVerifier = Error(
        "BORASYS006",
        "Syscall has no verifier",
        "Syscall '{0}' has no verifier; add 'static {1} z_vrfy_{0}({2})' to '{3}', or mark the declaration [Syscall(Implemented = false)] if it is declared but not built");

    public static readonly DiagnosticDescriptor VerifierMismatch = Error(
        "BORASYS007",
        "Syscall verifier signature does not match",
        "Verifier 'z_vrfy_{0}' does not match its syscall; declare it 'static {1} z_vrfy_{0}({2})', with the same return type and the same parameter types in the same order, passed by value");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "BORASYS008",
        "Syscall name is declared twice",
        "Syscall '{0}' is already declared by '{1}'; syscall names are unique (they give the id K_SYSCALL_{2}), so rename one with [Syscall(\"name\")]");

    public static readonly DiagnosticDescriptor NotPublicStatic = Error(
        "BORASYS009",
        "Syscall is not a public static method",
        "Syscall '{0}' must be a public static method: it is the implementation that supervisor callers of the z_* stub call directly");

    public static readonly DiagnosticDescriptor InvalidName = Error(
        "BORASYS010",
        "Syscall name is not a Zephyr name",
        "Syscall name '{0}' is not a Zephyr name; use lower-case letters, digits and underscores, starting with a letter (e.g. \"k_sem_give\")");

    public static readonly DiagnosticDescriptor DeclaringType = Error(
        "BORASYS011",
        "Syscall is not declared in a top-level public static partial class",
        "Syscall '{0}' is declared in '{1}'; declare syscalls in a top-level, non-generic public static partial class, which receives the generated marshallers");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
