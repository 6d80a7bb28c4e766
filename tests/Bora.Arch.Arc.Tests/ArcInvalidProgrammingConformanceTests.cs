using Bora.Hal;
using Bora.Hal.Conformance;

namespace Bora.Arch.Arc.Tests;

/// <summary>The documented invalid-programming outcomes of docs/arc-mpu.md, per MPU version.</summary>
[TestFixture(ArcMpuVersion.V2)]
[TestFixture(ArcMpuVersion.V4)]
public sealed class ArcInvalidProgrammingConformanceTests(ArcMpuVersion version) : InvalidProgrammingConformance
{
    private const uint Arena = ArcBoards.DccmBase + 0x40000;
    private const uint RwAll = 0x1B0;

    protected override ProtectionHarness CreateHarness() => new ArcProtectionHarness(version);

    protected override IEnumerable<InvalidProgrammingCase> Cases => version == ArcMpuVersion.V2 ? V2Cases : V4Cases;

    private static IEnumerable<InvalidProgrammingCase> V2Cases =>
    [
        new("MPU_RDB base not aligned to the region size",
            h => WriteV2(h, 10, Arena + 0x1000, RwAll | ArcMpuV2.EncodeSize(13)),
            [(UserRead(Arena), true), (UserRead(Arena + 0x1FFC), true), (UserRead(Arena + 0x2000), false)]),
        new("MPU_RDP SIZE below the 2 KiB minimum",
            h => WriteV2(h, 10, Arena + 0x4000, RwAll | ArcMpuV2.EncodeSize(10)),
            [(UserRead(Arena + 0x4000), true), (UserRead(Arena + 0x47FC), true), (UserRead(Arena + 0x4800), false)]),
        new("MPU_RDP SIZE reserved (below 4)",
            h => WriteV2(h, 10, Arena + 0x6000, RwAll),
            [(UserRead(Arena + 0x6000), true), (UserRead(Arena + 0x67FC), true), (UserRead(Arena + 0x6800), false)]),
    ];

    private static IEnumerable<InvalidProgrammingCase> V4Cases =>
    [
        new("overlapping valid regions",
            h =>
            {
                WriteV4(h, 5, Arena, Arena + 0x1000 - 32, RwAll | 1);
                WriteV4(h, 6, Arena + 0x800, Arena + 0x1800 - 32, RwAll | 1);
            },
            [
                (UserRead(Arena), true),
                (UserRead(Arena + 0x800), false),
                (new MemoryAccess(Arena + 0xFFC, 4, AccessKind.Read, Privilege.Supervisor), false),
                (UserRead(Arena + 0x1000), true),
            ]),
        new("MPU_REND below MPU_RSTART",
            h => WriteV4(h, 5, Arena + 0x4000, Arena + 0x3000, RwAll | 1),
            [(UserRead(Arena + 0x4000), false), (UserRead(Arena + 0x3000), false), (new MemoryAccess(Arena + 0x4000, 4, AccessKind.Read, Privilege.Supervisor), true)]),
        new("MPU_INDEX selecting a region the MPU does not have",
            h =>
            {
                h.Machine.Protection.ClearFaultStatus();
                WriteV4(h, 16, Arena + 0x8000, Arena + 0x9000 - 32, RwAll | 1);
            },
            [(UserRead(Arena + 0x8000), false)]),
    ];

    private static MemoryAccess UserRead(uint address) => new(address, 4, AccessKind.Read, Privilege.User);

    private static void WriteV2(ProtectionHarness harness, int index, uint rdbBase, uint rdp)
    {
        var aux = ((ArcProtectionHarness)harness).Arc.Aux;
        aux.Write(ArcAux.MPU_RDP0 + (uint)(2 * index), rdp);
        aux.Write(ArcAux.MPU_RDB0 + (uint)(2 * index), rdbBase | 1);
    }

    private static void WriteV4(ProtectionHarness harness, int index, uint start, uint end, uint rper)
    {
        var aux = ((ArcProtectionHarness)harness).Arc.Aux;
        aux.Write(ArcAux.MPU_INDEX, (uint)index);
        aux.Write(ArcAux.MPU_RSTART, start);
        aux.Write(ArcAux.MPU_REND, end);
        aux.Write(ArcAux.MPU_RPER, rper);
    }
}
