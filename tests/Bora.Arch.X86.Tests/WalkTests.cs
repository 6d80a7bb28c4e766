using Bora.Hal;

namespace Bora.Arch.X86.Tests;

/// <summary>The walk itself: page sizes, reserved bits, accessed/dirty, SMEP/SMAP, translation.</summary>
public sealed class WalkTests
{
    private const ulong P = PageEntry.P;
    private const ulong RW = PageEntry.RW;
    private const ulong US = PageEntry.US;
    private const ulong XD = PageEntry.XD;
    private const Privilege User = Privilege.User;
    private const Privilege Supervisor = Privilege.Supervisor;

    [Test]
    public void PagingDisabled_EverythingIsAllowed_AndIdentityMapped()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Memory.WriteUInt32(0x0010_0000, 0xCAFE_F00D);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.PagingMode, Is.EqualTo(X86PagingMode.Disabled));
            Assert.That(rig.Cpu.TryRead(0x0010_0000, 4, AccessKind.Read, User, out uint value), Is.Null);
            Assert.That(value, Is.EqualTo(0xCAFE_F00D));
            Assert.That(rig.Fetch(0, User), Is.Null);
        });
    }

    [Test]
    public void Translation_SendsEachPageToItsFrame_EvenAcrossAPageBoundary()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x4000_0000, 0x0070_3000, P | RW | US);
        rig.Tables.MapPage(0x4000_1000, 0x0070_1000, P | RW | US);
        rig.EnablePaging();
        Assert.That(rig.Write(0x4000_0FFE, User, 4, 0x4433_2211), Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Memory.ReadUInt32(0x0070_3FFC) >> 16, Is.EqualTo(0x2211), "low half in the first frame");
            Assert.That(rig.Memory.ReadUInt32(0x0070_1000) & 0xFFFF, Is.EqualTo(0x4433), "high half in the second frame");
            Assert.That(rig.Cpu.TryRead(0x4000_0FFE, 4, AccessKind.Read, User, out uint value), Is.Null);
            Assert.That(value, Is.EqualTo(0x4433_2211));
        });
    }

    [Test]
    public void AccessedAndDirty_AreSetAsTheProcessorUsesTheEntries()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, P | RW | US);
        rig.EnablePaging();
        ulong pde = rig.Tables.DirectoryEntryAddress(0x0050_0000);
        ulong pte = rig.Tables.LeafAddress(0x0050_0000);

        Assert.That(rig.Read(0x0050_0000, User), Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Tables.ReadEntry(pde) & PageEntry.A, Is.Not.Zero, "PDE.A");
            Assert.That(rig.Tables.ReadEntry(pte) & PageEntry.A, Is.Not.Zero, "PTE.A");
            Assert.That(rig.Tables.ReadEntry(pte) & PageEntry.D, Is.Zero, "a read leaves D clear");
        });

        Assert.That(rig.Write(0x0050_0000, User), Is.Null, "a write through the clean entry");
        Assert.That(rig.Tables.ReadEntry(pte) & PageEntry.D, Is.Not.Zero, "PTE.D");
    }

    [Test]
    public void DeniedAccess_LeavesTheLeafAccessedBitAlone()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, P | RW);
        rig.EnablePaging();
        Assert.That(rig.Read(0x0050_0000, User), Is.Not.Null);
        Assert.That(rig.Tables.ReadEntry(rig.Tables.LeafAddress(0x0050_0000)) & PageEntry.A, Is.Zero);
    }

    [Test]
    public void LargePagePae_Maps2MiB_AndSetsDirtyInThePde()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapLargePage(0x8000_0000, 0x0060_0000, P | RW | US);
        rig.EnablePaging();
        Assert.That(rig.Write(0x801F_FFFC, User, 4, 0x5A5A_5A5A), Is.Null);
        ulong pde = rig.Tables.ReadEntry(rig.Tables.DirectoryEntryAddress(0x8000_0000));
        Assert.Multiple(() =>
        {
            Assert.That(rig.Memory.ReadUInt32(0x007F_FFFC), Is.EqualTo(0x5A5A_5A5A));
            Assert.That(pde & (PageEntry.A | PageEntry.D), Is.EqualTo(PageEntry.A | PageEntry.D));
            rig.AssertPageFault(rig.Read(0x8020_0000, User), 0x4, 0x8020_0000, "the next 2 MiB is not mapped");
        });
    }

    [Test]
    public void LargePagePae_Bits20To13_AreReserved()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapLargePage(0x8000_0000, 0x0060_0000, P | RW | US);
        ulong pde = rig.Tables.DirectoryEntryAddress(0x8000_0000);
        rig.Tables.WriteEntry(pde, rig.Tables.ReadEntry(pde) | (1UL << 13));
        rig.EnablePaging();
        rig.AssertPageFault(rig.Read(0x8000_0000, User), 0xD, 0x8000_0000);
    }

    [Test]
    public void LargePage32_NeedsPse_OtherwiseThePdeReferencesAPageTable()
    {
        var withPse = new X86Rig(X86PagingMode.Paging32);
        withPse.Tables.MapLargePage(0x8000_0000, 0x0080_0000, P | RW | US);
        withPse.EnablePaging(pse: true);
        Assert.That(withPse.Write(0x803F_FFFC, User, 4, 0x1357_9BDF), Is.Null);
        Assert.That(withPse.Memory.ReadUInt32(0x00BF_FFFC), Is.EqualTo(0x1357_9BDF));

        // Without CR4.PSE the same PDE points at a page table at 0x00800000 (zeroed here): not present.
        var withoutPse = new X86Rig(X86PagingMode.Paging32);
        withoutPse.Tables.MapLargePage(0x8000_0000, 0x0080_0000, P | RW | US);
        withoutPse.EnablePaging(pse: false);
        withoutPse.AssertPageFault(withoutPse.Read(0x8000_0000, User), 0x4, 0x8000_0000);
        withoutPse.Memory.WriteUInt32(0x0080_0000, 0x0090_0000 | (uint)(P | US));
        withoutPse.ReloadCr3();
        Assert.That(withoutPse.Read(0x8000_0000, User), Is.Null, "PS ignored: the PDE's frame is a page table");
    }

    [Test]
    public void LargePage32_Pse36_ReservesBits21To17_ForMaxPhyAddr36()
    {
        foreach (int bit in new[] { 17, 21 })
        {
            var rig = new X86Rig(X86PagingMode.Paging32);
            rig.Tables.MapLargePage(0x8000_0000, 0x0080_0000, P | RW | US);
            ulong pde = rig.Tables.DirectoryEntryAddress(0x8000_0000);
            rig.Tables.WriteEntry(pde, rig.Tables.ReadEntry(pde) | (1UL << bit));
            rig.EnablePaging();
            rig.AssertPageFault(rig.Read(0x8000_0000, User), 0xD, 0x8000_0000, $"bit {bit}");
        }

        var high = new X86Rig(X86PagingMode.Paging32);
        high.Tables.MapLargePage(0x8000_0000, 0x1_0000_0000, P | RW | US);
        high.EnablePaging();
        Assert.That(high.Cpu.Check(0x8000_0000, 4, AccessKind.Read, User), Is.Not.TypeOf<X86FaultRecord>(),
            "PSE-36 bits 16:13 are address bits 35:32, not reserved (the frame above 4 GiB has no memory: a bus error)");
    }

    [TestCase(35, false)]
    [TestCase(36, true)]
    [TestCase(51, true)]
    [TestCase(62, true)]
    public void PaeEntries_AddressBitsFromMaxPhyAddrUp_AreReserved(int bit, bool reserved)
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, P | RW | US);
        ulong pte = rig.Tables.LeafAddress(0x0050_0000);
        rig.Tables.WriteEntry(pte, rig.Tables.ReadEntry(pte) | (1UL << bit));
        rig.EnablePaging();
        FaultRecord? fault = rig.Write(0x0050_0000, User);
        if (reserved)
        {
            rig.AssertPageFault(fault, 0xF, 0x0050_0000, "P|W|U|RSVD");
        }
        else
        {
            Assert.That(fault, Is.Not.TypeOf<X86FaultRecord>(), "an address bit: the frame is above 4 GiB, a bus error");
        }
    }

    [Test]
    public void PaeDirectoryEntry_ReservedBits_FaultEvenIfThePteIsNotPresent()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, 0);
        rig.Tables.SetDirectoryFlags(0x0050_0000, X86PageTableBuilder.IntermediateFlags | (1UL << 40));
        rig.EnablePaging();
        rig.AssertPageFault(rig.Read(0x0050_0000, Supervisor), 0x9, 0x0050_0000);
    }

    [Test]
    public void Smep_ForbidsSupervisorFetchesFromUserPages_WithTheIBit()
    {
        var rig = new X86Rig(X86PagingMode.Paging32);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, P | RW | US);
        rig.Tables.MapPage(0x0050_1000, 0x0050_1000, P | RW);
        rig.EnablePaging(nxe: false, extraCr4: Cr4.SMEP);
        Assert.Multiple(() =>
        {
            rig.AssertPageFault(rig.Fetch(0x0050_0000, Supervisor), 0x11, 0x0050_0000, "I/D reported under SMEP even in 32-bit paging");
            Assert.That(rig.Fetch(0x0050_1000, Supervisor), Is.Null);
            Assert.That(rig.Fetch(0x0050_0000, User), Is.Null);
            Assert.That(rig.Read(0x0050_0000, Supervisor), Is.Null, "SMEP does not restrict data");
        });
    }

    [Test]
    public void Smap_ForbidsSupervisorDataAccessToUserPages_UnlessEflagsAc()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, P | US);
        rig.EnablePaging(wp: false, extraCr4: Cr4.SMAP);
        Assert.Multiple(() =>
        {
            rig.AssertPageFault(rig.Read(0x0050_0000, Supervisor), 0x1, 0x0050_0000, "read");
            rig.AssertPageFault(rig.Write(0x0050_0000, Supervisor), 0x3, 0x0050_0000, "write");
            Assert.That(rig.Fetch(0x0050_0000, Supervisor), Is.Null, "SMAP does not restrict fetches");
        });

        rig.Mmu.AlignmentCheck = true;
        Assert.Multiple(() =>
        {
            Assert.That(rig.Read(0x0050_0000, Supervisor), Is.Null, "STAC");
            Assert.That(rig.Write(0x0050_0000, Supervisor), Is.Null, "WP=0: writes to a read-only user page are allowed with AC");
        });
    }

    [Test]
    public void PaePdptes_AreLoadedAtCr3Load_AndAPdptWriteWaitsForTheNextLoad()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x4000_0000, 0x0050_0000, P | RW | US);
        rig.EnablePaging();
        ulong pdpte = rig.Tables.PdpteAddress(0x4000_0000);
        ulong saved = rig.Tables.ReadEntry(pdpte);
        rig.Tables.WriteEntry(pdpte, 0);
        rig.Mmu.Invlpg(0x4000_0000);
        Assert.That(rig.Read(0x4000_0000, User), Is.Null, "the PDPTE register still holds the old entry");

        rig.ReloadCr3();
        rig.AssertPageFault(rig.Read(0x4000_0000, User), 0x4, 0x4000_0000, "reloaded: not present");

        rig.Tables.WriteEntry(pdpte, saved);
        rig.ReloadCr3();
        Assert.That(rig.Read(0x4000_0000, User), Is.Null);
    }

    [Test]
    public void PaePdpte_ContributesOnlyPresence()
    {
        // Zephyr writes P|RW|US in PDPTEs; a PDPTE without RW/US must not restrict anything either.
        var rig = new X86Rig(X86PagingMode.Pae, pdpteFlags: P);
        rig.Tables.MapPage(0x4000_0000, 0x0050_0000, P | RW | US);
        rig.EnablePaging();
        Assert.That(rig.Write(0x4000_0000, User), Is.Null);
    }

    [Test]
    public void FetchErrorCode_ReportsI_OnlyWithPaeAndNxe_OrSmep()
    {
        var pae = new X86Rig(X86PagingMode.Pae);
        pae.EnablePaging(nxe: true);
        pae.AssertPageFault(pae.Fetch(0x0090_0000, User), 0x14, 0x0090_0000, "PAE+NXE");

        var paeNoNxe = new X86Rig(X86PagingMode.Pae);
        paeNoNxe.EnablePaging(nxe: false);
        paeNoNxe.AssertPageFault(paeNoNxe.Fetch(0x0090_0000, User), 0x4, 0x0090_0000, "PAE without NXE");

        var legacy = new X86Rig(X86PagingMode.Paging32);
        legacy.EnablePaging(nxe: true);
        legacy.AssertPageFault(legacy.Fetch(0x0090_0000, User), 0x4, 0x0090_0000, "32-bit paging with NXE");
    }

    [Test]
    public void FaultRecord_DecodesItsRegisters()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.EnablePaging();
        var fault = (X86FaultRecord)rig.Write(0x0090_0000, User)!;
        Assert.Multiple(() =>
        {
            Assert.That(fault.ExceptionName, Is.EqualTo("#PF"));
            Assert.That(fault.Class, Is.EqualTo(FaultClass.NotPresent));
            Assert.That(fault.StatusRegisters.Select(r => r.Name), Is.EqualTo(new[] { "ErrorCode", "CR2", "CR3" }));
            Assert.That(fault.StatusRegisters[0].Decoded, Is.EqualTo("W|U"));
            Assert.That(fault.Cr3, Is.EqualTo(rig.Tables.Root));
            Assert.That(fault.W && fault.U && !fault.P && !fault.RSVD && !fault.I, Is.True);
        });
    }

    [Test]
    public void DecideWindows_CoverTheWholePage_AndTranslate()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x4000_0000, 0x0070_3000, P | RW | US);
        rig.Tables.MapLargePage(0x8000_0000, 0x0060_0000, P | RW | US);
        rig.EnablePaging();
        AccessDecision small = rig.Mmu.Decide(0x4000_0123, AccessKind.Read, User);
        AccessDecision large = rig.Mmu.Decide(0x8012_3456, AccessKind.Write, User);
        AccessDecision denied = rig.Mmu.Decide(0x9000_0123, AccessKind.Read, User);
        Assert.Multiple(() =>
        {
            Assert.That((small.IsAllowed, small.WindowStart, small.WindowEnd, small.PhysicalStart), Is.EqualTo((true, 0x4000_0000u, 0x4000_0FFFu, 0x0070_3000UL)));
            Assert.That((large.IsAllowed, large.WindowStart, large.WindowEnd, large.PhysicalStart), Is.EqualTo((true, 0x8000_0000u, 0x801F_FFFFu, 0x0060_0000UL)));
            Assert.That((denied.IsAllowed, denied.WindowStart, denied.WindowEnd), Is.EqualTo((false, 0x9000_0000u, 0x9000_0FFFu)));
            Assert.That((PageFaultErrorCode)denied.Detail, Is.EqualTo(PageFaultErrorCode.U));
        });
    }
}
