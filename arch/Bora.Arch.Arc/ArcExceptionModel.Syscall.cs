using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// The ARCv2 syscall trap (<c>arch/arc/core/fault_s.S</c> and <c>userspace.S</c> <c>_arc_do_syscall</c>):
/// <c>trap_s 3</c> with the arguments in r0–r5 and the id in r6 is an exception, so the interrupted state goes to
/// ERET/ERSTATUS (no frame in memory) and, coming from user mode, SP is swapped with AUX_USER_SP: the handler runs on
/// the thread's privilege stack. The trap handler leaves exception state (AE cleared) for <c>_arc_do_syscall</c> in
/// kernel mode, which calls the dispatcher; the way back zeroes r1–r12 (caller-saved in the ARC ABI: the other
/// argument registers and the id; r0 holds the result), reloads ERET/ERSTATUS with the caller's return address and
/// status and RTIEs, which swaps the user stack back.
/// </summary>
public sealed partial class ArcExceptionModel : ISyscallTrapModel
{
    /// <summary><c>_TRAP_S_CALL_SYSTEM_CALL</c>: the trap number of a syscall.</summary>
    public const byte TrapSystemCall = 3;

    private static readonly SyscallRegisters s_syscallRegisters = new(
        Id: 6, Arg0: 0, Arg1: 1, Arg2: 2, Arg3: 3, Arg4: 4, Arg5: 5, ScrubMask: 0x1FFEu);

    /// <inheritdoc/>
    public SyscallRegisters SyscallRegisters => s_syscallRegisters;

    /// <inheritdoc/>
    /// <remarks>AUX_USER_SP (<see cref="CpuState.OtherSp"/>) already is the privilege stack; <paramref name="privilegedStackTop"/> is not needed.</remarks>
    public SyscallTrapEntry EnterSyscall(CpuState cpu, ICheckedMemory memory, uint returnAddress, uint privilegedStackTop)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        uint userSp = cpu.Sp;
        uint userStatus = ArcCore.Compose(cpu);
        ExceptionEntry entry = EnterTrap(cpu, memory, TrapSystemCall, returnAddress);
        if (entry.StackingFault is null)
        {
            // The trap handler jumps to _arc_do_syscall in kernel mode, out of exception state.
            ArcCore.Load(cpu, ArcCore.Compose(cpu) & ~Status32.AE);
            cpu.InException = false;
        }

        return new SyscallTrapEntry(entry, returnAddress, userSp, userStatus);
    }

    /// <inheritdoc/>
    public ExceptionReturn ReturnFromSyscall(CpuState cpu, ICheckedMemory memory, SyscallTrapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(entry);
        s_syscallRegisters.Scrub(cpu);
        ArcCore.Load(cpu, ArcCore.Compose(cpu) | Status32.AE);
        cpu.InException = true;
        Registers.Eret = entry.ReturnAddress;
        Registers.Erstatus = entry.UserStatus;
        return Return(cpu, memory, entry.Exception);
    }

}
