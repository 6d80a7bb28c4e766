namespace Bora.Kernel.Memory;

/// <summary>Memory-domain configuration (Zephyr Kconfig).</summary>
public sealed class MemoryDomainOptions
{
    /// <summary><c>CONFIG_MAX_DOMAIN_PARTITIONS</c>: the slot array length; the arch's limit must not exceed it.</summary>
    public int MaxDomainPartitions { get; set; } = 16;

    /// <summary><c>CONFIG_EXECUTE_XOR_WRITE</c>: reject partitions that are both writable and executable.</summary>
    public bool ExecuteXorWrite { get; set; }
}
