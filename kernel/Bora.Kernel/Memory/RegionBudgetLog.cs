using Bora.Hal;
using Serilog;

namespace Bora.Kernel.Memory;

/// <summary>
/// The Warning a memory-domain call logs when it refuses for lack of regions or slots (its return code stays
/// Zephyr's): how many regions the arch has, what holds them, and what the domain would need.
/// </summary>
internal sealed class RegionBudgetLog
{
    /// <summary>The message on an MPU; its property names are the event's structured fields.</summary>
    public const string MpuTemplate =
        "{Api} refused on domain {Domain} with {Result}: the domain would need {NeededPartitions} partitions, {NeededRegions} regions with a thread's own; "
        + "{Arch} has {TotalRegions} regions: {BootRegions} held by the boot configuration, {PerThreadRegions} kept for each thread (user stack, guard, indices the arch reserves), "
        + "{MaxPartitions} left for partitions; programmed now: {Holders}";

    /// <summary>The message on page tables, with the same structured fields.</summary>
    public const string PageTableTemplate =
        "{Api} refused on domain {Domain} with {Result}: the domain would need {NeededPartitions} partitions, {NeededRegions} slots; "
        + "{Arch} uses page tables ({TotalRegions} regions, {BootRegions} boot, {PerThreadRegions} per thread: no region limit) "
        + "and allows {MaxPartitions} partitions per domain (CONFIG_MAX_DOMAIN_PARTITIONS); {Holders}";

    private readonly IProtectionDriver _driver;
    private readonly ILogger? _log;

    public RegionBudgetLog(IProtectionDriver driver, ILogger? log)
    {
        _driver = driver;
        _log = log?.ForContext<MemoryDomainManager>();
    }

    /// <summary>Logs that <paramref name="api"/> refused <paramref name="domain"/>, which would hold <paramref name="needed"/>.</summary>
    public void Refused(string api, MemoryDomain domain, int result, IReadOnlyList<MemoryPartition> needed, string? thread = null)
    {
        if (_log is null)
        {
            return;
        }

        RegionBudget budget = _driver.Budget(needed);
        string[] holders = budget.HasRegionLimit
            ? [.. _driver.ActiveRegions().Select(r => $"#{r.Slot} {r.Holder}")]
            : [$"{domain.PartitionCount} slots in use"];
        _log.ForContext("Thread", thread)
            .Warning(
                budget.HasRegionLimit ? MpuTemplate : PageTableTemplate,
                thread is null ? api : $"{api}('{thread}')",
                domain.Name,
                result,
                needed.Count,
                budget.RegionsUsed,
                _driver.Arch.Name,
                budget.TotalRegions,
                budget.BootRegions,
                budget.PerThreadRegions,
                budget.MaxPartitions,
                holders);
    }
}
