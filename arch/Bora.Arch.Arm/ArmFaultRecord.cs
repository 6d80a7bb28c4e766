using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>A Cortex-M fault as the core latched it: the exception taken and the fault status registers.</summary>
public sealed class ArmFaultRecord : FaultRecord
{
    /// <summary>Creates the record; the status registers are captured after the fault was latched.</summary>
    public ArmFaultRecord(
        ArchId arch,
        int exceptionNumber,
        FaultClass faultClass,
        MemoryAccess access,
        uint cfsr,
        uint hfsr,
        uint? mmfar,
        uint? bfar,
        uint? faultAddress,
        int? mpuRegion)
        : base(
            arch,
            NameOf(exceptionNumber),
            exceptionNumber,
            faultClass,
            access,
            faultAddress,
            Describe(cfsr, hfsr, mmfar, bfar))
    {
        Cfsr = cfsr;
        Hfsr = (Hfsr)hfsr;
        Mmfar = mmfar;
        Bfar = bfar;
        MpuRegion = mpuRegion;
    }

    /// <summary>The exception taken: 4 MemManage, 5 BusFault, or 3 HardFault when escalated.</summary>
    public int ExceptionNumber => Vector;

    /// <summary>Configurable Fault Status Register after the fault.</summary>
    public uint Cfsr { get; }

    /// <summary>MemManage Fault Status Register (CFSR[7:0]).</summary>
    public Mmfsr Mmfsr => (Mmfsr)(Cfsr & 0xFF);

    /// <summary>BusFault Status Register (CFSR[15:8]).</summary>
    public Bfsr Bfsr => (Bfsr)((Cfsr >> 8) & 0xFF);

    /// <summary>UsageFault Status Register (CFSR[31:16]).</summary>
    public Ufsr Ufsr => (Ufsr)(Cfsr >> 16);

    /// <summary>HardFault Status Register after the fault.</summary>
    public Hfsr Hfsr { get; }

    /// <summary>MMFAR when MMFSR.MMARVALID is set, else <see langword="null"/>.</summary>
    public uint? Mmfar { get; }

    /// <summary>BFAR when BFSR.BFARVALID is set, else <see langword="null"/>.</summary>
    public uint? Bfar { get; }

    /// <summary>The MPU region that decided a denied access, or <see langword="null"/> (background, overlap, bus fault).</summary>
    public int? MpuRegion { get; }

    /// <summary>Whether a configurable fault was escalated to HardFault (HFSR.FORCED).</summary>
    public bool IsEscalated => (Hfsr & Hfsr.FORCED) != 0 && Vector == ArmException.HardFault;

    private static string NameOf(int exception) => exception switch
    {
        ArmException.HardFault => "HardFault",
        ArmException.MemManage => "MemManage",
        ArmException.BusFault => "BusFault",
        ArmException.UsageFault => "UsageFault",
        _ => $"exception {exception}",
    };

    private static StatusRegister[] Describe(uint cfsr, uint hfsr, uint? mmfar, uint? bfar)
    {
        // CFSR raw, then its MMFSR/BFSR/UFSR sub-registers decoded (the ones with a bit set), as Zephyr's fault dump names them.
        var registers = new List<StatusRegister> { new("CFSR", cfsr, string.Empty) };
        AddSubRegister<Mmfsr>(registers, "MMFSR", cfsr & 0xFF);
        AddSubRegister<Bfsr>(registers, "BFSR", (cfsr >> 8) & 0xFF);
        AddSubRegister<Ufsr>(registers, "UFSR", cfsr >> 16);
        registers.Add(new("HFSR", hfsr, (hfsr & (uint)Hfsr.FORCED) != 0 ? "FORCED" : string.Empty));
        if (mmfar is uint m)
        {
            registers.Add(new StatusRegister("MMFAR", m, string.Empty));
        }

        if (bfar is uint b)
        {
            registers.Add(new StatusRegister("BFAR", b, string.Empty));
        }

        return [.. registers];
    }

    private static void AddSubRegister<T>(List<StatusRegister> registers, string name, uint value)
        where T : struct, Enum
    {
        if (value == 0)
        {
            return;
        }

        var set = new List<string>();
        AddFlags<T>(set, value);
        registers.Add(new StatusRegister(name, value, string.Join('|', set)));
    }

    private static void AddFlags<T>(List<string> set, uint value)
        where T : struct, Enum
    {
        foreach (T flag in Enum.GetValues<T>())
        {
            uint bit = Convert.ToUInt32(flag, System.Globalization.CultureInfo.InvariantCulture);
            if (bit != 0 && (value & bit) == bit)
            {
                set.Add(flag.ToString());
            }
        }
    }
}
