using System.Numerics;
using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// The register sequences of Zephyr's <c>arc_mpu_v2_internal.h</c> / <c>arc_mpu_v4_internal.h</c>
/// (<c>_region_init</c>, <c>arc_core_mpu_enable/disable/default</c>) and the stack-checking bounds of
/// <c>_load_stack_check_regs</c>: every effect is an SR to an auxiliary register, and every SR is counted.
/// </summary>
internal sealed class ArcMpuRegisters
{
    /// <summary>v4 "MPU enabled" default region on secure firmware: KR KW S SID=1 (docs/arc-mpu.md).</summary>
    public const uint V4EnableDefault = 0x18180;

    /// <summary>v4 "MPU disabled" default region: every permission, S, SID=1 (<c>REGION_ALL_ATTR | S | SID1</c>).</summary>
    public const uint V4DisableDefault = 0x1F8 | 0x8000 | 0x10000;

    private const uint RperValidMask = 0x1 | 0x8000 | 0x10000;
    private const uint RdpAttrMask = 0x1FC;
    private const int V2AlignmentBits = 11;

    private readonly ArcAuxRegisters _aux;

    public ArcMpuRegisters(ArcAuxRegisters aux, ArcMpuVersion version)
    {
        _aux = aux;
        Version = version;
    }

    public ArcMpuVersion Version { get; }

    /// <summary>SRs made so far.</summary>
    public long Writes { get; private set; }

    public uint Read(uint number) => (uint)_aux.Read(number);

    public void Write(uint number, uint value)
    {
        _aux.Write(number, value);
        Writes++;
    }

    /// <summary>
    /// <c>_region_init(index, start, size, attr)</c>. v2 rounds the size up to a power of two of at least
    /// 2 KiB and leaves the base as given (the hardware ignores its low bits). v4 writes REND = start +
    /// size - 32. A zero size clears the region. Unlike Zephyr's v4 version, a non-empty region is always
    /// made valid, so a P_NA_U_NA partition denies everyone rather than falling back to the default region.
    /// </summary>
    public void RegionInit(int index, uint start, uint size, uint attr)
    {
        if (Version == ArcMpuVersion.V2)
        {
            uint rdp = attr & RdpAttrMask, rdb = 0;
            if (size > 0)
            {
                rdp |= ArcMpuV2.EncodeSize(V2SizeBits(size));
                rdb = start | 1;
            }

            Write(ArcAux.MPU_RDP0 + (uint)(2 * index), rdp);
            Write(ArcAux.MPU_RDB0 + (uint)(2 * index), rdb);
            return;
        }

        uint rper = size > 0 ? (attr & 0x1FF) | RperValidMask : 0;
        uint length = Math.Max(size, ArcMpuV4.Granule);
        Write(ArcAux.MPU_INDEX, (uint)index);
        Write(ArcAux.MPU_RSTART, start);
        Write(ArcAux.MPU_REND, start + length - ArcMpuV4.Granule);
        Write(ArcAux.MPU_RPER, rper);
    }

    /// <summary><c>arc_core_mpu_disable</c>: v2 clears MPU_EN.EN; v4 opens the default region to everything.</summary>
    public void Disable()
    {
        if (Version == ArcMpuVersion.V2)
        {
            Write(ArcAux.MPU_EN, Read(ArcAux.MPU_EN) & ~ArcMpuV2.MPU_EN_EN);
        }
        else
        {
            Write(ArcAux.MPU_EN, V4DisableDefault);
        }
    }

    /// <summary><c>arc_core_mpu_enable</c>: v2 sets MPU_EN.EN; v4 sets the secure firmware's default region.</summary>
    public void Enable()
    {
        if (Version == ArcMpuVersion.V2)
        {
            Write(ArcAux.MPU_EN, Read(ArcAux.MPU_EN) | ArcMpuV2.MPU_EN_EN);
        }
        else
        {
            Write(ArcAux.MPU_EN, V4EnableDefault);
        }
    }

    /// <summary><c>arc_core_mpu_default(attr)</c> on v2: the default region's permissions, EN kept.</summary>
    public void DefaultV2(uint attr) => Write(ArcAux.MPU_EN, (Read(ArcAux.MPU_EN) & ~RdpAttrMask) | (attr & RdpAttrMask));

    /// <summary>The region <c>_region_init</c> makes of <paramref name="size"/> bytes at <paramref name="start"/>, as the hardware decodes it.</summary>
    public AddressRange HardwareRange(uint start, uint size)
    {
        if (Version == ArcMpuVersion.V2)
        {
            ulong length = 1UL << V2SizeBits(size);
            ulong aligned = start & ~(length - 1);
            return new AddressRange(aligned, aligned + length);
        }

        ulong first = start & ~(ArcMpuV4.Granule - 1);
        ulong last = (uint)(start + Math.Max(size, ArcMpuV4.Granule) - ArcMpuV4.Granule) & ~(ArcMpuV4.Granule - 1);
        return new AddressRange(first, last + ArcMpuV4.Granule);
    }

    /// <summary>The bytes a region of <paramref name="size"/> really takes on this MPU.</summary>
    public ulong RegionSizeFor(uint size) => Version == ArcMpuVersion.V2
        ? 1UL << V2SizeBits(size)
        : ((ulong)size + ArcMpuV4.Granule - 1) & ~(ulong)(ArcMpuV4.Granule - 1);

    /// <summary>Zephyr's v2 size computation: log2 rounded up, at least 11 (2 KiB).</summary>
    private static int V2SizeBits(uint size)
    {
        int bits = size == 0 ? V2AlignmentBits : BitOperations.Log2(size);
        bits = Math.Max(bits, V2AlignmentBits);
        return (1UL << bits) < size ? bits + 1 : bits;
    }
}
