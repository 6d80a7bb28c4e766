using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>
/// A page fault (#PF, vector 14) as the x86 model raised it: the error code the processor pushes and
/// the linear address it latches in CR2.
/// </summary>
public sealed class X86FaultRecord : FaultRecord
{
    /// <summary>Creates the record of a page fault.</summary>
    /// <param name="arch">Backend variant that raised it.</param>
    /// <param name="access">The access that faulted.</param>
    /// <param name="cr2">The linear address latched in CR2.</param>
    /// <param name="errorCode">The error code pushed with the exception.</param>
    /// <param name="cr3">CR3 when the fault was taken (the tables in force).</param>
    public X86FaultRecord(ArchId arch, MemoryAccess access, uint cr2, PageFaultErrorCode errorCode, uint cr3)
        : base(arch, "#PF", X86Vector.PageFault, Classify(errorCode), access, cr2, Registers(cr2, errorCode, cr3))
    {
        Cr2 = cr2;
        ErrorCode = errorCode;
        Cr3 = cr3;
    }

    /// <summary>The error code pushed with the exception.</summary>
    public PageFaultErrorCode ErrorCode { get; }

    /// <summary>The faulting linear address (CR2).</summary>
    public uint Cr2 { get; }

    /// <summary>CR3 at the time of the fault.</summary>
    public uint Cr3 { get; }

    /// <summary>P: a protection violation or reserved bit (set) rather than a not-present page (clear).</summary>
    public bool P => ErrorCode.HasFlag(PageFaultErrorCode.P);

    /// <summary>W/R: the access was a write.</summary>
    public bool W => ErrorCode.HasFlag(PageFaultErrorCode.W);

    /// <summary>U/S: the access was made at CPL 3.</summary>
    public bool U => ErrorCode.HasFlag(PageFaultErrorCode.U);

    /// <summary>RSVD: a reserved bit was set in a paging-structure entry.</summary>
    public bool RSVD => ErrorCode.HasFlag(PageFaultErrorCode.RSVD);

    /// <summary>I/D: the access was an instruction fetch (reported only with PAE+NXE or SMEP).</summary>
    public bool I => ErrorCode.HasFlag(PageFaultErrorCode.I);

    /// <summary>Spells out the set bits of an error code, e.g. <c>P|W|U</c>, or <c>not-present</c>.</summary>
    public static string Decode(PageFaultErrorCode errorCode)
    {
        if (errorCode == PageFaultErrorCode.None)
        {
            return "not-present supervisor read";
        }

        var names = new List<string>(5);
        foreach (PageFaultErrorCode bit in new[] { PageFaultErrorCode.P, PageFaultErrorCode.W, PageFaultErrorCode.U, PageFaultErrorCode.RSVD, PageFaultErrorCode.I })
        {
            if (errorCode.HasFlag(bit))
            {
                names.Add(bit.ToString());
            }
        }

        return string.Join('|', names);
    }

    private static FaultClass Classify(PageFaultErrorCode errorCode) =>
        errorCode.HasFlag(PageFaultErrorCode.RSVD) ? FaultClass.ReservedBit
        : errorCode.HasFlag(PageFaultErrorCode.P) ? FaultClass.Protection
        : FaultClass.NotPresent;

    private static StatusRegister[] Registers(uint cr2, PageFaultErrorCode errorCode, uint cr3) =>
    [
        new("ErrorCode", (ulong)errorCode, Decode(errorCode)),
        new("CR2", cr2, string.Empty),
        new("CR3", cr3, string.Empty),
    ];
}
