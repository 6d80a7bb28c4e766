namespace Bora.Hal;

/// <summary>
/// What a protection backend can do, as data the kernel and the conformance suite adapt to (Zephyr's
/// <c>CONFIG_MPU_REQUIRES_*</c> and <c>CONFIG_ARCH_MEM_DOMAIN_SYNCHRONOUS_API</c>).
/// </summary>
/// <param name="PowerOfTwoRegions">Partitions must be a power of two in size with a base aligned to it (PMSAv7, ARC v2).</param>
/// <param name="NonOverlappingRegions">Hardware regions must not overlap (PMSAv8, ARC v4).</param>
/// <param name="MinimumRegionSize">Smallest partition size and alignment granule (32, 2048 or 4096).</param>
/// <param name="SynchronousDomainApi">Domain changes take effect at once (page tables) rather than at the next switch (MPUs).</param>
/// <param name="UserCanReachSameDomainStacks">User threads can reach the stacks of other user threads of their domain (MMU).</param>
public sealed record ProtectionCapabilities(
    bool PowerOfTwoRegions,
    bool NonOverlappingRegions,
    uint MinimumRegionSize,
    bool SynchronousDomainApi,
    bool UserCanReachSameDomainStacks);
