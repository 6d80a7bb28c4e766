using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// Zephyr's ARC region index plan (<c>get_region_index_by_type</c>, arch-spec §3.6) for N regions of which
/// S hold the boot configuration. MPU v2 (lowest index wins): static regions at N-S..N-1, the user stack at
/// N-S-1, N-S-2 unused (no stack guard on v2), partition slot i at N-S-3-i. MPU v4 (no overlap, no gap
/// filling): static regions at 0..S-1, the user stack at S+1, the guard at S+3, partitions from S+4 (S+3
/// without a guard) upward; S, S+2 and N-1 stay unused as upstream.
/// </summary>
internal sealed class ArcIndexPlan(ArcMpuVersion version, int regionCount, int staticRegions, bool stackGuard, uint guardSize)
{
    private readonly ArcRegionRequest?[] _wanted = new ArcRegionRequest?[regionCount];

    private bool V2 => version == ArcMpuVersion.V2;

    /// <summary>THREAD_STACK_USER_REGION's index.</summary>
    public int UserStackIndex => V2 ? regionCount - staticRegions - 1 : staticRegions + 1;

    /// <summary>THREAD_STACK_GUARD_REGION's index, or -1 without a guard.</summary>
    public int GuardIndex => !V2 && stackGuard ? staticRegions + 3 : -1;

    /// <summary>THREAD_DOMAIN_PARTITION_REGION's index: where the first partition goes.</summary>
    public int FirstPartitionIndex => V2 ? regionCount - staticRegions - 3 : staticRegions + (stackGuard ? 4 : 3);

    /// <summary><c>arch_mem_domain_max_partitions_get</c>: v2 N-S-2; v4 N - first partition index - 1.</summary>
    public int MaxPartitions => V2 ? regionCount - staticRegions - 2 : regionCount - FirstPartitionIndex - 1;

    /// <summary>Whether <paramref name="index"/> is reprogrammed at switches (not a boot region).</summary>
    public bool IsDynamic(int index) => V2 ? index < regionCount - staticRegions : index >= staticRegions;

    /// <summary>
    /// The dynamic regions <c>configure_mpu_thread</c> programs for <paramref name="thread"/>, by index (null:
    /// cleared). Every occupied slot is programmed (Bora's fix of the upstream slot quirk, arch-spec
    /// ARC-16): v2 maps slot i to index N-S-3-i, v4 packs the occupied slots from the first partition index.
    /// </summary>
    /// <remarks>The array is the plan's own, reused at every switch: read it before the next call.</remarks>
    /// <exception cref="InvalidOperationException">The domain holds more partitions than the plan has regions for.</exception>
    public ArcRegionRequest?[] For(ThreadMemoryView thread)
    {
        ArcRegionRequest?[] wanted = _wanted;
        Array.Clear(wanted);
        if (GuardIndex >= 0)
        {
            wanted[GuardIndex] = ArcThreadRegions.Guard(thread, guardSize);
        }

        if (thread.IsUser)
        {
            wanted[UserStackIndex] = ArcThreadRegions.UserStack(thread);
        }

        int ordinal = 0;
        MemoryPartition[] slots = thread.Domain.Slots;
        for (int slot = 0; slot < slots.Length; slot++)
        {
            MemoryPartition p = slots[slot];
            if (p.IsFree)
            {
                continue;
            }

            int index = V2 ? FirstPartitionIndex - slot : FirstPartitionIndex + ordinal;
            if ((V2 ? slot : ordinal) >= MaxPartitions)
            {
                throw new InvalidOperationException(
                    $"{version}: domain '{thread.Domain.Name}' slot {slot} is beyond the {MaxPartitions} partition regions left after {staticRegions} boot regions of {regionCount}");
            }

            wanted[index] = ArcThreadRegions.Partition(thread.Domain, slot, p);
            ordinal++;
        }

        return wanted;
    }
}
