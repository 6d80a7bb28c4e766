namespace Bora.Arch.X86;

/// <summary>The paging mode CR0.PG and CR4.PAE select (IA-32e is not modelled).</summary>
public enum X86PagingMode
{
    /// <summary>CR0.PG = 0: linear addresses are physical addresses, nothing is checked.</summary>
    Disabled,

    /// <summary>32-bit paging: 4-byte entries, PD → PT, 4 KiB pages and 4 MiB pages under CR4.PSE.</summary>
    Paging32,

    /// <summary>PAE paging: 8-byte entries, PDPT → PD → PT, 4 KiB and 2 MiB pages, XD under EFER.NXE.</summary>
    Pae,
}
