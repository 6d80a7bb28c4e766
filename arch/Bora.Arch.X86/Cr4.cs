namespace Bora.Arch.X86;

/// <summary>Bits of control register CR4 (Intel SDM vol. 3A §2.5), spelled as the manual spells them.</summary>
public static class Cr4
{
    /// <summary>Virtual-8086 Mode Extensions.</summary>
    public const uint VME = 1u << 0;

    /// <summary>Protected-Mode Virtual Interrupts.</summary>
    public const uint PVI = 1u << 1;

    /// <summary>Time Stamp Disable.</summary>
    public const uint TSD = 1u << 2;

    /// <summary>Debugging Extensions.</summary>
    public const uint DE = 1u << 3;

    /// <summary>Page Size Extensions: PDE.PS maps a 4 MiB page under 32-bit paging.</summary>
    public const uint PSE = 1u << 4;

    /// <summary>Physical Address Extension: PAE paging.</summary>
    public const uint PAE = 1u << 5;

    /// <summary>Machine-Check Enable.</summary>
    public const uint MCE = 1u << 6;

    /// <summary>Page Global Enable: global TLB entries survive a CR3 load.</summary>
    public const uint PGE = 1u << 7;

    /// <summary>Performance-Monitoring Counter Enable.</summary>
    public const uint PCE = 1u << 8;

    /// <summary>OS support for FXSAVE/FXRSTOR.</summary>
    public const uint OSFXSR = 1u << 9;

    /// <summary>OS support for unmasked SIMD floating-point exceptions.</summary>
    public const uint OSXMMEXCPT = 1u << 10;

    /// <summary>User-Mode Instruction Prevention.</summary>
    public const uint UMIP = 1u << 11;

    /// <summary>FSGSBASE instructions enable.</summary>
    public const uint FSGSBASE = 1u << 16;

    /// <summary>XSAVE and processor extended states enable.</summary>
    public const uint OSXSAVE = 1u << 18;

    /// <summary>Supervisor-Mode Execution Prevention.</summary>
    public const uint SMEP = 1u << 20;

    /// <summary>Supervisor-Mode Access Prevention.</summary>
    public const uint SMAP = 1u << 21;

    /// <summary>
    /// Bits the modelled CPU (QEMU <c>-cpu max</c> in <c>qemu-system-i386</c>, per the vectors' CPUID)
    /// accepts; setting any other bit is a #GP(0).
    /// </summary>
    public const uint Implemented = VME | PVI | TSD | DE | PSE | PAE | MCE | PGE | PCE | OSFXSR | OSXMMEXCPT | UMIP
        | FSGSBASE | OSXSAVE | SMEP | SMAP;

    /// <summary>Bits whose change flushes the whole TLB, global entries included (DESIGN.md §3).</summary>
    public const uint FlushingBits = PAE | PSE | PGE | SMEP | SMAP;
}
