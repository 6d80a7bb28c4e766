namespace Bora.Kernel;

/// <summary>The region budget as a host query (docs/memory-domains.md, "Region budget").</summary>
public sealed partial class BoraKernel
{
    /// <summary>
    /// How <paramref name="partitions"/> would fit one memory domain on this kernel's arch
    /// (<see cref="IProtectionDriver.Arch"/>): regions used (boot, per thread, partitions), slots left (negative when
    /// they do not fit) and bytes wasted by rounding (PMSAv7 and ARC MPU v2 to a power of two, PMSAv8 and ARC MPU v4 to
    /// 32 bytes, x86 out to 4 KiB pages). Available from construction (the boot regions are programmed then); changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel has no protection driver.</exception>
    public RegionBudget RegionBudgetFor(IEnumerable<MemPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return Domains.Budget(partitions.Select(p => p.Value));
    }

    /// <summary>The region budget of <paramref name="domain"/>'s current partitions (see <see cref="RegionBudgetFor(IEnumerable{MemPartition})"/>).</summary>
    /// <exception cref="InvalidOperationException">The kernel has no protection driver.</exception>
    public RegionBudget RegionBudgetFor(MemoryDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return Domains.Budget(domain.Partitions.Select(p => p.Partition));
    }
}
