using System.Globalization;
using System.Text.Json;
using Bora.Arch.X86;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Vectors;

/// <summary>The replay of one x86 vector file: one <c>pc</c> machine per configuration.</summary>
internal sealed class X86VectorSession : IVectorSession
{
    private const string QemuRsvdWithoutP = "qemu-rsvd-without-p";

    private readonly Board _board;
    private readonly int _maxPhysicalAddressBits;
    private Machine.Machine? _machine;
    private X86Mmu? _mmu;

    public X86VectorSession(Board board, int maxPhysicalAddressBits)
    {
        _board = board;
        _maxPhysicalAddressBits = maxPhysicalAddressBits;
    }

    /// <inheritdoc/>
    public void Configure(int configId, JsonElement config)
    {
        X86PagingMode mode = Required(config, "mode").GetString() switch
        {
            "pae" => X86PagingMode.Pae,
            "legacy32" => X86PagingMode.Paging32,
            string other => throw new VectorFormatException($"config {configId}: unknown x86 mode '{other}'"),
            null => throw new VectorFormatException($"config {configId}: 'mode' is not a string"),
        };

        var options = new X86MmuOptions { Mode = mode, MaxPhysicalAddressBits = _maxPhysicalAddressBits };
        X86Mmu? mmu = null;
        var machine = new Machine.Machine(_board, bus => mmu = new X86Mmu(bus, options));
        PhysicalMemory memory = machine.Bus.Memory;

        foreach (JsonElement write in Required(config, "page_table_writes").EnumerateArray())
        {
            ulong address = Required(write, "addr").GetUInt64();
            ulong count = Required(write, "count").GetUInt64();
            ulong value = Required(write, "value").GetUInt64();
            ulong increment = Required(write, "increment").GetUInt64();
            int entrySize = Required(write, "entry_size").GetInt32();
            if (entrySize is not (4 or 8) || address + (count * (ulong)entrySize) > _board.MemoryMap.Entries[^1].Range.End)
            {
                throw new VectorFormatException($"config {configId}: page-table write outside RAM or of size {entrySize}");
            }

            for (ulong i = 0; i < count; i++)
            {
                uint at = (uint)(address + (i * (ulong)entrySize));
                ulong entry = unchecked(value + (i * increment));
                if (entrySize == 8)
                {
                    memory.WriteUInt64(at, entry);
                }
                else
                {
                    memory.WriteUInt32(at, (uint)entry);
                }
            }
        }

        // Load the registers as the recording harness did: EFER and CR4 first, then CR3, then CR0 turns
        // paging on (loading the PDPTEs under PAE), and a final CR3 load after the table writes.
        JsonElement cr0 = Required(config, "cr0");
        JsonElement cr4 = Required(config, "cr4");
        uint cr3 = Required(config, "cr3").GetUInt32();
        ulong efer = Required(Required(config, "efer"), "nxe").GetBoolean() ? Efer.NXE : 0;
        uint cr0Value = Cr0.PE | Cr0.ET
            | (Required(cr0, "pg").GetBoolean() ? Cr0.PG : 0)
            | (Required(cr0, "wp").GetBoolean() ? Cr0.WP : 0);
        X86Mmu model = mmu!;
        model.Write(X86SystemRegister.Efer, efer);
        model.Write(X86SystemRegister.Cr4, Required(cr4, "value").GetUInt32());
        model.Write(X86SystemRegister.Cr3, cr3);
        model.Write(X86SystemRegister.Cr0, cr0Value);
        model.Write(X86SystemRegister.Cr3, cr3);
        if (model.Read(X86SystemRegister.Cr0) != cr0Value || model.Read(X86SystemRegister.Cr4) != Required(cr4, "value").GetUInt32())
        {
            throw new VectorFormatException($"config {configId}: the model refused the recorded control registers: {string.Join("; ", model.InvalidProgramming)}");
        }

        _machine = machine;
        _mmu = model;
    }

