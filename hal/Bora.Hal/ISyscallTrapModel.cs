namespace Bora.Hal;

/// <summary>
/// The syscall trap of an arch (Zephyr's <c>arch_syscall_invoke*</c> and the arch's syscall entry and exit code): the
/// trap instruction from user mode (ARM <c>svc #3</c>, ARC <c>trap_s 3</c>, x86 <c>int $0x80</c>), the move onto the
/// thread's privilege-elevation stack in supervisor mode, and the return that leaves the result in the first register,
/// scrubs the caller-saved registers and drops back to user mode. An arch's exception model implements it beside
/// <see cref="IExceptionModel"/>; the kernel runs the dispatcher between <see cref="EnterSyscall"/> and
/// <see cref="ReturnFromSyscall"/>.
/// </summary>
public interface ISyscallTrapModel
{
    /// <summary>Where the id, the six argument words and the result travel, and what the return scrubs.</summary>
    SyscallRegisters SyscallRegisters { get; }

    /// <summary>
    /// Executes the syscall trap from user mode with the id and arguments already in <see cref="SyscallRegisters"/>:
    /// takes the arch's exception the arch's way (its frame may fault: see <see cref="ExceptionEntry.StackingFault"/>),
    /// and, when it did not fault, leaves <paramref name="cpu"/> in supervisor mode on the privilege-elevation stack,
    /// ready to run the dispatcher.
    /// </summary>
    /// <param name="cpu">The CPU, in user mode.</param>
    /// <param name="memory">Checked memory for the frame.</param>
    /// <param name="returnAddress">The address after the trap instruction.</param>
    /// <param name="privilegedStackTop">Top of the calling thread's privilege-elevation stack (<c>priv_stack_start</c> + size).</param>
    /// <returns>What the entry did; pass it to <see cref="ReturnFromSyscall"/>.</returns>
    SyscallTrapEntry EnterSyscall(CpuState cpu, ICheckedMemory memory, uint returnAddress, uint privilegedStackTop);

    /// <summary>
    /// Leaves the kernel after the dispatcher: the result is already in the first argument register; scrubs the
    /// registers in <see cref="SyscallRegisters.ScrubMask"/>, restores the user stack pointer and user mode, and resumes
    /// at the trap's return address.
    /// </summary>
    /// <param name="cpu">The CPU, in supervisor mode with the stack balanced since <see cref="EnterSyscall"/>.</param>
    /// <param name="memory">Checked memory for any frame the arch pops.</param>
    /// <param name="entry">What <see cref="EnterSyscall"/> returned.</param>
    /// <returns>The context resumed, or the fault raised while unstacking.</returns>
    ExceptionReturn ReturnFromSyscall(CpuState cpu, ICheckedMemory memory, SyscallTrapEntry entry);
}
