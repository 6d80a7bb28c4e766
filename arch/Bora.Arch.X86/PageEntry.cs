namespace Bora.Arch.X86;

/// <summary>Bits of a paging-structure entry (Intel SDM vol. 3A §4.3, §4.4), shared by every level.</summary>
public static class PageEntry
{
    /// <summary>Present.</summary>
    public const ulong P = 1UL << 0;

    /// <summary>Read/write: writes allowed when set (ANDed across levels).</summary>
    public const ulong RW = 1UL << 1;

    /// <summary>User/supervisor: user accesses allowed when set (ANDed across levels).</summary>
    public const ulong US = 1UL << 2;

    /// <summary>Page-level write-through.</summary>
    public const ulong PWT = 1UL << 3;

    /// <summary>Page-level cache disable.</summary>
    public const ulong PCD = 1UL << 4;

    /// <summary>Accessed: set by the processor when it uses the entry.</summary>
    public const ulong A = 1UL << 5;

    /// <summary>Dirty: set by the processor on a write through a leaf entry.</summary>
    public const ulong D = 1UL << 6;

    /// <summary>Page size in a PDE (a 4 MiB or 2 MiB page); PAT in a PTE.</summary>
    public const ulong PS = 1UL << 7;

    /// <summary>Global: the translation survives a CR3 load when CR4.PGE is set (leaf entries only).</summary>
    public const ulong G = 1UL << 8;

    /// <summary>PAT bit of a large-page PDE.</summary>
    public const ulong LargePAT = 1UL << 12;

    /// <summary>Execute-disable (PAE entries, with EFER.NXE; reserved otherwise).</summary>
    public const ulong XD = 1UL << 63;

    /// <summary>Bits 2:1 and 8:5 of a PAE PDPTE, reserved on silicon (Zephyr writes RW|US there).</summary>
    public const ulong PdpteReservedLow = RW | US | A | D | PS | G;
}
