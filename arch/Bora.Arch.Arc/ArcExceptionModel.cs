using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// ARCv2 exception entry and return (RTIE).
/// </summary>
/// <remarks>
/// <para><b>Exceptions</b> (vectors 0–15) save the interrupted context in registers, not on a stack:
/// ERET ← the return address, ERSTATUS ← STATUS32, ERBTA ← BTA, and ECR/EFA ← the fault the MPU latched
/// (or, for an exception no fault latched, ECR ← the vector with cause and parameter 0 and EFA ← the
/// return address). STATUS32 then has U, IE, DE, ES, DZ and SC cleared, AE and L set, and Z set to the
/// interrupted U bit. Coming from user mode the core swaps SP with AUX_USER_SP
/// (<see cref="CpuState.OtherSp"/>), so the handler runs on the thread's kernel stack. An exception taken
/// while AE is set is a double fault: EV_MachineCheck.</para>
/// <para><b>Interrupts</b> (vectors 16 and up) switch to the kernel stack the same way, then push
/// STATUS32 and PC, then BLINK if AUX_IRQ_CTRL.B and r(NR-1)…r0 for AUX_IRQ_CTRL.NR; STATUS32.U is
/// cleared. The loop and JLI/LDI/EI registers AUX_IRQ_CTRL can add are not modelled.</para>
/// <para>In both cases the handler address is read from the vector table at INT_VECTOR_BASE + 4 × vector
/// (a checked supervisor load; a fault there is returned as the entry's stacking fault).</para>
/// <para><b>RTIE</b> restores ERSTATUS/ERET/ERBTA (after an exception) or pops the interrupt frame,
/// swaps SP back when returning to user mode, then checks an instruction fetch at the resumed PC at the
/// resumed privilege; that fetch fault is returned as the return's unstacking fault.</para>
/// </remarks>
public sealed partial class ArcExceptionModel : IExceptionModel
{
    /// <summary>First vector number that is an interrupt rather than an exception.</summary>
    public const int FirstInterrupt = 16;

    /// <summary>AUX_IRQ_CTRL.B: interrupt entry also saves BLINK.</summary>
    public const uint AUX_IRQ_CTRL_B = 1u << 9;

    /// <summary>AUX_IRQ_CTRL.NR: number of general registers (r0 upwards) interrupt entry saves.</summary>
    public const uint AUX_IRQ_CTRL_NR = 0x1F;

    private readonly ArcMpuModel _mpu;

    /// <summary>Creates the exception model of the core whose MPU (and exception registers) is <paramref name="mpu"/>.</summary>
    public ArcExceptionModel(ArcMpuModel mpu)
    {
        ArgumentNullException.ThrowIfNull(mpu);
        _mpu = mpu;
    }

    private ArcExceptionRegisters Registers => _mpu.ExceptionRegisters;

