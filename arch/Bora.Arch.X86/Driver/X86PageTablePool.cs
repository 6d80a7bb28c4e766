using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.X86.Driver;

/// <summary>
/// The page-table pool: the kernel tables and a fixed number of equally sized sets for additional domains
/// (<c>page_pool</c>, <c>CONFIG_X86_MAX_ADDITIONAL_MEM_DOMAINS</c> copies of the boot tables). Unlike Zephyr's
/// bump allocator, a set goes back to the pool when its domain is deinitialised.
/// </summary>
internal sealed class X86PageTablePool
{
    private readonly List<X86PageTableSet> _sets = [];
    private readonly SortedSet<int> _free = [];

    public X86PageTablePool(PhysicalMemory memory, X86PagingMode mode, uint start, uint pagesPerSet, int domainSets)
    {
        Range = AddressRange.FromSize(start, (ulong)pagesPerSet * 4096 * (ulong)(domainSets + 1));
        Kernel = new X86PageTableSet(memory, mode, start, pagesPerSet, "kernel");
        for (int i = 0; i < domainSets; i++)
        {
            _sets.Add(new X86PageTableSet(memory, mode, start + ((uint)(i + 1) * pagesPerSet * 4096), pagesPerSet, $"pool set {i}"));
            _free.Add(i);
        }
    }

    /// <summary>Where the pool lives.</summary>
    public AddressRange Range { get; }

    /// <summary><c>z_x86_kernel_ptables</c>: the boot tables, also the default domain's.</summary>
    public X86PageTableSet Kernel { get; }

    /// <summary>Sets not held by a domain.</summary>
    public int FreeSets => _free.Count;

    /// <summary>The sets held by domains, in pool order (Zephyr's <c>x86_domain_list</c>).</summary>
    public IEnumerable<X86PageTableSet> InUse => _sets.Where((_, i) => !_free.Contains(i));

    /// <summary>Every set whose tables are live: the kernel's and the domains'.</summary>
    public IEnumerable<X86PageTableSet> Live => InUse.Prepend(Kernel);

    /// <summary>Takes the lowest free set, or null when the pool is exhausted.</summary>
    public X86PageTableSet? Take()
    {
        if (_free.Count == 0)
        {
            return null;
        }

        int index = _free.Min;
        _free.Remove(index);
        X86PageTableSet set = _sets[index];
        set.Clear();
        return set;
    }

    /// <summary>Returns <paramref name="set"/> to the pool.</summary>
    public void Return(X86PageTableSet set)
    {
        int index = _sets.IndexOf(set);
        if (index < 0)
        {
            throw new InvalidOperationException($"{set.Name} does not belong to this pool");
        }

        set.Clear();
        _free.Add(index);
    }
}
