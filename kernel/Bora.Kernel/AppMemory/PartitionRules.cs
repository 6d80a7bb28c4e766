namespace Bora.Kernel.AppMemory;

/// <summary>
/// How a backend sizes and aligns an automatic partition (<c>SMEM_PARTITION_ALIGN</c>): power-of-two MPUs (PMSAv7,
/// ARC MPU v2) round the size up to a power of two no smaller than the minimum region and align the base to the size;
/// other MPUs (PMSAv8, ARC MPU v4) round to their granule (32 bytes) and align to it; MMUs (x86) to the page.
/// </summary>
/// <param name="Backend">The backend's name (<c>armv7m-pmsav7</c>, ...), for reports.</param>
/// <param name="PowerOfTwo">Whether sizes are powers of two with size-aligned bases.</param>
/// <param name="Granule">The smallest region size and alignment.</param>
/// <param name="Paged">Whether the backend maps pages (a partition needs one page-table entry per page) rather than one MPU region.</param>
public sealed record PartitionRules(string Backend, bool PowerOfTwo, uint Granule, bool Paged)
{
    /// <summary>Rules for a kernel without protection hardware: 32-byte granules.</summary>
    public static PartitionRules Unprotected { get; } = new("none", false, 32, false);

    /// <summary>The rules of <paramref name="driver"/>'s hardware.</summary>
    public static PartitionRules For(IProtectionDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ProtectionCapabilities c = driver.Capabilities;
        return new PartitionRules(driver.Arch.Name, c.PowerOfTwoRegions, c.MinimumRegionSize, Paged: c.SynchronousDomainApi);
    }

    /// <summary>The partition size for <paramref name="content"/> bytes of globals (an empty partition takes one granule, so it can still be added to a domain).</summary>
    public uint RoundSize(uint content)
    {
        ulong need = Math.Max(content, Granule);
        ulong size = PowerOfTwo ? System.Numerics.BitOperations.RoundUpToPowerOf2(need) : (need + Granule - 1) / Granule * Granule;
        return size > uint.MaxValue / 2 ? throw new InvalidOperationException($"{content} bytes of app globals cannot form one partition") : (uint)size;
    }

    /// <summary>The base alignment of a partition of <paramref name="size"/> bytes.</summary>
    public uint BaseAlignment(uint size) => PowerOfTwo ? size : Granule;

    /// <summary>Regions (MPU) or page-table entries (MMU) a partition of <paramref name="size"/> bytes needs.</summary>
    public uint RegionsFor(uint size) => Paged ? (size + Granule - 1) / Granule : 1;

    /// <summary>The rule in words, for reports.</summary>
    public string Describe() => PowerOfTwo
        ? $"size a power of two >= {Granule}, base aligned to size"
        : Paged ? $"size a multiple of the {Granule}-byte page, page-aligned base" : $"size a multiple of {Granule}, base aligned to {Granule}";
}
