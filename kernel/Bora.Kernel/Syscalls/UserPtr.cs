namespace Bora.Kernel.Syscalls;

/// <summary>
/// A pointer into the caller's memory as a syscall argument (one word). Nothing about it is trusted: the
/// verifier checks the buffer it names (<c>K_SYSCALL_MEMORY_READ</c> / <c>_WRITE</c>) and copies in before use.
/// </summary>
/// <param name="Address">The user address.</param>
public readonly record struct UserPtr(uint Address)
{
    /// <summary><c>NULL</c>.</summary>
    public static UserPtr Null => default;

    /// <summary>Whether this is <c>NULL</c>.</summary>
    public bool IsNull => Address == 0;

    /// <inheritdoc/>
    public override string ToString() => $"0x{Address:X8}";
}
