using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// The ARC EM boards Bora models. Both share one map, after Zephyr's nSIM EM boards: ICCM (code, read-only
/// to the core's data side here) at 0x0000_0000, 256 KiB; DCCM (SRAM) at 0x8000_0000, 512 KiB; a 64 KiB
/// peripheral window at 0xF000_0000 (device models attach there; unattached addresses are bus errors).
/// </summary>
public static class ArcBoards
{
    /// <summary>The backend id of the MPU v2 model.</summary>
    public static readonly ArchId MpuV2 = new("arc-mpu-v2");

    /// <summary>The backend id of the MPU v4 model.</summary>
    public static readonly ArchId MpuV4 = new("arc-mpu-v4");

    /// <summary>Start of the ICCM (code) window.</summary>
    public const uint IccmBase = 0x0000_0000;

    /// <summary>Size of the ICCM window.</summary>
    public const uint IccmSize = 256 * 1024;

    /// <summary>Start of the DCCM (SRAM) window.</summary>
    public const uint DccmBase = 0x8000_0000;

    /// <summary>Size of the DCCM window.</summary>
    public const uint DccmSize = 512 * 1024;

    /// <summary>Start of the peripheral window.</summary>
    public const uint PeripheralBase = 0xF000_0000;

    /// <summary>Size of the peripheral window.</summary>
    public const uint PeripheralSize = 64 * 1024;

    /// <summary>ARC EM4-class core with MPU v2 (Zephyr's <c>nsim_em</c>; em_starterkit EM7D has the same MPU).</summary>
    public static Board NsimEm { get; } = new("nsim_em", "arcem", MpuV2, Map(), 50_000_000);

    /// <summary>ARC EM with SecureShield, MPU v4 (Zephyr's <c>nsim_sem</c>).</summary>
    public static Board NsimSem { get; } = new("nsim_sem", "arcem-sem", MpuV4, Map(), 50_000_000);

    /// <summary>Every board of the catalogue.</summary>
    public static IReadOnlyList<Board> All { get; } = [NsimEm, NsimSem];

    /// <summary>The backend id for an MPU version.</summary>
    public static ArchId ArchFor(ArcMpuVersion version) => version == ArcMpuVersion.V4 ? MpuV4 : MpuV2;

    /// <summary>The default board for an MPU version.</summary>
    public static Board DefaultFor(ArcMpuVersion version) => version == ArcMpuVersion.V4 ? NsimSem : NsimEm;

    /// <summary>Finds a board by name.</summary>
    /// <exception cref="ArgumentException">No board of the catalogue has that name.</exception>
    public static Board Find(string name) =>
        All.FirstOrDefault(b => b.Name == name)
        ?? throw new ArgumentException($"no ARC board named '{name}'; known: {string.Join(", ", All.Select(b => b.Name))}", nameof(name));

    private static BoardMemoryMap Map() => new(
    [
        new MemoryMapEntry("iccm", AddressRange.FromSize(IccmBase, IccmSize), MemoryKind.Rom),
        new MemoryMapEntry("dccm", AddressRange.FromSize(DccmBase, DccmSize), MemoryKind.Ram),
        new MemoryMapEntry("peripherals", AddressRange.FromSize(PeripheralBase, PeripheralSize), MemoryKind.Mmio),
    ]);
}
