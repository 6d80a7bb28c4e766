namespace Bora.Hal;

/// <summary>
/// What a protection driver sees of a memory domain (<c>struct k_mem_domain</c>): its partition slots
/// and a place for the driver's own data (x86: the domain's page tables). The kernel owns and updates
/// it; drivers read the slots and keep their state in <see cref="ArchData"/>.
/// </summary>
public sealed class DomainMemoryView
{
    /// <summary>Creates the view of a domain with <paramref name="capacity"/> slots.</summary>
    public DomainMemoryView(int id, string name, int capacity, bool isDefault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Id = id;
        Name = name;
        Slots = new MemoryPartition[capacity];
        IsDefault = isDefault;
    }

    /// <summary>Kernel-assigned id, unique within a kernel, in creation order.</summary>
    public int Id { get; }

    /// <summary>Name for reports.</summary>
    public string Name { get; }

    /// <summary>The partition slots; a free slot has size zero. Occupied slots may be sparse.</summary>
    public MemoryPartition[] Slots { get; }

    /// <summary>Number of occupied slots (<c>num_partitions</c>).</summary>
    public int PartitionCount { get; set; }

    /// <summary>Whether this is <c>k_mem_domain_default</c>.</summary>
    public bool IsDefault { get; }

    /// <summary>Driver-owned per-domain state (<c>struct arch_mem_domain</c>).</summary>
    public object? ArchData { get; set; }

    /// <summary>The occupied slots in slot order, with their indices.</summary>
    public IEnumerable<(int Slot, MemoryPartition Partition)> Occupied()
    {
        for (int i = 0; i < Slots.Length; i++)
        {
            if (!Slots[i].IsFree)
            {
                yield return (i, Slots[i]);
            }
        }
    }
}
