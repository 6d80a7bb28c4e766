using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>
/// The ia32 syscall trap (<c>arch/x86/core/ia32/userspace.S</c> <c>z_x86_syscall_entry_stub</c>): <c>int $0x80</c>
/// with the id in ESI and the arguments in EAX, EDX, ECX, EBX, EDI and EBP goes through a DPL-3 interrupt gate, so
/// from ring 3 the processor switches to the TSS ESP0 — the thread's privilege stack — and pushes SS, ESP, EFLAGS, CS
/// and EIP there. The stub saves the callee-saved registers, calls the dispatcher, restores them, zeroes the
/// caller-saved ECX and EDX (EAX holds the result) and IRETs back to ring 3.
/// </summary>
public sealed partial class X86ExceptionModel : ISyscallTrapModel
{
    private const int Eax = 0;
    private const int Ecx = 1;
    private const int Edx = 2;
    private const int Ebx = 3;
    private const int Ebp = 5;
    private const int Esi = 6;
    private const int Edi = 7;

    private static readonly SyscallRegisters s_syscallRegisters = new(
        Id: Esi, Arg0: Eax, Arg1: Edx, Arg2: Ecx, Arg3: Ebx, Arg4: Edi, Arg5: Ebp, ScrubMask: (1u << Ecx) | (1u << Edx));

    /// <inheritdoc/>
    public SyscallRegisters SyscallRegisters => s_syscallRegisters;

    /// <inheritdoc/>
    /// <remarks>ESP0 (<see cref="CpuState.OtherSp"/>) already is the privilege stack; <paramref name="privilegedStackTop"/> is not needed.</remarks>
    public SyscallTrapEntry EnterSyscall(CpuState cpu, ICheckedMemory memory, uint returnAddress, uint privilegedStackTop)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        uint userSp = cpu.Sp;
        uint userStatus = cpu.Status;
        ExceptionEntry entry = Enter(cpu, memory, X86Vector.Syscall, returnAddress);
        return new SyscallTrapEntry(entry, returnAddress, userSp, userStatus);
    }

    /// <inheritdoc/>
    public ExceptionReturn ReturnFromSyscall(CpuState cpu, ICheckedMemory memory, SyscallTrapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(entry);
        s_syscallRegisters.Scrub(cpu);
        return Return(cpu, memory, entry.Exception);
    }

}
