namespace Bora.Arch.Arm;

/// <summary>Cortex-M exception numbers (the value IPSR holds while the handler runs).</summary>
public static class ArmException
{
    /// <summary>No exception: thread mode.</summary>
    public const int None = 0;

    /// <summary>Non-maskable interrupt (fixed priority -2).</summary>
    public const int Nmi = 2;

    /// <summary>HardFault (fixed priority -1); configurable faults escalate to it.</summary>
    public const int HardFault = 3;

    /// <summary>MemManage: an MPU violation.</summary>
    public const int MemManage = 4;

    /// <summary>BusFault: the bus could not complete an access.</summary>
    public const int BusFault = 5;

    /// <summary>UsageFault.</summary>
    public const int UsageFault = 6;

    /// <summary>Supervisor call.</summary>
    public const int SVCall = 11;

    /// <summary>PendSV, used by Zephyr for context switches.</summary>
    public const int PendSV = 14;

    /// <summary>SysTick.</summary>
    public const int SysTick = 15;

    /// <summary>First external interrupt (IRQ 0).</summary>
    public const int FirstIrq = 16;
}
