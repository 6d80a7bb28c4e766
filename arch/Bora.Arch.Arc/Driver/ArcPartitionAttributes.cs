using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// Zephyr's <c>K_MEM_PARTITION_*</c> encodings for the ARC MPU (<c>include/zephyr/arch/arc/arch.h</c>,
/// arch-spec §3.6): each permission is one MPU_RDP / MPU_RPER bit, so the nine Zephyr attributes are the
/// bit unions of what they grant (P_RW_U_RW = UW|UR|KW|KR = 0x1B0, P_RX_U_RX = 0x168, ...).
/// </summary>
/// <remarks>
/// Zephyr defines no <c>_NOCACHE</c> variant on ARC, and MPU v2/v4 have no cacheability bit (only MPU v6
/// has IC/DC), so a set with <see cref="PartitionPermissions.NoCache"/> is not supported. The x86-only
/// P_RWX_U_NA and P_RX_U_NA are not ARC attributes either.
/// </remarks>
public static class ArcPartitionAttributes
{
    /// <summary>REGION_ROM_ATTR: UE UR KE KR (the boot text+rodata region).</summary>
    public const uint RegionRomAttr = 0x168;

    /// <summary>REGION_KERNEL_RAM_ATTR: KW KR.</summary>
    public const uint RegionKernelRamAttr = 0x180;

    /// <summary>REGION_RAM_ATTR: UW UR KW KR (the user stack region).</summary>
    public const uint RegionRamAttr = 0x1B0;

    /// <summary>The stack-guard attribute (<c>get_region_attr_by_type(THREAD_STACK_GUARD_REGION)</c>): UR KR.</summary>
    public const uint StackGuardAttr = 0x120;

    /// <summary>The attributes Zephyr defines on ARC.</summary>
    public static IReadOnlySet<PartitionPermissions> Attributes { get; } = new HashSet<PartitionPermissions>
    {
        PartitionPermissions.P_NA_U_NA, PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RW_U_RO,
        PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RO_U_RO, PartitionPermissions.P_RO_U_NA,
        PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_RX, PartitionPermissions.P_RX_U_RX,
    };

    /// <summary>Whether Zephyr has an ARC attribute macro for <paramref name="permissions"/>.</summary>
    public static bool Supports(PartitionPermissions permissions) => Attributes.Contains(permissions);

    /// <summary>The MPU_RDP/MPU_RPER permission bits for a supported attribute.</summary>
    /// <exception cref="ArgumentException">ARC has no such attribute.</exception>
    public static uint Encode(PartitionPermissions permissions)
    {
        if (!Supports(permissions))
        {
            throw new ArgumentException($"{permissions} has no ARC encoding (Zephyr does not define that attribute there)", nameof(permissions));
        }

        return Bits(permissions);
    }

    /// <summary>The permissions an attribute word grants (the inverse of <see cref="Encode"/>).</summary>
    public static PartitionPermissions Decode(uint attributes)
    {
        var p = PartitionPermissions.None;
        p |= (attributes & (uint)ArcMpuAttributes.KR) != 0 ? PartitionPermissions.SupervisorRead : 0;
        p |= (attributes & (uint)ArcMpuAttributes.KW) != 0 ? PartitionPermissions.SupervisorWrite : 0;
        p |= (attributes & (uint)ArcMpuAttributes.KE) != 0 ? PartitionPermissions.SupervisorExecute : 0;
        p |= (attributes & (uint)ArcMpuAttributes.UR) != 0 ? PartitionPermissions.UserRead : 0;
        p |= (attributes & (uint)ArcMpuAttributes.UW) != 0 ? PartitionPermissions.UserWrite : 0;
        p |= (attributes & (uint)ArcMpuAttributes.UE) != 0 ? PartitionPermissions.UserExecute : 0;
        return p;
    }

    private static uint Bits(PartitionPermissions p)
    {
        uint attr = 0;
        attr |= p.HasFlag(PartitionPermissions.UserExecute) ? (uint)ArcMpuAttributes.UE : 0;
        attr |= p.HasFlag(PartitionPermissions.UserWrite) ? (uint)ArcMpuAttributes.UW : 0;
        attr |= p.HasFlag(PartitionPermissions.UserRead) ? (uint)ArcMpuAttributes.UR : 0;
        attr |= p.HasFlag(PartitionPermissions.SupervisorExecute) ? (uint)ArcMpuAttributes.KE : 0;
        attr |= p.HasFlag(PartitionPermissions.SupervisorWrite) ? (uint)ArcMpuAttributes.KW : 0;
        attr |= p.HasFlag(PartitionPermissions.SupervisorRead) ? (uint)ArcMpuAttributes.KR : 0;
        return attr;
    }
}
