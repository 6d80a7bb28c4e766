using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>
/// Cortex-M exception entry and return: the 8-word basic frame (r0–r3, r12, lr, pc, xPSR) pushed on the
/// interrupted context's stack at that context's privilege, 8-byte aligned with the xPSR bit-9 pad;
/// EXC_RETURN in lr; unstacking at the privilege of the context returned to. Stacking writes r0 at the
/// new frame address first and upward, stops at the first failing word, and moves SP by the whole frame
/// regardless (QEMU <c>v7m_push_stack</c>); a failed unstacking leaves the CPU in the handler.
/// </summary>
public sealed partial class ArmExceptionModel : IExceptionModel
{
    /// <summary>Size of the basic exception frame (no floating-point context).</summary>
    public const uint FrameSize = 0x20;

    /// <summary>xPSR bit 9: set in the stacked xPSR when a 4-byte pad was inserted to align the frame.</summary>
    public const uint XpsrFramePad = 1u << 9;

    /// <summary>EXC_RETURN: return to handler mode on MSP.</summary>
    public const uint ExcReturnHandler = 0xFFFF_FFF1;

    /// <summary>EXC_RETURN: return to thread mode on MSP.</summary>
    public const uint ExcReturnThreadMsp = 0xFFFF_FFF9;

    /// <summary>EXC_RETURN: return to thread mode on PSP.</summary>
    public const uint ExcReturnThreadPsp = 0xFFFF_FFFD;

    private const int Lr = 14;
    private const int R12 = 12;
    private const uint IpsrMask = 0x1FF;

    private readonly ArmMpu? _mpu;

    /// <summary>Creates the exception model of a core whose MPU (for fault priorities and HFNMIENA) is <paramref name="mpu"/>.</summary>
    public ArmExceptionModel(ArmMpu? mpu = null)
    {
        _mpu = mpu;
    }

    /// <summary>Whether thread mode runs on the process stack (CONTROL.SPSEL=1), as every Zephyr thread does. Default true.</summary>
    public bool ThreadModeUsesPsp { get; set; } = true;

    /// <summary>
    /// PSPLIM (ARMv8-M Mainline): exception entry that would push below it raises UsageFault STKOF instead.
    /// Zero (the reset value) means no limit; ignored on PMSAv7 cores, which have no stack limit registers.
    /// </summary>
    public uint Psplim { get; set; }

    /// <summary>MSPLIM (ARMv8-M Mainline), as <see cref="Psplim"/> for the main stack.</summary>
    public uint Msplim { get; set; }

    /// <summary>Priority of exceptions other than NMI, HardFault and the configurable faults (SVCall, PendSV, SysTick, IRQs). Default 0.</summary>
    public Func<int, int> ConfigurablePriority { get; set; } = _ => 0;

