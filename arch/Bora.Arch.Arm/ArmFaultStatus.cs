using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>
/// The fault status and fault handler control registers of the System Control Block: CFSR (sticky,
/// write-1-to-clear), HFSR (write-1-to-clear), MMFAR, BFAR, SHCSR's fault enables and SHPR1's fault
/// priorities. Latching a fault also decides whether it is taken as itself or escalated to HardFault.
/// </summary>
public sealed class ArmFaultStatus
{
    private const uint MemFaultEna = 1u << 16;
    private const uint BusFaultEna = 1u << 17;
    private const uint UsgFaultEna = 1u << 18;
    private const uint ShcsrWritable = MemFaultEna | BusFaultEna | UsgFaultEna;

    /// <summary>Configurable Fault Status Register.</summary>
    public uint Cfsr { get; private set; }

    /// <summary>HardFault Status Register.</summary>
    public uint Hfsr { get; private set; }

    /// <summary>MemManage Fault Address Register (meaningful while MMFSR.MMARVALID is set).</summary>
    public uint Mmfar { get; private set; }

    /// <summary>BusFault Address Register (meaningful while BFSR.BFARVALID is set).</summary>
    public uint Bfar { get; private set; }

    /// <summary>System Handler Control and State Register.</summary>
    public uint Shcsr { get; private set; }

    /// <summary>System Handler Priority Register 1: MemManage, BusFault and UsageFault priorities (bytes 0..2).</summary>
    public uint Shpr1 { get; private set; }

    /// <summary>Whether MemManage is enabled (SHCSR.MEMFAULTENA); when not, MPU faults escalate to HardFault.</summary>
    public bool MemManageEnabled => (Shcsr & MemFaultEna) != 0;

    /// <summary>Whether BusFault is enabled (SHCSR.BUSFAULTENA); when not, bus errors escalate to HardFault.</summary>
    public bool BusFaultEnabled => (Shcsr & BusFaultEna) != 0;

    /// <summary>Clears every latched status bit and address, as a handler writing ones to CFSR and HFSR does.</summary>
    public void Clear()
    {
        Cfsr = 0;
        Hfsr = 0;
    }

    /// <summary>
    /// Latches MemManage status bits (and MMFAR when <paramref name="address"/> is given, setting
    /// MMARVALID) and returns the exception the fault is taken as.
    /// </summary>
    internal int LatchMemManage(Mmfsr bits, uint? address, int executionPriority)
    {
        if (address is uint a)
        {
            Mmfar = a;
            bits |= Mmfsr.MMARVALID;
        }

        Cfsr |= (uint)bits;
        return TakenAs(ArmException.MemManage, MemManageEnabled, (int)(Shpr1 & 0xFF), executionPriority);
    }

    /// <summary>
    /// Latches BusFault status bits (and BFAR when <paramref name="address"/> is given, setting
    /// BFARVALID) and returns the exception the fault is taken as.
    /// </summary>
    internal int LatchBusFault(Bfsr bits, uint? address, int executionPriority)
    {
        if (address is uint a)
        {
            Bfar = a;
            bits |= Bfsr.BFARVALID;
        }

        Cfsr |= (uint)bits << 8;
        return TakenAs(ArmException.BusFault, BusFaultEnabled, (int)((Shpr1 >> 8) & 0xFF), executionPriority);
    }

    /// <summary>Latches UsageFault status bits and returns the exception the fault is taken as.</summary>
    internal int LatchUsageFault(Ufsr bits, int executionPriority)
    {
        Cfsr |= (uint)bits << 16;
        return TakenAs(ArmException.UsageFault, (Shcsr & UsgFaultEna) != 0, (int)((Shpr1 >> 16) & 0xFF), executionPriority);
    }

    /// <summary>MMFAR when MMARVALID is set.</summary>
    internal uint? ValidMmfar => (Cfsr & (uint)Mmfsr.MMARVALID) != 0 ? Mmfar : null;

    /// <summary>BFAR when BFARVALID is set.</summary>
    internal uint? ValidBfar => (Cfsr & ((uint)Bfsr.BFARVALID << 8)) != 0 ? Bfar : null;

    /// <summary>Reads the register at <paramref name="address"/>; false when it is not one of these.</summary>
    internal bool TryRead(uint address, out uint value)
    {
        value = address switch
        {
            ScsRegisters.SHPR1 => Shpr1,
            ScsRegisters.SHCSR => Shcsr,
            ScsRegisters.CFSR => Cfsr,
            ScsRegisters.HFSR => Hfsr,
            ScsRegisters.MMFAR => Mmfar,
            ScsRegisters.BFAR => Bfar,
            _ => 0,
        };
        return address is ScsRegisters.SHPR1 or ScsRegisters.SHCSR or ScsRegisters.CFSR or ScsRegisters.HFSR
            or ScsRegisters.MMFAR or ScsRegisters.BFAR;
    }

    /// <summary>
    /// Writes the bytes selected by <paramref name="laneMask"/> of the register at
    /// <paramref name="address"/>; false when it is not one of these.
    /// </summary>
    internal bool TryWrite(uint address, uint value, uint laneMask)
    {
        switch (address)
        {
            case ScsRegisters.SHPR1:
                Shpr1 = Merge(Shpr1, value, laneMask & 0x00FF_FFFF);
                return true;
            case ScsRegisters.SHCSR:
                Shcsr = Merge(Shcsr, value, laneMask & ShcsrWritable);
                return true;
            case ScsRegisters.CFSR:
                Cfsr &= ~(value & laneMask);
                return true;
            case ScsRegisters.HFSR:
                Hfsr &= ~(value & laneMask);
                return true;
            case ScsRegisters.MMFAR:
                Mmfar = Merge(Mmfar, value, laneMask);
                return true;
            case ScsRegisters.BFAR:
                Bfar = Merge(Bfar, value, laneMask);
                return true;
            default:
                return false;
        }
    }

    private int TakenAs(int exception, bool enabled, int handlerPriority, int executionPriority)
    {
        // A configurable fault that is disabled, or that cannot pre-empt the running code (its priority is
        // not more urgent than the current execution priority), escalates to HardFault.
        if (enabled && handlerPriority < executionPriority)
        {
            return exception;
        }

        Hfsr |= (uint)Bora.Arch.Arm.Hfsr.FORCED;
        return ArmException.HardFault;
    }

    private static uint Merge(uint old, uint value, uint mask) => (old & ~mask) | (value & mask);

    /// <summary>The fault class a stacking or data access is reported under.</summary>
    internal static FaultClass ClassOf(AccessKind kind, FaultClass otherwise) => kind switch
    {
        AccessKind.StackPush => FaultClass.Stacking,
        AccessKind.StackPop => FaultClass.Unstacking,
        _ => otherwise,
    };
}
