using Bora.Abi;
using Bora.Boards;
using Bora.Cli.Samples;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using Bora.Kernel.Memory;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Map;

/// <summary>
/// What <c>bora map</c> prints, taken from a booted kernel: the boot regions the driver programmed, and for every
/// domain with live threads its partitions, its region budget and the regions in force while a user thread of it
/// runs.
/// </summary>
/// <param name="Board">The board.</param>
/// <param name="Driver">The protection driver's arch.</param>
/// <param name="MaxPartitions">Partitions a domain may hold on this board.</param>
/// <param name="BootRegions">The regions (or page ranges) in force after boot, before any thread runs.</param>
/// <param name="Domains">The default domain first, then the others in creation order.</param>
internal sealed record KernelMap(KernelBoard Board, ArchId Driver, int MaxPartitions, IReadOnlyList<RegionUse> BootRegions, IReadOnlyList<DomainMap> Domains)
{
    /// <summary>
    /// Boots <paramref name="board"/> (with <paramref name="sample"/> defined, if any), records the boot regions, runs
    /// for <paramref name="settle"/> so the sample sets its domains up, then maps every domain with live threads. The
    /// regions of a domain are what a probe — a <c>K_USER</c> thread added to it, which records the driver's regions
    /// when it first runs — sees.
    /// </summary>
    public static KernelMap Take(KernelBoard board, ISample? sample, TimeSpan settle)
    {
        KernelOptions options = board.CreateOptions();
        options.Name = sample?.Name ?? "map";
        using var kernel = new BoraKernel(options);
        if (sample is null)
        {
            kernel.Boot();
        }
        else
        {
            sample.Define(kernel, _ => { });
        }

        IProtectionDriver driver = kernel.ProtectionDriver
            ?? throw new InvalidOperationException($"board {board.Name} boots no protection driver, so it has no regions to map");
        IReadOnlyList<RegionUse> boot = driver.ActiveRegions();
        kernel.RunFor(settle);
        var domains = new List<DomainMap>();
        foreach ((MemoryDomain domain, string[] members) in LiveDomains(kernel))
        {
            domains.Add(MapDomain(kernel, domain, members));
        }

        return new KernelMap(board, driver.Arch, kernel.Domains.MaxPartitions, boot, domains);
    }

    /// <summary>The default domain and every domain with a live thread, in creation order, with their live threads.</summary>
    private static IEnumerable<(MemoryDomain Domain, string[] Members)> LiveDomains(BoraKernel kernel)
    {
        var members = kernel.Threads
            .Where(t => t.MemoryView is not null && !t.IsDead)
            .GroupBy(t => kernel.DomainOf(t.Handle))
            .ToDictionary(g => g.Key, g => g.Select(t => t.ThreadName).ToArray());
        members.TryAdd(kernel.Domains.Default, []);
        return members.OrderBy(m => m.Key.View.Id).Select(m => (m.Key, m.Value));
    }

    private static DomainMap MapDomain(BoraKernel kernel, MemoryDomain domain, IReadOnlyList<string> members)
    {
        var partitions = domain.Partitions
            .Select(p => (p.Slot, p.Partition, Holds: kernel.Layout.Partitions.FirstOrDefault(a => a.Start == p.Partition.Start)?.Name ?? kernel.Layout.AreaOf(p.Partition.Start)?.Name ?? "-"))
            .ToList();
        RegionBudget budget = kernel.ProtectionDriver!.Budget([.. partitions.Select(p => p.Partition)]);
        IReadOnlyList<RegionUse> regions = [];
        ThreadHandle probe = kernel.CreateThread($"map_probe_{domain.Name}", (_, _, _) => regions = kernel.ProtectionDriver!.ActiveRegions(), K_PRIO_COOP(0), 2048, ThreadOptions.User, K_NO_WAIT);
        int rc = kernel.AddThreadToDomain(domain, probe);
        if (rc != 0)
        {
            throw new InvalidOperationException($"the map probe could not join domain '{domain.Name}': {rc}");
        }

        kernel.RunFor(TimeSpan.FromMilliseconds(1));
        return new DomainMap(domain.Name, partitions, members, budget, regions);
    }
}
