using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// Configuration ARC-A of arch-spec §3.7: MPU v2, 16 regions, three static regions (S = 3), MPU_EN =
/// 0x40000000 (enabled, default region no access), programmed with the exact register values of the
/// table through SR.
/// </summary>
internal static class ArcA
{
    public const uint UserStack = 0x8001_0000;
    public const uint PartitionA = 0x8001_2000;
    public const uint PartitionB = 0x8001_4000;

    public static ArcMachine Create()
    {
        var arc = new ArcMachine(ArcBoards.NsimEm, new ArcMpuOptions { Version = ArcMpuVersion.V2, RegionCount = 16 });
        Region(arc, 15, 0xF000_0001, 0x783);
        Region(arc, 14, 0x8000_0001, 0x980);
        Region(arc, 13, 0x0000_0001, 0x969);
        Region(arc, 12, 0x8001_0001, 0x5B3);
        Region(arc, 10, 0x8001_2001, 0x5B3);
        Region(arc, 9, 0x8001_4001, 0x523);
        arc.Aux.Write(ArcAux.MPU_EN, 0x4000_0000);
        return arc;
    }

    /// <summary>Programs region <paramref name="index"/> as Zephyr's <c>_region_init</c> does: RDP first, then RDB.</summary>
    public static void Region(ArcMachine arc, int index, uint rdb, uint rdp)
    {
        arc.Aux.Write(ArcAux.MPU_RDP0 + (uint)(2 * index), rdp);
        arc.Aux.Write(ArcAux.MPU_RDB0 + (uint)(2 * index), rdb);
    }

    public static FaultRecord? Load(ArcMachine arc, uint address, Privilege privilege, int size = 4) =>
        arc.Cpu.TryRead(address, size, AccessKind.Read, privilege, out _);

    public static FaultRecord? Store(ArcMachine arc, uint address, Privilege privilege, int size = 4) =>
        arc.Cpu.TryWrite(address, size, AccessKind.Write, privilege, 0x5A5A_5A5A);

    public static FaultRecord? Fetch(ArcMachine arc, uint address, Privilege privilege) =>
        arc.Cpu.TryRead(address, 2, AccessKind.Execute, privilege, out _);
}
