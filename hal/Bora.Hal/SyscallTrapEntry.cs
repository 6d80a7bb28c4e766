namespace Bora.Hal;

/// <summary>What a syscall trap's entry did (<see cref="ISyscallTrapModel.EnterSyscall"/>).</summary>
/// <param name="Exception">The exception the trap took: its frame, the interrupted privilege and stack, and any stacking fault.</param>
/// <param name="ReturnAddress">The address after the trap instruction, where the return resumes.</param>
/// <param name="UserSp">The user stack pointer before the trap, which the return restores.</param>
/// <param name="UserStatus">The status register of the caller, which the return restores.</param>
public sealed record SyscallTrapEntry(ExceptionEntry Exception, uint ReturnAddress, uint UserSp, uint UserStatus)
{
    /// <summary>The fault raised while taking the trap (e.g. ARM MSTKERR when the user stack cannot hold the frame), if any.</summary>
    public FaultRecord? StackingFault => Exception.StackingFault;
}
