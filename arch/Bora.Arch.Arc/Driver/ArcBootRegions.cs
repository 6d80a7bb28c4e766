using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// The boot configuration as Zephyr's SoC <c>mpu_config.mpu_regions[]</c> would list it, in index order,
/// checked against what the MPU can express.
/// </summary>
/// <remarks>
/// MPU v2 (regions at the top indices, lowest index wins): extra user regions first, so they win over the
/// kernel-RAM region they may lie in; then text+rodata (REGION_ROM_ATTR: UE UR KE KR) rounded out to the
/// smallest aligned power of two; then kernel RAM (REGION_KERNEL_RAM_ATTR: KW KR), likewise rounded. MPU v4
/// (no overlap): text+rodata rounded out to 32 bytes, then the extra regions; kernel RAM is Zephyr's
/// <c>REGION_DYNAMIC</c> area, left to the default region (kernel RW) so that partitions and stacks can be
/// carved from it without overlapping a region; with gap filling it is a region of its own (REGION_KERNEL_RAM_ATTR)
/// after text+rodata, which the switches split. Split text/rodata: text (REGION_ROM_ATTR) and rodata (UR KR, no
/// execute) as two regions, each rounded as above, where one region covers both otherwise.
/// </remarks>
internal static class ArcBootRegions
{
    /// <exception cref="InvalidOperationException">The layout cannot be expressed.</exception>
    public static List<ArcRegionRequest> Plan(BootMemoryLayout layout, ArcMpuVersion version, ArcMpuRegisters registers, ArcMpuDriverOptions options)
    {
        bool v2 = version == ArcMpuVersion.V2;
        List<ArcRegionRequest> code = CodeRegions(layout, version, registers, options.SplitTextRodata);

        var extras = new List<ArcRegionRequest>();
        foreach ((AddressRange range, PartitionPermissions permissions) in layout.ExtraUserRegions)
        {
            if (range.IsEmpty)
            {
                continue; // arc_mpu_init skips empty regions
            }

            ArcRegionRequest extra = Enclose(range, ArcPartitionAttributes.Encode(permissions), "boot: extra user region", version);
            if (registers.HardwareRange(extra.Start, extra.Size) != range)
            {
                throw new InvalidOperationException(
                    $"MPU {version}: the extra user region {range} is not {(v2 ? "a power of two of at least 2 KiB aligned to its size" : "32-byte granular")}; rounding it would grant user access beyond it");
            }

            extras.Add(extra);
        }

        foreach (ArcRegionRequest rom in code)
        {
            AddressRange romRange = registers.HardwareRange(rom.Start, rom.Size);
            if (romRange.Overlaps(layout.KernelRam))
            {
                throw new InvalidOperationException(
                    $"MPU {version}: the {rom.Holder.Name[6..]} region rounds to {romRange} and would cover kernel RAM {layout.KernelRam} (user readable, kernel read-only); place text and kernel RAM in separately aligned windows");
            }
        }

        ArcRegionRequest kernelRam = Enclose(layout.KernelRam, ArcPartitionAttributes.RegionKernelRamAttr, "boot: kernel RAM", version);
        var statics = new List<ArcRegionRequest>();
        if (v2)
        {
            statics.AddRange(extras);
            statics.AddRange(code);
            statics.Add(kernelRam);
            return statics;
        }

        statics.AddRange(code);
        if (options.GapFilling)
        {
            statics.Add(kernelRam);
        }

        statics.AddRange(extras);
        CheckNoOverlap(statics, registers);
        return statics;
    }

    /// <summary>Text ∪ rodata as one region, or text and rodata apart (refused when their rounded regions meet).</summary>
    private static List<ArcRegionRequest> CodeRegions(BootMemoryLayout layout, ArcMpuVersion version, ArcMpuRegisters registers, bool split)
    {
        if (layout.Rodata.IsEmpty)
        {
            return [Enclose(layout.Text, ArcPartitionAttributes.RegionRomAttr, "boot: text+rodata", version)];
        }

        if (!split)
        {
            var code = new AddressRange(Math.Min(layout.Text.Start, layout.Rodata.Start), Math.Max(layout.Text.End, layout.Rodata.End));
            return [Enclose(code, ArcPartitionAttributes.RegionRomAttr, "boot: text+rodata", version)];
        }

        ArcRegionRequest text = Enclose(layout.Text, ArcPartitionAttributes.RegionRomAttr, "boot: text", version);
        ArcRegionRequest rodata = Enclose(layout.Rodata, ArcPartitionAttributes.Encode(PartitionPermissions.P_RO_U_RO), "boot: rodata", version);
        AddressRange t = registers.HardwareRange(text.Start, text.Size), r = registers.HardwareRange(rodata.Start, rodata.Size);
        if (t.Overlaps(r))
        {
            throw new InvalidOperationException(
                $"MPU {version}: text rounds to {t} and rodata to {r}; split, the two regions would cover each other (rodata executable or text unexecutable); align text and rodata each on {(version == ArcMpuVersion.V2 ? "a power of two of its size" : "32 bytes")}");
        }

        return [text, rodata];
    }

    private static void CheckNoOverlap(List<ArcRegionRequest> statics, ArcMpuRegisters registers)
    {
        for (int i = 0; i < statics.Count; i++)
        {
            for (int j = i + 1; j < statics.Count; j++)
            {
                AddressRange a = registers.HardwareRange(statics[i].Start, statics[i].Size);
                AddressRange b = registers.HardwareRange(statics[j].Start, statics[j].Size);
                if (a.Overlaps(b))
                {
                    throw new InvalidOperationException(
                        $"MPU v4: boot regions '{statics[i].Holder}' {a} and '{statics[j].Holder}' {b} overlap; MPU v4 raises EV_MachineCheck on overlapping regions");
                }
            }
        }
    }

    /// <summary>The smallest region this MPU can program that covers <paramref name="range"/>.</summary>
    private static ArcRegionRequest Enclose(AddressRange range, uint attr, string holder, ArcMpuVersion version)
    {
        if (range.IsEmpty || range.End > (1UL << 32))
        {
            throw new InvalidOperationException($"MPU {version}: boot region '{holder}' {range} is empty or beyond 4 GiB");
        }

        if (version == ArcMpuVersion.V4)
        {
            ulong first = range.Start & ~31UL, end = (range.End + 31) & ~31UL;
            if (end - first > uint.MaxValue)
            {
                throw new InvalidOperationException($"MPU v4: boot region '{holder}' {range} spans the whole address space");
            }

            return new ArcRegionRequest((uint)first, (uint)(end - first), attr, RegionHolder.Boot(holder));
        }

        for (ulong size = 2048; size <= (1UL << 31); size <<= 1)
        {
            ulong start = range.Start & ~(size - 1);
            if (start + size >= range.End)
            {
                return new ArcRegionRequest((uint)start, (uint)size, attr, RegionHolder.Boot(holder));
            }
        }

        throw new InvalidOperationException($"MPU v2: boot region '{holder}' {range} needs a 4 GiB region, which _region_init cannot program");
    }
}