    /// <inheritdoc/>
    public ExceptionEntry Enter(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        Privilege interrupted = cpu.Privilege;
        bool fromThread = !cpu.InException;
        bool onPsp = fromThread && ThreadModeUsesPsp;
        uint sp = cpu.Sp;
        bool pad = (sp & 4) != 0;
        uint frame = (sp - FrameSize) & ~7u;
        uint xpsr = (cpu.Status & ~XpsrFramePad) | (pad ? XpsrFramePad : 0);
        Span<uint> words = stackalloc uint[8];
        words[0] = cpu.Registers[0];
        words[1] = cpu.Registers[1];
        words[2] = cpu.Registers[2];
        words[3] = cpu.Registers[3];
        words[4] = cpu.Registers[R12];
        words[5] = cpu.Registers[Lr];
        words[6] = returnAddress;
        words[7] = xpsr;

        FaultRecord? fault = null;
        uint limit = _mpu?.Version == ArmMpuVersion.PmsaV8 ? (onPsp ? Psplim : Msplim) : 0;
        if (frame < limit)
        {
            // ARMv8-M stack limit: nothing is pushed below the limit (QEMU pushes nothing at all) and SP
            // becomes the limit; a UsageFault STKOF is raised instead of the stacking.
            fault = _mpu!.RaiseStackLimitFault(new MemoryAccess(frame, FrameSize, AccessKind.StackPush, interrupted));
            frame = limit;
        }

        for (int i = 0; i < words.Length && fault is null; i++)
        {
            fault = memory.TryWriteWord(frame + (uint)(4 * i), words[i], AccessKind.StackPush, interrupted);
        }

        // SP moves by the whole frame whether or not every word was written.
        if (onPsp)
        {
            cpu.Sp = cpu.OtherSp;
            cpu.OtherSp = frame;
        }
        else
        {
            cpu.Sp = frame;
        }

        cpu.Registers[Lr] = !fromThread ? ExcReturnHandler : onPsp ? ExcReturnThreadPsp : ExcReturnThreadMsp;
        cpu.Status = (cpu.Status & ~IpsrMask) | ((uint)exception & IpsrMask);
        cpu.Privilege = Privilege.Supervisor;
        cpu.InException = true;
        SetPriority(cpu, PriorityOf(exception));
        return new ExceptionEntry(exception, interrupted, sp, frame, fault);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">lr does not hold an EXC_RETURN value.</exception>
    public ExceptionReturn Return(CpuState cpu, ICheckedMemory memory, ExceptionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(entry);
        uint excReturn = cpu.Registers[Lr];
        if ((excReturn & 0xFFFF_FF00) != 0xFFFF_FF00)
        {
            throw new InvalidOperationException($"exception return needs an EXC_RETURN value in lr, found 0x{excReturn:X8}: restore the lr that Enter set");
        }

        bool toThread = (excReturn & 0x8) != 0;
        bool usePsp = (excReturn & 0x4) != 0;
        Privilege resumed = toThread ? entry.InterruptedPrivilege : Privilege.Supervisor;
        uint frame = usePsp ? cpu.OtherSp : cpu.Sp;
        Span<uint> words = stackalloc uint[8];
        for (int i = 0; i < words.Length; i++)
        {
            FaultRecord? fault = memory.TryReadWord(frame + (uint)(4 * i), AccessKind.StackPop, resumed, out words[i]);
            if (fault is not null)
            {
                return new ExceptionReturn(resumed, cpu.Pc, fault);
            }
        }

        uint xpsr = words[7];
        uint newSp = frame + FrameSize + ((xpsr & XpsrFramePad) != 0 ? 4u : 0u);
        if (usePsp)
        {
            cpu.OtherSp = cpu.Sp;
        }

        cpu.Sp = newSp;
        words[..4].CopyTo(cpu.Registers);
        cpu.Registers[R12] = words[4];
        cpu.Registers[Lr] = words[5];
        cpu.Pc = words[6];
        cpu.Status = xpsr & ~XpsrFramePad;
        cpu.Privilege = resumed;
        cpu.InException = !toThread;
        SetPriority(cpu, toThread ? CpuState.ThreadModePriority : PriorityOf((int)(xpsr & IpsrMask)));
        return new ExceptionReturn(resumed, cpu.Pc, null);
    }

    /// <summary>The priority exception <paramref name="exception"/> runs at.</summary>
    public int PriorityOf(int exception) => exception switch
    {
        ArmException.Nmi => -2,
        ArmException.HardFault => -1,
        ArmException.MemManage or ArmException.BusFault or ArmException.UsageFault =>
            (int)(((_mpu?.FaultStatus.Shpr1 ?? 0) >> (8 * (exception - ArmException.MemManage))) & 0xFF),
        _ => ConfigurablePriority(exception),
    };

    private void SetPriority(CpuState cpu, int priority)
    {
        bool wasNegative = cpu.ExecutionPriority < 0;
        cpu.ExecutionPriority = priority;
        if (wasNegative != priority < 0)
        {
            _mpu?.OnExecutionPriorityChanged();
        }
    }
}
