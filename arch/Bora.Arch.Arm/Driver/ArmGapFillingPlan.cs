using Bora.Hal;

namespace Bora.Arch.Arm.Driver;

/// <summary>
/// <c>mpu_configure_dynamic_mpu_regions</c> with <c>CONFIG_MPU_GAP_FILLING</c> (<c>arm_mpu_v8_internal.h</c>), computed
/// on a table instead of read back from the MPU: the boot regions are restored, then each dynamic region is placed
/// inside the one region that holds it (<c>mpu_configure_regions_and_partition</c>) — taking over that region when
/// they coincide, trimming it when they share the start or the end (one more region), splitting it around the new
/// region otherwise (two more: the region and a fill with the underlying attributes). The table is reused at every
/// switch.
/// </summary>
internal sealed class ArmGapFillingPlan(int regionCount)
{
    private const uint Granule = 32;

    private readonly ArmRegionRequest?[] _target = new ArmRegionRequest?[regionCount];

    /// <summary>The map last computed, by region index (null: disabled).</summary>
    public ReadOnlySpan<ArmRegionRequest?> Target => _target;

    /// <summary>Computes the map for <paramref name="wanted"/> over the boot map <paramref name="boot"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// A dynamic region straddles two regions (Zephyr: "Invalid underlying region index"), or the regions run out.
    /// </exception>
    public void Compute(ReadOnlySpan<ArmRegionRequest?> boot, int staticRegions, ReadOnlySpan<ArmRegionRequest> wanted, string thread)
    {
        boot.CopyTo(_target);
        int next = staticRegions;
        foreach (ArmRegionRequest request in wanted)
        {
            next = Place(Granular(request), next, thread);
        }
    }

    private int Place(ArmRegionRequest region, int next, string thread)
    {
        int u = Underlying(region, next, thread);
        if (u < 0)
        {
            // Outside every region (e.g. a peripheral window left to the default map): nothing to split.
            return Allocate(next, region, thread);
        }

        ArmRegionRequest under = _target[u]!.Value;
        bool sameStart = region.Start == under.Start, sameEnd = region.End == under.End;
        if (sameStart && sameEnd)
        {
            _target[u] = region;
            return next;
        }

        ArmRegionRequest above = under with { Start = (uint)region.End, Size = (uint)(under.End - region.End) };
        _target[u] = sameStart ? above : under with { Size = region.Start - under.Start };
        next = Allocate(next, region, thread);
        return sameStart || sameEnd ? next : Allocate(next, above, thread);
    }

    /// <summary>The index below <paramref name="next"/> of the region holding all of <paramref name="region"/>, or -1 when none touches it.</summary>
    private int Underlying(ArmRegionRequest region, int next, string thread)
    {
        for (int i = 0; i < next; i++)
        {
            if (_target[i] is not ArmRegionRequest r || !r.Overlaps(region))
            {
                continue;
            }

            if (r.Start <= region.Start && region.End <= r.End)
            {
                return i;
            }

            throw new InvalidOperationException(
                $"MPU gap filling: {region.Holder} of thread '{thread}' [0x{region.Start:X8}, 0x{region.End:X}) straddles region {i} [0x{r.Start:X8}, 0x{r.End:X}) ({r.Holder}); Zephyr's mpu_configure_regions_and_partition refuses it (invalid underlying region index)");
        }

        return -1;
    }

    private int Allocate(int index, ArmRegionRequest region, string thread)
    {
        if (index >= _target.Length)
        {
            throw new InvalidOperationException(
                $"MPU gap filling: thread '{thread}' needs more than the {_target.Length} MPU regions (failed to allocate region {index} for {region.Holder})");
        }

        _target[index] = region;
        return index + 1;
    }

    /// <summary>The region as PMSAv8 decodes it: base and limit on 32-byte boundaries.</summary>
    private static ArmRegionRequest Granular(ArmRegionRequest r)
    {
        uint start = r.Start & ~(Granule - 1);
        ulong end = (r.End + Granule - 1) & ~(ulong)(Granule - 1);
        return r with { Start = start, Size = (uint)(end - start) };
    }
}
