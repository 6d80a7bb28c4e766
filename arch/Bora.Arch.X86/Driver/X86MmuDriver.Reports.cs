using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary>Maps and budgets for fault reports and the host.</summary>
public sealed partial class X86MmuDriver
{
    /// <inheritdoc/>
    /// <remarks>
    /// The loaded tables (CR3) over every page the boot map covers, as runs of pages with the same permissions
    /// (decoded from the PTEs) and holder: a stack guard, a user stack granted in these tables, a partition of
    /// the domain owning them, or the boot region. Runs whose live bits differ from their boot backups are the
    /// ones the domain, stacks and guards changed. Slot is always -1.
    /// </remarks>
    public IReadOnlyList<RegionUse> ActiveRegions()
    {
        if (_pool is null)
        {
            return [];
        }

        uint cr3 = Cr3;
        X86PageTableSet? set = _pool.Live.FirstOrDefault(s => s.Root == cr3);
        if (set is null)
        {
            return [];
        }

        var regions = new List<RegionUse>();
        (ulong Start, ulong End, PartitionPermissions Permissions, string Holder)? run = null;
        foreach (ulong page in MappedPages())
        {
            PartitionPermissions permissions = X86PartitionAttributes.Decode(set.ReadPte((uint)page), Pae);
            string holder = HolderOf(set, (uint)page);
            if (run is { } r && r.End == page && r.Permissions == permissions && r.Holder == holder)
            {
                run = r with { End = page + PageSize };
                continue;
            }

            if (run is { } done)
            {
                regions.Add(new RegionUse(-1, new AddressRange(done.Start, done.End), done.Permissions, done.Holder));
            }

            run = (page, page + PageSize, permissions, holder);
        }

        if (run is { } last)
        {
            regions.Add(new RegionUse(-1, new AddressRange(last.Start, last.End), last.Permissions, last.Holder));
        }

        return regions;
    }

    /// <inheritdoc/>
    /// <remarks>Page tables have no region limit: the only limit is <c>CONFIG_MAX_DOMAIN_PARTITIONS</c>; waste is each partition's rounding out to whole pages.</remarks>
    public RegionBudget Budget(IReadOnlyList<MemoryPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ulong wasted = 0;
        foreach (MemoryPartition p in partitions)
        {
            ulong first = p.Start & ~(ulong)(PageSize - 1);
            ulong end = (p.End + PageSize - 1) & ~(ulong)(PageSize - 1);
            wasted += end - first - p.Size;
        }

        return new RegionBudget(0, 0, 0, partitions.Count, MaxPartitionsPerDomain - partitions.Count, wasted);
    }

    private IEnumerable<ulong> MappedPages()
    {
        ulong next = PageSize;
        foreach (AddressRange range in _bootRegions.Select(r => r.Range).Where(r => !r.IsEmpty).OrderBy(r => r.Start))
        {
            for (ulong page = Math.Max(range.Start, next); page < range.End; page += PageSize)
            {
                yield return page;
            }

            next = Math.Max(next, range.End);
        }
    }

    private string HolderOf(X86PageTableSet set, uint page)
    {
        if (_guards.TryGetValue(page, out string? guard))
        {
            return guard;
        }

        foreach ((uint start, uint size, string holder) in set.StackGrants.Values)
        {
            if (page >= start && page < (ulong)start + size)
            {
                return holder;
            }
        }

        if (set.Domain is DomainMemoryView domain)
        {
            foreach ((int slot, MemoryPartition p) in domain.Occupied())
            {
                if (page + (ulong)PageSize > p.Start && page < p.End)
                {
                    return $"domain '{domain.Name}' slot {slot}";
                }
            }
        }

        return _bootRegions.Last(r => r.Range.Contains(page)).Holder;
    }
}
