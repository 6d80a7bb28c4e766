namespace Bora.Kernel.Syscalls;

/// <summary>
/// The user side of the syscall gate for one user thread (<see cref="IUserTrap"/>): the words a stub keeps on its
/// stack are pushed and read through checked accesses at user privilege, so a user stack too small for them faults
/// like any other user store; <see cref="Invoke"/> is the trap instruction.
/// </summary>
internal sealed class UserModeTrap : IUserTrap
{
    private readonly BoraKernel _kernel;
    private readonly KThread _thread;

    public UserModeTrap(BoraKernel kernel, KThread thread)
    {
        _kernel = kernel;
        _thread = thread;
    }

    public uint Invoke(uint id, uint arg0, uint arg1, uint arg2, uint arg3, uint arg4, uint arg5) =>
        _kernel.InvokeSyscall(_thread, id, arg0, arg1, arg2, arg3, arg4, arg5);

    public uint PushWords(ReadOnlySpan<uint> words)
    {
        Cpu cpu = _kernel.Machine.Cpu;
        uint sp = cpu.State.Sp - (uint)(words.Length * 4);
        cpu.State.Sp = sp;
        for (int i = 0; i < words.Length; i++)
        {
            cpu.WriteUInt32(sp + (uint)(4 * i), words[i]);
        }

        return sp;
    }

    public void PopWords(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _kernel.Machine.Cpu.State.Sp += (uint)(count * 4);
    }

    public ulong ReadUInt64(uint address)
    {
        Cpu cpu = _kernel.Machine.Cpu;
        return cpu.ReadUInt32(address) | ((ulong)cpu.ReadUInt32(address + 4) << 32);
    }
}
