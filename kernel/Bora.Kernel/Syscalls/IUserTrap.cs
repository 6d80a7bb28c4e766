namespace Bora.Kernel.Syscalls;

/// <summary>
/// The user side of the syscall gate for the calling user thread, as the generated <c>z_*</c> stubs use it:
/// the trap instruction (SVC / <c>trap_s</c> / <c>int 0x80</c>) and the caller's user stack, where a stub keeps
/// the words beyond the sixth and the slot of a 64-bit result (Zephyr's <c>more[]</c> and <c>ret64</c> locals).
/// </summary>
public interface IUserTrap
{
    /// <summary>Traps into the kernel with syscall <paramref name="id"/> and six argument words.</summary>
    /// <returns>The word the kernel left in the first register.</returns>
    uint Invoke(uint id, uint arg0, uint arg1, uint arg2, uint arg3, uint arg4, uint arg5);

    /// <summary>Pushes <paramref name="words"/> onto the caller's user stack.</summary>
    /// <param name="words">The words, stored little-endian, the first at the lowest address.</param>
    /// <returns>The user address of the first word.</returns>
    uint PushWords(ReadOnlySpan<uint> words);

    /// <summary>Pops <paramref name="count"/> words pushed by <see cref="PushWords"/>.</summary>
    /// <param name="count">How many words.</param>
    void PopWords(int count);

    /// <summary>Reads a 64-bit little-endian value from the caller's user stack (a 64-bit result).</summary>
    /// <param name="address">An address returned by <see cref="PushWords"/>.</param>
    /// <returns>The value.</returns>
    ulong ReadUInt64(uint address);
}
