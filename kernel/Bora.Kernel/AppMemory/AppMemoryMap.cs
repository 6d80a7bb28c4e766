namespace Bora.Kernel.AppMemory;

/// <summary>
/// One kernel's app memory after layout: the plan, each partition's <c>struct k_mem_partition</c>, each global's
/// address. The accessors of <see cref="AppGlobal"/> resolve through it.
/// </summary>
public sealed class AppMemoryMap
{
    private readonly Dictionary<AppGlobal, uint> _addresses = [];
    private readonly Dictionary<AppPartition, MemPartition> _partitions = [];
    private readonly List<MemPartition> _ordered = [];

    internal AppMemoryMap(AppMemoryImage image, AppMemoryPlan plan, Func<PartitionPlacement, MemPartition> define)
    {
        Image = image;
        Plan = plan;
        foreach (PartitionPlacement p in plan.Partitions)
        {
            MemPartition partition = define(p);
            _partitions.Add(p.Contents.Partition, partition);
            _ordered.Add(partition);
            foreach (GlobalPlacement g in p.Globals)
            {
                _addresses.Add(g.Global, p.Base + g.Offset);
            }
        }
    }

    /// <summary>What was linked.</summary>
    public AppMemoryImage Image { get; }

    /// <summary>Where it was placed.</summary>
    public AppMemoryPlan Plan { get; }

    /// <summary>Every partition's <c>struct k_mem_partition</c>, in address order.</summary>
    public IReadOnlyList<MemPartition> Partitions => _ordered;

    /// <summary>The partition called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public MemPartition? Find(string name) => _ordered.FirstOrDefault(p => p.Name == name);

    /// <summary>The <c>struct k_mem_partition</c> of <paramref name="partition"/>.</summary>
    /// <exception cref="InvalidOperationException">The partition is not in this kernel's image.</exception>
    public MemPartition PartitionOf(AppPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return _partitions.TryGetValue(partition, out MemPartition? p) ? p
            : throw new InvalidOperationException($"partition '{partition.Name}' ({partition.Assembly}) is not in this kernel's app memory; include it in the AppMemoryImage given to LoadAppMemory");
    }

    /// <summary>The address of <paramref name="global"/>.</summary>
    /// <exception cref="InvalidOperationException">The global is not in this kernel's image.</exception>
    public uint AddressOf(AppGlobal global)
    {
        ArgumentNullException.ThrowIfNull(global);
        return _addresses.TryGetValue(global, out uint a) ? a
            : throw new InvalidOperationException($"app global '{global.Declaration.Owner}.{global.Name}' is not in this kernel's app memory; include its partition in the AppMemoryImage given to LoadAppMemory");
    }

    /// <summary>The global whose bytes hold <paramref name="address"/>, or <see langword="null"/> (for reports).</summary>
    public GlobalPlacement? GlobalAt(uint address)
    {
        foreach (PartitionPlacement p in Plan.Partitions)
        {
            if (address >= p.Base && address < p.End)
            {
                return p.Globals.FirstOrDefault(g => address >= p.Base + g.Offset && address < p.Base + g.Offset + g.Size);
            }
        }

        return null;
    }
}
