namespace Bora.Arch.X86;

/// <summary>
/// Register numbers the x86 model answers on <see cref="Hal.ISystemRegisters"/>: control registers by
/// their number (<c>MOV CRn</c>), model-specific registers by their MSR index (<c>RDMSR/WRMSR</c>).
/// </summary>
public static class X86SystemRegister
{
    /// <summary>CR0: PE, WP, PG and the cache controls.</summary>
    public const uint Cr0 = 0;

    /// <summary>CR2: the page-fault linear address.</summary>
    public const uint Cr2 = 2;

    /// <summary>CR3: physical base of the top-level paging structure, PWT and PCD.</summary>
    public const uint Cr3 = 3;

    /// <summary>CR4: PSE, PAE, PGE, SMEP, SMAP and friends.</summary>
    public const uint Cr4 = 4;

    /// <summary>IA32_EFER (MSR 0xC0000080): NXE.</summary>
    public const uint Efer = 0xC000_0080;
}
