using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// One MPU region the driver wants programmed: what <c>_region_init</c> is called with, and what holds it
/// (for maps and fault reports).
/// </summary>
internal readonly record struct ArcRegionRequest(uint Start, uint Size, uint Attributes, RegionHolder Holder)
{
    /// <summary>The first byte after the region (a region may end at 4 GiB).</summary>
    public ulong End => (ulong)Start + Size;

    /// <summary>Whether the registers this request writes equal <paramref name="other"/>'s (the holder aside).</summary>
    public bool SameHardware(ArcRegionRequest other) => Start == other.Start && Size == other.Size && Attributes == other.Attributes;

    /// <summary>Whether the two regions share a byte (as requested; the driver only programs regions the MPU decodes exactly).</summary>
    public bool Overlaps(ArcRegionRequest other) => Start < other.End && other.Start < End;
}
