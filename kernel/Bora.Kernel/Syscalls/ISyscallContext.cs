namespace Bora.Kernel.Syscalls;

/// <summary>
/// What the generated dispatcher and marshallers need from the kernel while they serve one user-mode
/// syscall of the current thread. The kernel implements it in the trap step; tests implement it with fakes.
/// </summary>
public interface ISyscallContext
{
    /// <summary>
    /// <c>K_OOPS</c>: raises <c>K_ERR_KERNEL_OOPS</c> for the calling thread, with <paramref name="message"/> in
    /// the fatal-error report. The kernel's implementation does not return (the caller dies); generated code
    /// returns 0 right after the call in case an implementation does.
    /// </summary>
    /// <param name="message">What failed, naming the syscall or the bad id.</param>
    void Oops(string message);

    /// <summary>
    /// Reads <c>destination.Length</c> 32-bit little-endian words from user memory at <paramref name="address"/>,
    /// after checking the whole array is readable by the caller (<c>K_SYSCALL_MEMORY_READ</c>, overflow-safe);
    /// a failed check is <see cref="Oops"/>. Used for the words of a syscall beyond the sixth.
    /// </summary>
    /// <param name="address">The user address of the array.</param>
    /// <param name="destination">Receives the words.</param>
    void ReadUserWords(uint address, Span<uint> destination);

    /// <summary>
    /// Writes a 64-bit little-endian value to user memory at <paramref name="address"/>, after checking the 8 bytes
    /// are writable by the caller (<c>K_SYSCALL_MEMORY_WRITE(ptr, 8)</c>); a failed check is <see cref="Oops"/>.
    /// Used for 64-bit results, which Zephyr returns through a pointer on 32-bit targets.
    /// </summary>
    /// <param name="address">The user address of the result.</param>
    /// <param name="value">The result.</param>
    void WriteUserUInt64(uint address, ulong value);

    /// <summary>Trace hook before the verifier runs (<c>sys_port_trace_syscall_enter</c>).</summary>
    /// <param name="id">The syscall id.</param>
    /// <param name="name">The Zephyr name, e.g. <c>k_sem_take</c>.</param>
    void TraceEnter(uint id, string name);

    /// <summary>Trace hook after the verifier returned (<c>sys_port_trace_syscall_exit</c>).</summary>
    /// <param name="id">The syscall id.</param>
    /// <param name="name">The Zephyr name.</param>
    /// <param name="result">The word returned in the first register.</param>
    void TraceExit(uint id, string name, uint result);
}
