using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// MPU v4 with <c>CONFIG_MPU_GAP_FILLING</c> (<c>arc_mpu_v4_internal.h</c>): <c>_mpu_reset_dynamic_regions</c> restores
/// the boot regions (kernel RAM, <c>REGION_DYNAMIC</c>, among them) and frees S..N-1, then
/// <c>arc_core_mpu_configure_thread</c> places the guard, the user stack and every occupied partition in that order,
/// each through <c>_dynamic_region_allocate_and_init</c>: inside the one region holding it, that region is taken over
/// (same extent), trimmed (same start or end; one more index) or split around it (two more: the region and a fill
/// with the underlying attributes); outside every region it simply takes the next index. Computed on a table reused
/// at every switch, so the driver writes only what changes.
/// </summary>
internal sealed class ArcGapFillingPlan(ArcMpuRegisters registers, int regionCount, bool stackGuard, uint guardSize)
{
    private readonly ArcRegionRequest?[] _target = new ArcRegionRequest?[regionCount];

    /// <summary>The map last computed, by region index (null: cleared).</summary>
    public ReadOnlySpan<ArcRegionRequest?> Target => _target;

    /// <summary>
    /// <c>(N − S − 2 × per-thread regions) / 2</c>: every thread region and every partition may split a region in two,
    /// costing two indices. Zephyr's <c>(N − MPU_REGION_NUM_FOR_THREAD) / 2</c> ignores the S boot regions and counts
    /// one split for the guard and the stack together, so it can promise partitions the regions cannot hold.
    /// </summary>
    public static int MaxPartitions(int regionCount, int staticRegions, bool stackGuard)
    {
        int left = regionCount - staticRegions - (2 * (1 + (stackGuard ? 1 : 0)));
        return left < 0 ? -1 : left / 2;
    }

    /// <summary>Computes the map of <paramref name="thread"/> over the boot map <paramref name="boot"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// A region the MPU would decode differently, one straddling two regions (an overlap: EV_MachineCheck), or more
    /// regions than the MPU has.
    /// </exception>
    public void Compute(ReadOnlySpan<ArcRegionRequest?> boot, int staticRegions, ThreadMemoryView thread)
    {
        boot.CopyTo(_target);
        int next = staticRegions;
        if (stackGuard)
        {
            next = Place(ArcThreadRegions.Guard(thread, guardSize), next, thread);
        }

        if (thread.IsUser)
        {
            next = Place(ArcThreadRegions.UserStack(thread), next, thread);
        }

        MemoryPartition[] slots = thread.Domain.Slots;
        for (int slot = 0; slot < slots.Length; slot++)
        {
            if (!slots[slot].IsFree)
            {
                next = Place(ArcThreadRegions.Partition(thread.Domain, slot, slots[slot]), next, thread);
            }
        }
    }

    private int Place(ArcRegionRequest region, int next, ThreadMemoryView thread)
    {
        if (registers.HardwareRange(region.Start, region.Size) != AddressRange.FromSize(region.Start, region.Size))
        {
            throw new InvalidOperationException(
                $"MPU v4: {region.Holder} for thread '{thread.Name}' is [0x{region.Start:X8}, +0x{region.Size:X}), which the MPU would program as {registers.HardwareRange(region.Start, region.Size)}; lay it out per the stack geometry and partition rules");
        }

        int u = Underlying(region, next, thread);
        if (u < 0)
        {
            return Allocate(next, region, thread);
        }

        ArcRegionRequest under = _target[u]!.Value;
        bool sameStart = region.Start == under.Start, sameEnd = region.End == under.End;
        if (sameStart && sameEnd)
        {
            _target[u] = region;
            return next;
        }

        ArcRegionRequest above = under with { Start = (uint)region.End, Size = (uint)(under.End - region.End) };
        _target[u] = sameStart ? above : under with { Size = region.Start - under.Start };
        next = Allocate(next, region, thread);
        return sameStart || sameEnd ? next : Allocate(next, above, thread);
    }

    /// <summary>
    /// <c>_get_region_index</c>: the region holding both ends of <paramref name="region"/>, or -1 when no region touches
    /// it. Unlike upstream (which probes only the two ends and skips index 0), a region that covers part of it is refused:
    /// programming it beside that region would be an overlap.
    /// </summary>
    private int Underlying(ArcRegionRequest region, int next, ThreadMemoryView thread)
    {
        for (int i = 0; i < next; i++)
        {
            if (_target[i] is not ArcRegionRequest r || !r.Overlaps(region))
            {
                continue;
            }

            if (r.Start <= region.Start && region.End <= r.End)
            {
                return i;
            }

            throw new InvalidOperationException(
                $"MPU v4 gap filling: {region.Holder} of thread '{thread.Name}' [0x{region.Start:X8}, 0x{region.End:X}) straddles region {i} [0x{r.Start:X8}, 0x{r.End:X}) ({r.Holder}); programming it would overlap (EV_MachineCheck)");
        }

        return -1;
    }

    private int Allocate(int index, ArcRegionRequest region, ThreadMemoryView thread)
    {
        if (index >= _target.Length)
        {
            throw new InvalidOperationException(
                $"MPU v4 gap filling: thread '{thread.Name}' needs more than the {_target.Length} MPU regions (no index left for {region.Holder})");
        }

        _target[index] = region;
        return index + 1;
    }
}
