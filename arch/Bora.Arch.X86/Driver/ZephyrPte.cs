namespace Bora.Arch.X86.Driver;

/// <summary>
/// How Zephyr's <c>x86_mmu.c</c> and <c>gen_mmu.py</c> use a leaf entry: the live permission bits and their
/// boot-time backups in the ignored bits 9/10/11 (<c>MMU_RW_ORIG</c>, <c>MMU_US_ORIG</c>, <c>MMU_XD_ORIG</c>).
/// </summary>
internal static class ZephyrPte
{
    /// <summary>Bit 9: RW at mapping time.</summary>
    public const ulong RwOrig = 1UL << 9;

    /// <summary>Bit 10: US at mapping time.</summary>
    public const ulong UsOrig = 1UL << 10;

    /// <summary>Bit 11: XD at mapping time (PAE only: <c>gen_mmu.py</c>'s 32-bit <c>Pt</c> does not store it).</summary>
    public const ulong XdOrig = 1UL << 11;

    /// <summary><c>MASK_PERM</c> / <c>K_MEM_PARTITION_PERM_MASK</c>: the bits <c>apply_region</c> replaces.</summary>
    public const ulong MaskPerm = PageEntry.RW | PageEntry.US | PageEntry.XD;

    /// <summary><c>ENTRY_RW</c>, <c>ENTRY_US</c>, <c>ENTRY_XD</c>: a permission and its backup, as mapping time sets them.</summary>
    public static ulong Entry(bool rw, bool us, bool xd, bool pae) =>
        PageEntry.P
        | (rw ? PageEntry.RW | RwOrig : 0)
        | (us ? PageEntry.US | UsOrig : 0)
        | (xd && pae ? PageEntry.XD | XdOrig : 0);

    /// <summary><c>reset_pte</c>: the permission bits restored from the backups; everything else kept.</summary>
    public static ulong Reset(ulong pte, bool pae)
    {
        ulong value = pte & ~MaskPerm;
        value |= (pte & RwOrig) != 0 ? PageEntry.RW : 0;
        value |= (pte & UsOrig) != 0 ? PageEntry.US : 0;
        value |= pae && (pte & XdOrig) != 0 ? PageEntry.XD : 0;
        return value;
    }

    /// <summary><c>pte_atomic_update</c> with <c>MASK_PERM</c>: RW/US/XD from <paramref name="attr"/>, the rest (P, backups, frame) kept.</summary>
    public static ulong Apply(ulong pte, ulong attr) => (pte & ~MaskPerm) | (attr & MaskPerm);

    /// <summary>The permission bits as they were at mapping time.</summary>
    public static ulong Original(ulong pte, bool pae) => Reset(pte, pae) & (MaskPerm | PageEntry.P);
}
