namespace Bora.Hal;

/// <summary>
/// How a set of partitions fits a backend's regions: the host query of the region budget, and what the
/// kernel logs when a domain or thread does not fit.
/// </summary>
/// <param name="TotalRegions">Regions the hardware has (0 for page tables: no region limit).</param>
/// <param name="BootRegions">Regions held by the boot configuration.</param>
/// <param name="PerThreadRegions">Regions each thread switch programs besides partitions (user stack, guard).</param>
/// <param name="PartitionRegions">Regions the given partitions need (more than one each where the arch splits).</param>
/// <param name="SlotsLeft">Regions still free once the partitions are in (negative when they do not fit).</param>
/// <param name="BytesWasted">Bytes lost to rounding each partition to the arch's size and alignment rules.</param>
public sealed record RegionBudget(int TotalRegions, int BootRegions, int PerThreadRegions, int PartitionRegions, int SlotsLeft, ulong BytesWasted)
{
    /// <summary>Whether the partitions fit.</summary>
    public bool Fits => SlotsLeft >= 0;
}
