namespace Bora.Arch.X86;

/// <summary>The #PF error code pushed by the processor (Intel SDM vol. 3A §4.7).</summary>
[Flags]
public enum PageFaultErrorCode : uint
{
    /// <summary>A not-present page, supervisor read.</summary>
    None = 0,

    /// <summary>0: not-present page; 1: protection violation or reserved bit.</summary>
    P = 1 << 0,

    /// <summary>The access was a write.</summary>
    W = 1 << 1,

    /// <summary>The access was a user-mode (CPL 3) access.</summary>
    U = 1 << 2,

    /// <summary>A reserved bit was set in a paging-structure entry.</summary>
    RSVD = 1 << 3,

    /// <summary>The access was an instruction fetch (only when PAE with EFER.NXE, or CR4.SMEP).</summary>
    I = 1 << 4,
}
