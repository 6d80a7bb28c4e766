using System.Globalization;
using System.Text.Json;
using Bora.Arch.Arm;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Vectors;

/// <summary>
/// Replays an ARM vector file: one fresh machine per configuration, programmed through MPU register
/// writes on the bus; each probe made with the fault status cleared first (write-1-to-clear through the
/// bus), then the fault status registers read back through the bus and compared with the recording.
/// </summary>
internal abstract class ArmVectorSession : IVectorSession
{
    private const uint FaultEnables = 0x0007_0000; // SHCSR: MEMFAULTENA | BUSFAULTENA | USGFAULTENA

    private readonly Board _board;
    private readonly int _regions;
    private readonly List<FieldMismatch> _configMismatches = [];
    private ArmMachine? _machine;

    protected ArmVectorSession(Board board, int regions)
    {
        _board = board;
        _regions = regions;
    }

    /// <summary>The machine of the current configuration.</summary>
    protected ArmMachine Machine => _machine ?? throw new VectorFormatException("a vector before any config");

    public void Configure(int configId, JsonElement config)
    {
        _configMismatches.Clear();
        _machine = ArmMachine.Create(_board, _regions);

        // The recording harness runs with MemManage, BusFault and UsageFault enabled (exceptions 4 and 5
        // are taken, HFSR stays 0), as Zephyr does at boot.
        WriteRegister(ScsRegisters.SHCSR, FaultEnables);
        ProgramRegions(config);
        JsonElement ctrl = config.GetProperty("ctrl");
        WriteRegister(ScsRegisters.MPU_CTRL, ctrl.GetProperty("value").GetUInt32());
        CompareReadback("ctrl", ctrl.GetProperty("value").GetUInt32(), ReadRegister(ScsRegisters.MPU_CTRL));
    }

    public IReadOnlyList<FieldMismatch> Replay(JsonElement vector)
    {
        JsonElement probe = vector.GetProperty("probe");
        JsonElement result = vector.GetProperty("result");
        uint address = probe.GetProperty("addr").GetUInt32();
        int size = probe.GetProperty("size").GetInt32();
        bool privileged = probe.GetProperty("privileged").GetBoolean();
        string access = probe.GetProperty("access").GetString() ?? "";
        if (size is not (1 or 2 or 4))
        {
            throw new VectorFormatException($"probe size {size} (expected 1, 2 or 4)");
        }

        Cpu cpu = Machine.Cpu;
        Privilege privilege = privileged ? Privilege.Supervisor : Privilege.User;
        WriteRegister(ScsRegisters.CFSR, uint.MaxValue);
        WriteRegister(ScsRegisters.HFSR, uint.MaxValue);

        FaultRecord? fault = access switch
        {
            "read" => cpu.TryRead(address, size, AccessKind.Read, privilege, out _),
            "write" => cpu.TryWrite(address, size, AccessKind.Write, privilege, 0x5A5A5A5A),
            "exec" => Fetch(address, (uint)size, privilege),
            _ => throw new VectorFormatException($"probe access '{access}' (expected read, write or exec)"),
        };

        return Compare(result, fault);
    }

    /// <summary>Programs the MPU's regions (and attribute registers) as the recording did, before MPU_CTRL.</summary>
    protected abstract void ProgramRegions(JsonElement config);

    /// <summary>Writes a System Control Space register through the bus, privileged, as the harness's code did.</summary>
    protected void WriteRegister(uint address, uint value)
    {
        FaultRecord? fault = Machine.Cpu.TryWrite(address, 4, AccessKind.Write, Privilege.Supervisor, value);
        if (fault is not null)
        {
            _configMismatches.Add(new FieldMismatch($"write 0x{address:X8}", "completes", fault.ToString()));
        }
    }

    /// <summary>Reads a System Control Space register through the bus, privileged.</summary>
    protected uint ReadRegister(uint address)
    {
        FaultRecord? fault = Machine.Cpu.TryRead(address, 4, AccessKind.Read, Privilege.Supervisor, out uint value);
        if (fault is not null)
        {
            _configMismatches.Add(new FieldMismatch($"read 0x{address:X8}", "completes", fault.ToString()));
        }

        return value;
    }

    /// <summary>Records a register whose read-back differs from the recording's; it is reported with every probe of the configuration.</summary>
    protected void CompareReadback(string field, uint expected, uint actual)
    {
        if (expected != actual)
        {
            _configMismatches.Add(new FieldMismatch(field, Hex(expected), Hex(actual)));
        }
    }

    // An instruction fetch: the MPU first, then the bus (a fetch from nothing is a BusFault, IBUSERR).
    private FaultRecord? Fetch(uint address, uint size, Privilege privilege) =>
        Machine.Cpu.Check(address, size, AccessKind.Execute, privilege);

    private List<FieldMismatch> Compare(JsonElement result, FaultRecord? fault)
    {
        uint cfsr = ReadRegister(ScsRegisters.CFSR);
        uint hfsr = ReadRegister(ScsRegisters.HFSR);
        uint mmfar = ReadRegister(ScsRegisters.MMFAR);
        uint bfar = ReadRegister(ScsRegisters.BFAR);
        int exception = fault?.Vector ?? 0;
        string outcome = exception switch
        {
            0 => "ok",
            ArmException.MemManage => "memmanage",
            ArmException.BusFault => "busfault",
            ArmException.HardFault => "hardfault",
            _ => $"exception {exception}",
        };

        var mismatches = new List<FieldMismatch>(_configMismatches);
        Check(mismatches, "outcome", result.GetProperty("outcome").GetString() ?? "", outcome);
        Check(mismatches, "exception", Number(result, "exception"), exception.ToString(CultureInfo.InvariantCulture));
        Check(mismatches, "cfsr", Number(result, "cfsr"), Hex(cfsr));
        Check(mismatches, "mmfsr", Number(result, "mmfsr"), Hex(cfsr & 0xFF));
        Check(mismatches, "bfsr", Number(result, "bfsr"), Hex((cfsr >> 8) & 0xFF));
        Check(mismatches, "ufsr", Number(result, "ufsr"), Hex(cfsr >> 16));
        Check(mismatches, "hfsr", Number(result, "hfsr"), Hex(hfsr));
        Check(mismatches, "mmfar", Number(result, "mmfar"), (cfsr & (uint)Mmfsr.MMARVALID) != 0 ? Hex(mmfar) : "null");
        Check(mismatches, "bfar", Number(result, "bfar"), (cfsr & ((uint)Bfsr.BFARVALID << 8)) != 0 ? Hex(bfar) : "null");
        if (result.TryGetProperty("sfsr", out _))
        {
            // The Security Extension is not modelled (the AN505 recordings run Secure with the SAU off):
            // no SecureFault is ever raised, so SFSR is 0.
            Check(mismatches, "sfsr", Number(result, "sfsr"), Hex(0));
        }
        return mismatches;
    }

    private static void Check(List<FieldMismatch> mismatches, string field, string expected, string actual)
    {
        if (expected != actual)
        {
            mismatches.Add(new FieldMismatch(field, expected, actual));
        }
    }

    private static string Number(JsonElement result, string field)
    {
        JsonElement value = result.GetProperty(field);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "null";
        }

        return field == "exception" ? value.GetInt32().ToString(CultureInfo.InvariantCulture) : Hex(value.GetUInt32());
    }

    private static string Hex(uint value) => $"0x{value:X8}";
}
