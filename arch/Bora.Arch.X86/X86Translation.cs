namespace Bora.Arch.X86;

/// <summary>
/// One translation as a walk produced it and the TLB caches it: a linear page, the physical page behind
/// it, and the access rights combined across the levels of the walk.
/// </summary>
/// <param name="LinearBase">First linear address of the page.</param>
/// <param name="Size">Page size: 4 KiB, 2 MiB (PAE) or 4 MiB (32-bit with PSE).</param>
/// <param name="PhysicalBase">Physical address of the page.</param>
/// <param name="User">U/S ANDed across the levels (PAE PDPTEs excluded).</param>
/// <param name="Writable">R/W ANDed across the levels (PAE PDPTEs excluded).</param>
/// <param name="ExecuteDisable">XD ORed across the levels (EFER.NXE with PAE only).</param>
/// <param name="Global">The leaf had G set while CR4.PGE was set.</param>
/// <param name="Dirty">The leaf's D bit is known to be set.</param>
/// <param name="LeafAddress">Physical address of the leaf entry (for setting D).</param>
/// <param name="EntrySize">4 (32-bit paging) or 8 (PAE).</param>
internal readonly record struct X86Translation(
    uint LinearBase,
    uint Size,
    ulong PhysicalBase,
    bool User,
    bool Writable,
    bool ExecuteDisable,
    bool Global,
    bool Dirty,
    ulong LeafAddress,
    int EntrySize)
{
    /// <summary>Last linear address of the page.</summary>
    public uint LinearEnd => LinearBase + (Size - 1);
}
