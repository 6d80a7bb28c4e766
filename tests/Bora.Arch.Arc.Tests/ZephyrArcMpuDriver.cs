using System.Numerics;
using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// The register sequences of Zephyr's ARC MPU driver (<c>arc_mpu_v2_internal.h</c>,
/// <c>arc_mpu_v4_internal.h</c>), reproduced for tests: every effect goes through LR/SR.
/// </summary>
/// <remarks>
/// One deliberate difference: Zephyr's v4 <c>_region_init</c> sets VALID only when the attribute is
/// non-zero, so a P_NA_U_NA partition is left invalid and the default region (kernel RW on secure
/// firmware) applies to it. Here a region with a non-zero size is always made valid, as the v2 driver
/// does. Recorded in docs/arc-mpu.md.
/// </remarks>
internal sealed class ZephyrArcMpuDriver
{
    /// <summary>REGION_ROM_ATTR: UE UR KE KR.</summary>
    public const uint RegionRomAttr = 0x168;

    /// <summary>REGION_KERNEL_RAM_ATTR: KW KR.</summary>
    public const uint RegionKernelRamAttr = 0x180;

    /// <summary>Secure firmware's "MPU enabled" default region on v4: KR KW S SID=1.</summary>
    public const uint V4EnableDefault = 0x18180;

    /// <summary>v4 "MPU disabled" default region: every permission, S, SID=1.</summary>
    public const uint V4DisableDefault = 0x1F8 | 0x8000 | 0x10000;

    private const uint RpErValidMask = 0x1 | 0x8000 | 0x10000;

    private readonly ArcAuxRegisters _aux;

    public ZephyrArcMpuDriver(ArcMachine machine)
    {
        Machine = machine;
        _aux = machine.Aux;
    }

    public ArcMachine Machine { get; }

    public ArcMpuVersion Version => (ArcMpuVersion)(_aux.Read(ArcAux.MPU_BUILD) & 0xFF);

    /// <summary><c>get_num_regions()</c>: MPU_BUILD.REGIONS.</summary>
    public int RegionCount => (int)((_aux.Read(ArcAux.MPU_BUILD) >> 8) & 0xFF);

    /// <summary>The attribute bits Zephyr uses for a conformance permission set.</summary>
    public static uint Encode(PartitionPermissions permissions)
    {
        uint attr = 0;
        attr |= permissions.HasFlag(PartitionPermissions.UserExecute) ? 0x008u : 0;
        attr |= permissions.HasFlag(PartitionPermissions.UserWrite) ? 0x010u : 0;
        attr |= permissions.HasFlag(PartitionPermissions.UserRead) ? 0x020u : 0;
        attr |= permissions.HasFlag(PartitionPermissions.SupervisorExecute) ? 0x040u : 0;
        attr |= permissions.HasFlag(PartitionPermissions.SupervisorWrite) ? 0x080u : 0;
        attr |= permissions.HasFlag(PartitionPermissions.SupervisorRead) ? 0x100u : 0;
        return attr;
    }

    /// <summary><c>_region_init(index, region_addr, size, region_attr)</c>.</summary>
    public void RegionInit(int index, uint start, uint size, uint attr)
    {
        if (Version == ArcMpuVersion.V2)
        {
            RegionInitV2(index, start, size, attr);
        }
        else
        {
            RegionInitV4(index, start, size, attr);
        }
    }

    /// <summary><c>arc_core_mpu_enable()</c>.</summary>
    public void Enable()
    {
        if (Version == ArcMpuVersion.V2)
        {
            _aux.Write(ArcAux.MPU_EN, _aux.Read(ArcAux.MPU_EN) | ArcMpuV2.MPU_EN_EN);
        }
        else
        {
            Default(V4EnableDefault);
        }
    }

    /// <summary><c>arc_core_mpu_disable()</c>.</summary>
    public void Disable()
    {
        if (Version == ArcMpuVersion.V2)
        {
            _aux.Write(ArcAux.MPU_EN, _aux.Read(ArcAux.MPU_EN) & ~ArcMpuV2.MPU_EN_EN);
        }
        else
        {
            Default(V4DisableDefault);
        }
    }

    /// <summary><c>arc_core_mpu_default(region_attr)</c>.</summary>
    public void Default(uint attr)
    {
        if (Version == ArcMpuVersion.V2)
        {
            const uint attrMask = 0x1FC;
            _aux.Write(ArcAux.MPU_EN, (_aux.Read(ArcAux.MPU_EN) & ~attrMask) | (attr & attrMask));
        }
        else
        {
            _aux.Write(ArcAux.MPU_EN, attr);
        }
    }

    /// <summary>
    /// <c>arc_mpu_init()</c> with <paramref name="staticRegions"/> as <c>mpu_config.mpu_regions[]</c>:
    /// v2 puts them at the top indices and sets the default region to no access; v4 puts the non-dynamic
    /// ones at the bottom and leaves dynamic (RAM) areas to the default region.
    /// </summary>
    public void Init(IReadOnlyList<(uint Base, uint Size, uint Attr, bool Dynamic)> staticRegions)
    {
        int n = RegionCount;
        Disable();
        if (Version == ArcMpuVersion.V2)
        {
            int first = n - staticRegions.Count;
            for (int i = 0; i < first; i++)
            {
                RegionInit(i, 0, 0, 0);
            }

            for (int i = 0; i < staticRegions.Count; i++)
            {
                RegionInit(first + i, staticRegions[i].Base, staticRegions[i].Size, staticRegions[i].Attr);
            }

            Default(0);
        }
        else
        {
            int used = 0;
            foreach ((uint start, uint size, uint attr, bool dynamic) in staticRegions)
            {
                if (!dynamic)
                {
                    RegionInit(used++, start, size, attr);
                }
            }

            for (int i = used; i < n; i++)
            {
                RegionInit(i, 0, 0, 0);
            }
        }

        Enable();
    }

    private void RegionInitV2(int index, uint start, uint size, uint attr)
    {
        const int alignmentBits = 11;
        int bits = size == 0 ? alignmentBits : BitOperations.Log2(size);
        if (bits < alignmentBits)
        {
            bits = alignmentBits;
        }

        if ((1UL << bits) < size)
        {
            bits++;
        }

        if (size > 0)
        {
            attr &= ~0xE03u;
            attr |= ArcMpuV2.EncodeSize(bits);
            start |= 1;
        }
        else
        {
            start = 0;
        }

        _aux.Write(ArcAux.MPU_RDP0 + (uint)(2 * index), attr);
        _aux.Write(ArcAux.MPU_RDB0 + (uint)(2 * index), start);
    }

    private void RegionInitV4(int index, uint start, uint size, uint attr)
    {
        uint rper = size > 0 ? (attr & 0x1FF) | RpErValidMask : 0;
        if (size < 32)
        {
            size = 32;
        }

        _aux.Write(ArcAux.MPU_INDEX, (uint)index);
        _aux.Write(ArcAux.MPU_RSTART, start);
        _aux.Write(ArcAux.MPU_REND, start + size - 32);
        _aux.Write(ArcAux.MPU_RPER, rper);
    }
}
