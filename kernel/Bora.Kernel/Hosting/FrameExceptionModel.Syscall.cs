namespace Bora.Kernel.Hosting;

/// <summary>
/// The arch-neutral syscall trap, shaped like the Cortex-M one: the id in r6 and the words in r0–r5, the frame pushed on
/// the caller's stack at its privilege, the dispatcher run privileged on the privilege stack when the thread has one,
/// r1–r3 and r12 zeroed on the way back.
/// </summary>
public sealed partial class FrameExceptionModel : ISyscallTrapModel
{
    /// <summary>The exception number the syscall trap takes (SVCall's).</summary>
    public const int SyscallException = 11;

    private static readonly SyscallRegisters s_syscallRegisters = new(
        Id: 6, Arg0: 0, Arg1: 1, Arg2: 2, Arg3: 3, Arg4: 4, Arg5: 5, ScrubMask: (1u << 1) | (1u << 2) | (1u << 3) | (1u << 12));

    /// <inheritdoc/>
    public SyscallRegisters SyscallRegisters => s_syscallRegisters;

    /// <inheritdoc/>
    public SyscallTrapEntry EnterSyscall(CpuState cpu, ICheckedMemory memory, uint returnAddress, uint privilegedStackTop)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        uint userSp = cpu.Sp;
        uint userStatus = cpu.Status;
        ExceptionEntry entry = Enter(cpu, memory, SyscallException, returnAddress);
        if (entry.StackingFault is not null)
        {
            return new SyscallTrapEntry(entry, returnAddress, userSp, userStatus);
        }

        ExceptionReturn back = Return(cpu, memory, entry with { InterruptedPrivilege = Privilege.Supervisor });
        if (back.UnstackingFault is { } unstacking)
        {
            return new SyscallTrapEntry(entry with { StackingFault = unstacking }, returnAddress, userSp, userStatus);
        }

        if (privilegedStackTop != 0)
        {
            cpu.Sp = privilegedStackTop;
        }

        return new SyscallTrapEntry(entry, returnAddress, userSp, userStatus);
    }

    /// <inheritdoc/>
    public ExceptionReturn ReturnFromSyscall(CpuState cpu, ICheckedMemory memory, SyscallTrapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(entry);
        s_syscallRegisters.Scrub(cpu);
        cpu.Sp = entry.UserSp;
        cpu.Status = entry.UserStatus;
        cpu.Pc = entry.ReturnAddress;
        cpu.Privilege = entry.Exception.InterruptedPrivilege;
        return new ExceptionReturn(cpu.Privilege, entry.ReturnAddress, null);
    }

}
