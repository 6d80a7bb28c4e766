namespace Bora.Arch.X86;

/// <summary>Bits of the IA32_EFER MSR (0xC0000080), spelled as the manual spells them.</summary>
public static class Efer
{
    /// <summary>SYSCALL Enable.</summary>
    public const ulong SCE = 1UL << 0;

    /// <summary>IA-32e Mode Enable.</summary>
    public const ulong LME = 1UL << 8;

    /// <summary>IA-32e Mode Active (read-only).</summary>
    public const ulong LMA = 1UL << 10;

    /// <summary>Execute Disable Bit Enable: bit 63 of PAE entries is XD instead of reserved.</summary>
    public const ulong NXE = 1UL << 11;

    /// <summary>
    /// Bits the modelled CPU accepts. Its CPUID reports NX but neither LM nor SYSCALL (leaf 0x80000001
    /// EDX bits 29 and 11 clear), so only NXE may be set; anything else is a #GP(0).
    /// </summary>
    public const ulong Implemented = NXE;
}
