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

    /// <summary>Whether the backend has a fixed number of hardware regions (an MPU) rather than page tables.</summary>
    public bool HasRegionLimit => TotalRegions != 0;

    /// <summary>Regions in use by a thread of a domain holding the partitions: boot, per-thread and partition regions (MPUs); the partitions' slots on page tables.</summary>
    public int RegionsUsed => BootRegions + PerThreadRegions + PartitionRegions;

    /// <summary>The partitions one domain can hold on this backend (<c>arch_mem_domain_max_partitions_get</c>).</summary>
    public int MaxPartitions => PartitionRegions + SlotsLeft;

    /// <inheritdoc/>
    public override string ToString() => HasRegionLimit
        ? $"{RegionsUsed} of {TotalRegions} regions used ({BootRegions} boot, {PerThreadRegions} per thread, {PartitionRegions} partitions), {SlotsLeft} slots left, {BytesWasted} bytes wasted by rounding"
        : $"page tables: {PartitionRegions} of {MaxPartitions} partition slots used, {SlotsLeft} left, {BytesWasted} bytes wasted by rounding to pages";
}