    /// <inheritdoc/>
    public IReadOnlyList<FieldMismatch> Replay(JsonElement vector)
    {
        if (_machine is null || _mmu is null)
        {
            throw new VectorFormatException("a vector before any config");
        }

        JsonElement probe = Required(vector, "probe");
        JsonElement result = Required(vector, "result");
        uint address = Required(probe, "addr").GetUInt32();
        int size = Required(probe, "size").GetInt32();
        AccessKind kind = Required(probe, "access").GetString() switch
        {
            "read" => AccessKind.Read,
            "write" => AccessKind.Write,
            "exec" => AccessKind.Execute,
            string other => throw new VectorFormatException($"unknown access '{other}'"),
            null => throw new VectorFormatException("'access' is not a string"),
        };
        Privilege privilege = Required(probe, "ring").GetInt32() switch
        {
            0 => Privilege.Supervisor,
            3 => Privilege.User,
            int ring => throw new VectorFormatException($"ring {ring} is not 0 or 3"),
        };

        FlushTlb();
        _mmu.ClearFaultStatus();
        Cpu cpu = _machine.Cpu;

        // Stores are decided, not performed: a probe's target may alias a paging structure.
        FaultRecord? fault = kind == AccessKind.Write
            ? cpu.Check(address, (uint)size, kind, privilege)
            : cpu.TryRead(address, size, kind, privilege, out _);
        return Compare(vector, result, kind, fault);
    }

    private List<FieldMismatch> Compare(JsonElement vector, JsonElement result, AccessKind kind, FaultRecord? fault)
    {
        var mismatches = new List<FieldMismatch>();
        string expectedOutcome = Required(result, "outcome").GetString() ?? string.Empty;
        string actualOutcome = fault is null ? "ok" : fault is X86FaultRecord ? "pagefault" : fault.ExceptionName;
        if (expectedOutcome != actualOutcome)
        {
            mismatches.Add(new FieldMismatch("outcome", expectedOutcome, Describe(actualOutcome, fault)));
            return mismatches;
        }

        if (fault is not X86FaultRecord pageFault)
        {
            return mismatches;
        }

        uint expectedCode = Required(result, "error_code").GetUInt32();
        if (HasFlag(vector, QemuRsvdWithoutP))
        {
            // Flag policy: follow the SDM, a reserved bit is only found in a present entry.
            expectedCode |= (uint)PageFaultErrorCode.P;
        }

        Expect(mismatches, "vector", Required(result, "vector").GetInt32(), pageFault.Vector);
        Expect(mismatches, "error_code", expectedCode, (uint)pageFault.ErrorCode);
        Expect(mismatches, "cr2", Required(result, "cr2").GetUInt32(), (uint)_mmu!.Read(X86SystemRegister.Cr2));
        if (kind == AccessKind.Execute)
        {
            // The faulting instruction is the fetched byte: EIP is the fetch address.
            Expect(mismatches, "faulting_eip", Required(result, "faulting_eip").GetUInt32(), pageFault.Access.Address);
        }

        return mismatches;
    }

    /// <summary>Every probe starts from an empty TLB: a CR3 load, and a CR4.PGE toggle to drop global entries too.</summary>
    private void FlushTlb()
    {
        X86Mmu mmu = _mmu!;
        ulong cr4 = mmu.Read(X86SystemRegister.Cr4);
        if ((cr4 & Cr4.PGE) != 0)
        {
            mmu.Write(X86SystemRegister.Cr4, cr4 & ~(ulong)Cr4.PGE);
            mmu.Write(X86SystemRegister.Cr4, cr4);
        }

        mmu.Write(X86SystemRegister.Cr3, mmu.Read(X86SystemRegister.Cr3));
    }

    private static void Expect<T>(List<FieldMismatch> mismatches, string field, T expected, T actual)
        where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            mismatches.Add(new FieldMismatch(field, Format(expected), Format(actual)));
        }
    }

    private static string Format<T>(T value) => value switch
    {
        uint u => string.Create(CultureInfo.InvariantCulture, $"0x{u:X}"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Describe(string outcome, FaultRecord? fault) => fault is null ? outcome : $"{outcome} ({fault})";

    private static bool HasFlag(JsonElement vector, string flag) =>
        vector.TryGetProperty("flags", out JsonElement flags)
        && flags.ValueKind == JsonValueKind.Array
        && flags.EnumerateArray().Any(f => f.ValueKind == JsonValueKind.String && f.GetString() == flag);

    private static JsonElement Required(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new VectorFormatException($"missing '{property}'");
}
