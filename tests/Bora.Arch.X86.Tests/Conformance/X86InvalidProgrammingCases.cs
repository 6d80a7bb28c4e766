using Bora.Hal;
using Bora.Hal.Conformance;

namespace Bora.Arch.X86.Tests.Conformance;

/// <summary>
/// Register writes the architecture answers with #GP(0), which a register write in the model cannot
/// raise: each is reported on the diagnostics channel and the write is dropped (the register keeps its
/// value, as after the #GP). PAE PDPTE reserved bits (#GP on the load on silicon) follow QEMU.
/// Reserved bits in PDEs and PTEs are not here: the architecture defines them (#PF with RSVD).
/// </summary>
internal static class X86InvalidProgrammingCases
{
    public static IEnumerable<InvalidProgrammingCase> For(X86PagingMode mode)
    {
        yield return Case("CR0.PG set with CR0.PE clear", h => Set(h, X86SystemRegister.Cr0, Cr0.PG | Cr0.WP), PagingStillOn);
        yield return Case("CR0.NW set with CR0.CD clear", h => Set(h, X86SystemRegister.Cr0, Cr0.PE | Cr0.PG | Cr0.WP | Cr0.NW), PagingStillOn);
        yield return Case("CR4.PKE (not implemented)", h => Set(h, X86SystemRegister.Cr4, Read(h, X86SystemRegister.Cr4) | (1u << 22)), PagingStillOn);
        yield return Case("IA32_EFER.LME on a processor without IA-32e", h => Set(h, X86SystemRegister.Efer, Efer.NXE | Efer.LME), PagingStillOn);
        yield return Case("CR3 written with a 64-bit value", h => Set(h, X86SystemRegister.Cr3, 0x1_0000_0000UL | Read(h, X86SystemRegister.Cr3)), PagingStillOn);
        if (mode == X86PagingMode.Pae)
        {
            yield return Case("PAE PDPTE with Zephyr's RW|US (reserved bits 2:1)",
                h => SetPdpte(h, X86PageTableBuilder.IntermediateFlags),
                [(Access(AccessKind.Write, Privilege.Supervisor), true), (Access(AccessKind.Read, Privilege.User), false)]);
            yield return Case("PAE PDPTE with PS (reserved bit 7)",
                h => SetPdpte(h, PageEntry.P | PageEntry.PS),
                [(Access(AccessKind.Read, Privilege.Supervisor), true)]);
            yield return Case("PAE PDPTE with an address bit above MAXPHYADDR",
                h => SetPdpte(h, PageEntry.P | (1UL << 40)),
                [(Access(AccessKind.Read, Privilege.Supervisor), false)]);
            yield return Case("PAE PDPTE with XD",
                h => SetPdpte(h, PageEntry.P | PageEntry.XD),
                [(Access(AccessKind.Read, Privilege.Supervisor), false)]);
        }
    }

    private static (MemoryAccess, bool)[] PagingStillOn =>
    [
        (Access(AccessKind.Read, Privilege.Supervisor), true),
        (Access(AccessKind.Read, Privilege.User), false),
    ];

    private static MemoryAccess Access(AccessKind kind, Privilege privilege) => new(0x0100_0100, 4, kind, privilege);

    private static InvalidProgrammingCase Case(string name, Action<X86ProtectionHarness> program, (MemoryAccess, bool)[] probes) =>
        new(name, h => program((X86ProtectionHarness)h), probes);

    private static ulong Read(X86ProtectionHarness h, uint register) => h.Mmu.Read(register);

    private static void Set(X86ProtectionHarness h, uint register, ulong value) => h.Mmu.Write(register, value);

    /// <summary>Rewrites the PDPTE over the arena with <paramref name="flags"/> (keeping its frame) and loads CR3.</summary>
    private static void SetPdpte(X86ProtectionHarness h, ulong flags)
    {
        ulong address = h.Tables.PdpteAddress(0x0100_0000);
        h.Tables.WriteEntry(address, (h.Tables.ReadEntry(address) & 0xFFFF_F000UL) | flags);
        Set(h, X86SystemRegister.Cr3, Read(h, X86SystemRegister.Cr3));
    }
}
