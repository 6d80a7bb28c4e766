using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary>
/// Zephyr's <c>K_MEM_PARTITION_*</c> encodings for x86 (<c>include/zephyr/arch/x86/mmustructs.h</c>,
/// arch-spec §4.4): RW, US and XD of the leaf entry. Under 32-bit paging <c>MMU_XD</c> is 0, so the same
/// names exist but nothing is execute-disabled.
/// </summary>
public static class X86PartitionAttributes
{
    /// <summary>The attributes Zephyr defines on x86; <c>P_RW_U_RO</c>, <c>P_NA_U_NA</c>, <c>P_RWX_U_RX</c> and the <c>_NOCACHE</c> variants do not exist.</summary>
    public static IReadOnlySet<PartitionPermissions> Attributes { get; } = new HashSet<PartitionPermissions>
    {
        PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RO_U_RO,
        PartitionPermissions.P_RO_U_NA, PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_NA,
        PartitionPermissions.P_RX_U_RX, PartitionPermissions.P_RX_U_NA,
    };

    /// <summary>Whether Zephyr has an x86 attribute macro for <paramref name="permissions"/> (the same set in both paging modes).</summary>
    public static bool Supports(PartitionPermissions permissions) => Attributes.Contains(permissions);

    /// <summary>The RW|US|XD bits of <paramref name="permissions"/> (<c>K_MEM_PARTITION_PERM_MASK</c> bits); XD only with <paramref name="pae"/>.</summary>
    /// <exception cref="ArgumentException">x86 has no such attribute.</exception>
    public static ulong Encode(PartitionPermissions permissions, bool pae)
    {
        if (!Supports(permissions))
        {
            throw new ArgumentException($"{permissions} has no x86 encoding (Zephyr's mmustructs.h does not define that attribute)", nameof(permissions));
        }

        ulong bits = 0;
        if ((permissions & PartitionPermissions.SupervisorWrite) != 0)
        {
            bits |= PageEntry.RW;
        }

        if ((permissions & PartitionPermissions.UserRead) != 0)
        {
            bits |= PageEntry.US;
        }

        if (pae && (permissions & PartitionPermissions.SupervisorExecute) == 0)
        {
            bits |= PageEntry.XD;
        }

        return bits;
    }

    /// <summary>What a leaf entry grants (CR0.WP=1, EFER.NXE=1 under PAE): <see cref="PartitionPermissions.None"/> when not present.</summary>
    public static PartitionPermissions Decode(ulong entry, bool pae)
    {
        if ((entry & PageEntry.P) == 0)
        {
            return PartitionPermissions.None;
        }

        bool write = (entry & PageEntry.RW) != 0;
        bool user = (entry & PageEntry.US) != 0;
        bool execute = !pae || (entry & PageEntry.XD) == 0;
        PartitionPermissions p = PartitionPermissions.SupervisorRead;
        p |= write ? PartitionPermissions.SupervisorWrite : 0;
        p |= execute ? PartitionPermissions.SupervisorExecute : 0;
        if (user)
        {
            p |= PartitionPermissions.UserRead;
            p |= write ? PartitionPermissions.UserWrite : 0;
            p |= execute ? PartitionPermissions.UserExecute : 0;
        }

        return p;
    }
}