    /// <inheritdoc/>
    public ExceptionEntry Enter(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentOutOfRangeException.ThrowIfNegative(exception);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exception, 255);
        return exception < FirstInterrupt
            ? EnterException(cpu, memory, exception, returnAddress)
            : EnterInterrupt(cpu, memory, exception, returnAddress);
    }

    /// <summary>
    /// Executes <c>TRAP_S n</c>: latches ECR = EV_Trap with parameter <paramref name="trapNumber"/> and
    /// takes the exception; <paramref name="returnAddress"/> is the instruction after the trap.
    /// </summary>
    public ExceptionEntry EnterTrap(CpuState cpu, ICheckedMemory memory, byte trapNumber, uint returnAddress)
    {
        Registers.Latch(new ArcEcr(ArcExceptionVector.EV_Trap, 0, trapNumber), returnAddress);
        return Enter(cpu, memory, (int)ArcExceptionVector.EV_Trap, returnAddress);
    }

    /// <inheritdoc/>
    public ExceptionReturn Return(CpuState cpu, ICheckedMemory memory, ExceptionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(entry);
        if (cpu.Privilege == Privilege.User)
        {
            throw new InvalidOperationException("RTIE in user mode is a privilege violation: return from kernel code only");
        }

        return entry.Exception < FirstInterrupt ? ReturnFromException(cpu, memory) : ReturnFromInterrupt(cpu, memory);
    }

    private ExceptionEntry EnterException(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress)
    {
        uint status = ArcCore.Compose(cpu);
        var vector = (ArcExceptionVector)exception;
        uint ecr, efa;
        if ((status & Status32.AE) != 0)
        {
            // An exception inside an exception handler: a double fault.
            vector = ArcExceptionVector.EV_MachineCheck;
            ecr = new ArcEcr(vector, 0, 0).Value;
            efa = returnAddress;
        }
        else if (Registers.FaultPending && ArcEcr.FromValue(Registers.Ecr).Vector == vector)
        {
            ecr = Registers.Ecr;
            efa = Registers.Efa;
        }
        else
        {
            ecr = new ArcEcr(vector, 0, 0).Value;
            efa = returnAddress;
        }

        Privilege interrupted = cpu.Privilege;
        uint interruptedSp = cpu.Sp;
        SwapStacksIfUser(cpu);
        uint entered = status & ~(Status32.U | Status32.IE | Status32.DE | Status32.ES | Status32.DZ | Status32.SC | Status32.Z);
        entered |= Status32.AE | Status32.L | ((status & Status32.U) != 0 ? Status32.Z : 0);
        ArcCore.Load(cpu, entered);
        cpu.InException = true;

        FaultRecord? vectorFault = FetchVector(cpu, memory, (int)vector);
        Registers.Eret = returnAddress;
        Registers.Erstatus = status;
        Registers.Erbta = Registers.Bta;
        Registers.Ecr = ecr;
        Registers.Efa = efa;
        Registers.FaultPending = false;
        return new ExceptionEntry((int)vector, interrupted, interruptedSp, cpu.Sp, vectorFault);
    }

    private ExceptionEntry EnterInterrupt(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress)
    {
        uint status = ArcCore.Compose(cpu);
        Privilege interrupted = cpu.Privilege;
        uint interruptedSp = cpu.Sp;
        SwapStacksIfUser(cpu);
        ArcCore.Load(cpu, (status & ~(Status32.U | Status32.Z)) | ((status & Status32.U) != 0 ? Status32.Z : 0));
        cpu.InException = true;

        FaultRecord? fault = Push(cpu, memory, status) ?? Push(cpu, memory, returnAddress);
        if (fault is null && (Registers.AuxIrqCtrl & AUX_IRQ_CTRL_B) != 0)
        {
            fault = Push(cpu, memory, cpu.Registers[31]);
        }

        for (int r = SavedRegisterCount() - 1; fault is null && r >= 0; r--)
        {
            fault = Push(cpu, memory, cpu.Registers[r]);
        }

        fault ??= FetchVector(cpu, memory, exception);
        return new ExceptionEntry(exception, interrupted, interruptedSp, cpu.Sp, fault);
    }

    private ExceptionReturn ReturnFromException(CpuState cpu, ICheckedMemory memory)
    {
        ArcCore.Load(cpu, Registers.Erstatus);
        cpu.Pc = Registers.Eret;
        Registers.Bta = Registers.Erbta;
        cpu.InException = (Registers.Erstatus & Status32.AE) != 0;
        SwapStacksIfUser(cpu);
        return new ExceptionReturn(cpu.Privilege, cpu.Pc, memory.TryReadWord(cpu.Pc, AccessKind.Execute, cpu.Privilege, out _));
    }

    private ExceptionReturn ReturnFromInterrupt(CpuState cpu, ICheckedMemory memory)
    {
        uint resumedPc = cpu.Pc;
        for (int r = 0; r < SavedRegisterCount(); r++)
        {
            if (Pop(cpu, memory, out uint value) is FaultRecord fault)
            {
                return new ExceptionReturn(cpu.Privilege, resumedPc, fault);
            }

            cpu.Registers[r] = value;
        }

        if ((Registers.AuxIrqCtrl & AUX_IRQ_CTRL_B) != 0)
        {
            if (Pop(cpu, memory, out uint blink) is FaultRecord fault)
            {
                return new ExceptionReturn(cpu.Privilege, resumedPc, fault);
            }

            cpu.Registers[31] = blink;
        }

        if (Pop(cpu, memory, out uint pc) is FaultRecord pcFault)
        {
            return new ExceptionReturn(cpu.Privilege, resumedPc, pcFault);
        }

        if (Pop(cpu, memory, out uint status) is FaultRecord statusFault)
        {
            return new ExceptionReturn(cpu.Privilege, resumedPc, statusFault);
        }

        ArcCore.Load(cpu, status);
        cpu.Pc = pc;
        cpu.InException = (status & Status32.AE) != 0;
        SwapStacksIfUser(cpu);
        return new ExceptionReturn(cpu.Privilege, cpu.Pc, memory.TryReadWord(cpu.Pc, AccessKind.Execute, cpu.Privilege, out _));
    }

    private int SavedRegisterCount() => (int)Math.Min(Registers.AuxIrqCtrl & AUX_IRQ_CTRL_NR, 16);

    /// <summary>Swaps SP and AUX_USER_SP when the CPU is (entry: was; return: will be) in user mode.</summary>
    private static void SwapStacksIfUser(CpuState cpu)
    {
        if (cpu.Privilege == Privilege.User)
        {
            (cpu.Sp, cpu.OtherSp) = (cpu.OtherSp, cpu.Sp);
        }
    }

    private static FaultRecord? Push(CpuState cpu, ICheckedMemory memory, uint value)
    {
        uint address = cpu.Sp - 4;
        FaultRecord? fault = memory.TryWriteWord(address, value, AccessKind.StackPush, Privilege.Supervisor);
        if (fault is null)
        {
            cpu.Sp = address;
        }

        return fault;
    }

    private static FaultRecord? Pop(CpuState cpu, ICheckedMemory memory, out uint value)
    {
        FaultRecord? fault = memory.TryReadWord(cpu.Sp, AccessKind.StackPop, Privilege.Supervisor, out value);
        if (fault is null)
        {
            cpu.Sp += 4;
        }

        return fault;
    }

    private FaultRecord? FetchVector(CpuState cpu, ICheckedMemory memory, int vector)
    {
        FaultRecord? fault = memory.TryReadWord(Registers.IntVectorBase + (uint)(vector * 4), AccessKind.Read, Privilege.Supervisor, out uint handler);
        if (fault is null)
        {
            cpu.Pc = handler;
        }

        return fault;
    }
}
