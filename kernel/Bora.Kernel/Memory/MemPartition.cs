using Bora.Hal;

namespace Bora.Kernel.Memory;

/// <summary>
/// A partition definition (<c>struct k_mem_partition</c>, what <c>K_MEM_PARTITION_DEFINE</c> creates).
/// Domains copy its start, size and permissions when it is added: changing it afterwards has no effect
/// on any domain, as in Zephyr.
/// </summary>
public sealed class MemPartition
{
    /// <summary>Creates a partition definition; no check is made (see <see cref="MemoryDomainManager.Define"/>).</summary>
    public MemPartition(string name, uint start, uint size, PartitionPermissions permissions)
    {
        Name = name;
        Start = start;
        Size = size;
        Permissions = permissions;
    }

    /// <summary>Name for reports.</summary>
    public string Name { get; }

    /// <summary>First byte.</summary>
    public uint Start { get; set; }

    /// <summary>Size in bytes.</summary>
    public uint Size { get; set; }

    /// <summary>What it grants.</summary>
    public PartitionPermissions Permissions { get; set; }

    /// <summary>The value a domain slot stores.</summary>
    public MemoryPartition Value => new(Start, Size, Permissions);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Value}";
}
