namespace Bora.Kernel.AppMemory;

/// <summary>
/// An automatic memory partition declared with <see cref="K_APPMEM_PARTITION_DEFINEAttribute"/>: a name only. Where
/// it lies is decided per kernel when the kernel lays out its app memory (<see cref="BoraKernel.LoadAppMemory"/>);
/// <see cref="Partition"/> gives the running kernel's <c>struct k_mem_partition</c>.
/// </summary>
public sealed class AppPartition
{
    /// <summary>Declares the partition <paramref name="name"/> of assembly <paramref name="assembly"/>.</summary>
    public AppPartition(string name, string assembly)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Assembly = assembly;
    }

    /// <summary>The partition's name.</summary>
    public string Name { get; }

    /// <summary>The assembly that declares it.</summary>
    public string Assembly { get; }

    /// <summary>
    /// The running kernel's <c>struct k_mem_partition</c> for it (read-write for user and kernel), to add to domains.
    /// Called from a kernel thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not called from a kernel thread, or the kernel did not lay this partition out.</exception>
    public MemPartition Partition => KernelContext.Require(Name).Kernel.AppMemory.PartitionOf(this);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
