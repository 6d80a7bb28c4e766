namespace Bora.Kernel.AppMemory;

/// <summary>A partition of an <see cref="AppMemoryImage"/> and the globals linked into it: initialised data first, then BSS, each in declaration order.</summary>
public sealed class AppPartitionContents
{
    internal AppPartitionContents(AppPartition partition, IReadOnlyList<AppGlobal> globals)
    {
        Partition = partition;
        Globals = globals;
    }

    /// <summary>The partition.</summary>
    public AppPartition Partition { get; }

    /// <summary>Its name.</summary>
    public string Name => Partition.Name;

    /// <summary>Its globals: data (<c>data_smem_P_data</c>) then BSS (<c>data_smem_P_bss</c>).</summary>
    public IReadOnlyList<AppGlobal> Globals { get; }
}
