using Bora.Hal;

namespace Bora.Arch.Arm.Driver;

/// <summary>
/// One MPU region the driver wants programmed, with what holds it (for maps and fault reports).
/// <paramref name="Flash"/> selects the flash memory type of <c>REGION_FLASH_ATTR</c> (text, rodata) instead of
/// the partition encodings.
/// </summary>
internal readonly record struct ArmRegionRequest(uint Start, uint Size, PartitionPermissions Permissions, RegionHolder Holder, bool Flash = false)
{
    /// <summary>The first byte after the region (a region may end at 4 GiB).</summary>
    public ulong End => (ulong)Start + Size;

    /// <summary>Whether the registers this request writes equal <paramref name="other"/>'s (the holder aside).</summary>
    public bool SameHardware(ArmRegionRequest other) =>
        Start == other.Start && Size == other.Size && Permissions == other.Permissions && Flash == other.Flash;

    /// <summary>Whether the two regions share a byte.</summary>
    public bool Overlaps(ArmRegionRequest other) => Start < other.End && other.Start < End;
}
