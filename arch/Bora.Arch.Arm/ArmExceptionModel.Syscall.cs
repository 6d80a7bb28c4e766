using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>
/// The Cortex-M syscall trap (<c>arch/arm/core/cortex_m/swap_helper.S</c> <c>z_arm_svc</c> and <c>userspace.S</c>
/// <c>z_arm_do_syscall</c>): <c>svc #3</c> with the arguments in r0–r5 and the id in r6 stacks the 8-word basic frame
/// on the user's PSP at user privilege (a stack too full for it is a stacking MemManage, MSTKERR); the SVC handler
/// clears CONTROL.nPRIV and returns from the exception into <c>z_arm_do_syscall</c>, which moves PSP to the thread's
/// privilege stack and calls the dispatcher in privileged thread mode. The way back restores the user PSP, zeroes
/// the caller-saved r1–r3 and r12 (r0 holds the result; r4–r6 are callee-saved and keep the caller's values), sets
/// nPRIV and branches to the instruction after the SVC.
/// </summary>
public sealed partial class ArmExceptionModel : ISyscallTrapModel
{
    /// <summary><c>_SVC_CALL_SYSTEM_CALL</c>: the SVC number of a syscall.</summary>
    public const int SvcSystemCall = 3;

    private static readonly SyscallRegisters s_syscallRegisters = new(
        Id: 6, Arg0: 0, Arg1: 1, Arg2: 2, Arg3: 3, Arg4: 4, Arg5: 5, ScrubMask: (1u << 1) | (1u << 2) | (1u << 3) | (1u << R12));

    /// <inheritdoc/>
    public SyscallRegisters SyscallRegisters => s_syscallRegisters;

    /// <summary>The SVC number of the last SVC taken through <see cref="EnterSyscall"/> (the immediate <c>z_arm_svc</c> decodes).</summary>
    public int LastSvcNumber { get; private set; }

    /// <inheritdoc/>
    public SyscallTrapEntry EnterSyscall(CpuState cpu, ICheckedMemory memory, uint returnAddress, uint privilegedStackTop)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        uint userSp = cpu.Sp;
        uint userStatus = cpu.Status;
        LastSvcNumber = SvcSystemCall;
        ExceptionEntry svc = Enter(cpu, memory, ArmException.SVCall, returnAddress);
        if (svc.StackingFault is not null)
        {
            return new SyscallTrapEntry(svc, returnAddress, userSp, userStatus);
        }

        // z_arm_svc: nPRIV cleared, then the exception return pops the frame into privileged thread mode.
        ExceptionReturn back = Return(cpu, memory, svc with { InterruptedPrivilege = Privilege.Supervisor });
        if (back.UnstackingFault is { } unstacking)
        {
            return new SyscallTrapEntry(svc with { StackingFault = unstacking }, returnAddress, userSp, userStatus);
        }

        // z_arm_do_syscall: PSP := the privilege stack (thread.arch.priv_stack_start + CONFIG_PRIVILEGED_STACK_SIZE).
        cpu.Sp = privilegedStackTop;
        return new SyscallTrapEntry(svc, returnAddress, userSp, userStatus);
    }

    /// <inheritdoc/>
    public ExceptionReturn ReturnFromSyscall(CpuState cpu, ICheckedMemory memory, SyscallTrapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(entry);
        s_syscallRegisters.Scrub(cpu);
        cpu.Sp = entry.UserSp;
        cpu.Status = entry.UserStatus;
        cpu.Pc = entry.ReturnAddress;
        cpu.Privilege = Privilege.User;
        return new ExceptionReturn(Privilege.User, entry.ReturnAddress, null);
    }

}
