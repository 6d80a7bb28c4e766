namespace Bora.Kernel.Syscalls;

/// <summary>
/// One user-mode syscall being served (Zephyr's <c>syscall_frame</c>): the trap's entry, from which an oops or
/// <c>user_fault</c> reports the caller's context, and the kernel's <see cref="ISyscallContext"/> for the generated
/// dispatcher and marshallers.
/// </summary>
internal sealed class SyscallFrame : ISyscallContext
{
    private readonly BoraKernel _kernel;

    public SyscallFrame(BoraKernel kernel, KThread thread, SyscallTrapEntry entry, uint id)
    {
        _kernel = kernel;
        Thread = thread;
        Entry = entry;
        Id = id;
    }

    /// <summary>The calling thread.</summary>
    public KThread Thread { get; }

    /// <summary>What the trap's entry did.</summary>
    public SyscallTrapEntry Entry { get; }

    /// <summary>The untrusted id the caller passed.</summary>
    public uint Id { get; }

    /// <summary>The Zephyr name of <see cref="Id"/>, or a description of a bad id.</summary>
    public string Name => SyscallIds.NameOf(Id) ?? $"bad syscall id {Id}";

    /// <summary>The message of the last failed <c>K_SYSCALL_*</c> check, which the next <c>K_OOPS</c> reports (Zephyr logs it at the check).</summary>
    public string? LastFailure { get; set; }

    public void Oops(string message) => _kernel.SyscallFatal(this, FatalReason.KernelOops, message);

    public void ReadUserWords(uint address, Span<uint> destination)
    {
        ulong size = (ulong)destination.Length * 4;
        if (!_kernel.UserBufferOk(address, size, write: false))
        {
            Oops($"{Name}: {SyscallMessages.Denied(address, size, write: false)} (the words of a syscall beyond the sixth)");
        }

        _kernel.ReadKernelWords(address, destination);
    }

    public void WriteUserUInt64(uint address, ulong value)
    {
        if (!_kernel.UserBufferOk(address, 8, write: true))
        {
            Oops($"{Name}: {SyscallMessages.Denied(address, 8, write: true)} (the 64-bit result slot)");
        }

        _kernel.WriteKernelUInt64(address, value);
    }

    public void TraceEnter(uint id, string name) => _kernel.TraceSyscall(Thread, TraceEventKind.SyscallEnter, id, 0, name);

    public void TraceExit(uint id, string name, uint result) => _kernel.TraceSyscall(Thread, TraceEventKind.SyscallExit, id, result, name);
}
