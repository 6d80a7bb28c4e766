using Bora.Hal;

namespace Bora.Arch.X86.Tests;

/// <summary>Control registers and programming the architecture defines (no diagnostics expected).</summary>
public sealed class RegisterTests
{
    [Test]
    public void Reset_PagingOff_Cr0IsCdNwEt()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.Read(X86SystemRegister.Cr0), Is.EqualTo(0x6000_0010));
            Assert.That(rig.Mmu.Read(X86SystemRegister.Cr3), Is.Zero);
            Assert.That(rig.Mmu.Read(X86SystemRegister.Cr4), Is.Zero);
            Assert.That(rig.Mmu.Read(X86SystemRegister.Efer), Is.Zero);
            Assert.That(rig.Mmu.PagingMode, Is.EqualTo(X86PagingMode.Disabled));
            Assert.That(rig.Mmu.Arch, Is.EqualTo(X86Arch.Pae));
        });
    }

    [Test]
    public void Cr0_EtIsHardWired_AndReservedBitsIgnoreWrites()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.SetCr(X86SystemRegister.Cr0, Cr0.PE | (1u << 20) | (1u << 7));
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.Read(X86SystemRegister.Cr0), Is.EqualTo(Cr0.PE | Cr0.ET));
            Assert.That(rig.Mmu.InvalidProgramming, Is.Empty, "ignoring reserved CR0 bits is architectural");
        });
    }

    [Test]
    public void UnknownRegister_IsHostMisuse()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => rig.Mmu.Read(1));
            Assert.Throws<ArgumentOutOfRangeException>(() => rig.Mmu.Write(8, 0));
        });
    }

    [Test]
    public void ReservedBitsInPdesAndPtes_AreArchitectural_PageFaultWithRsvd_NothingReported()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x0050_0000, 0x0050_0000, PageEntry.P | PageEntry.RW | PageEntry.US | PageEntry.XD);
        rig.Tables.MapPage(0x0050_1000, 0x0050_1000, PageEntry.P | PageEntry.RW | PageEntry.US | (1UL << 51));
        rig.EnablePaging(nxe: false);
        Assert.Multiple(() =>
        {
            rig.AssertPageFault(rig.Read(0x0050_0000, Privilege.User), 0xD, 0x0050_0000, "XD without NXE");
            rig.AssertPageFault(rig.Write(0x0050_1000, Privilege.Supervisor), 0xB, 0x0050_1000, "bit 51 above MAXPHYADDR 36");
            Assert.That(rig.Mmu.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void Cr3UnderPae_Bits4To0_ArePwtPcdAndIgnored_ThePdptIs32ByteAligned()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x4000_0000, 0x0050_0000, PageEntry.P | PageEntry.RW | PageEntry.US);
        rig.EnablePaging();
        uint root = rig.Tables.Root;
        for (uint i = 0; i < 4; i++)
        {
            rig.Tables.WriteEntry(root + 0x20 + (i * 8), rig.Tables.ReadEntry(root + (i * 8)));
        }

        rig.Tables.WriteEntry(rig.Tables.PdpteAddress(0x4000_0000), 0);
        rig.SetCr(X86SystemRegister.Cr3, root | 0x1F);
        rig.AssertPageFault(rig.Read(0x4000_0000, Privilege.User), 0x4, 0x4000_0000, "the PDPT at CR3[31:5]");
        rig.SetCr(X86SystemRegister.Cr3, root + 0x20 + 0x18);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Read(0x4000_0000, Privilege.User), Is.Null, "a PDPT 32 bytes into the page");
            Assert.That(rig.Mmu.InvalidProgramming, Is.Empty, "no CR3 value is misaligned under PAE");
        });
    }

    [Test]
    public void Cr3Under32BitPaging_Bits11To0_AreIgnored()
    {
        var rig = new X86Rig(X86PagingMode.Paging32);
        rig.Tables.MapPage(0x4000_0000, 0x0050_0000, PageEntry.P | PageEntry.RW | PageEntry.US);
        rig.EnablePaging();
        rig.SetCr(X86SystemRegister.Cr3, rig.Tables.Root | 0xFFF);
        Assert.That(rig.Read(0x4000_0000, Privilege.User), Is.Null);
    }

    [Test]
    public void ChangingCr4Pae_WithPagingOn_IsLegal_AndSwitchesTheWalk()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x4000_0000, 0x0050_0000, PageEntry.P | PageEntry.RW | PageEntry.US);
        rig.EnablePaging();
        Assert.That(rig.Read(0x4000_0000, Privilege.User), Is.Null);
        rig.ToggleCr4(Cr4.PAE);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.PagingMode, Is.EqualTo(X86PagingMode.Paging32));
            Assert.That(rig.Mmu.InvalidProgramming, Is.Empty);
        });
        rig.ToggleCr4(Cr4.PAE);
        Assert.That(rig.Read(0x4000_0000, Privilege.User), Is.Null, "back under PAE with reloaded PDPTEs");
    }

    [Test]
    public void ZephyrPdptes_AreReportedOnce_NotOnEveryCr3Load()
    {
        var rig = new X86Rig(X86PagingMode.Pae, pdpteFlags: X86PageTableBuilder.IntermediateFlags);
        rig.Tables.MapPage(0x4000_0000, 0x0050_0000, PageEntry.P | PageEntry.RW | PageEntry.US);
        rig.EnablePaging();
        rig.ReloadCr3();
        rig.ReloadCr3();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.InvalidProgramming, Has.Count.EqualTo(1));
            Assert.That(rig.Mmu.InvalidProgramming[0].Register, Is.EqualTo("PDPTE1"));
            Assert.That(rig.Write(0x4000_0000, Privilege.User), Is.Null, "RW|US in the PDPTE are ignored");
        });
    }

    [Test]
    public void Cr2_IsWritable_AndLatchesTheLastFault()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.EnablePaging();
        rig.SetCr(X86SystemRegister.Cr2, 0xDEAD_BEEF);
        Assert.That(rig.Mmu.Read(X86SystemRegister.Cr2), Is.EqualTo(0xDEAD_BEEF));
        Assert.That(rig.Read(0x0090_0000, Privilege.Supervisor), Is.Not.Null);
        Assert.That(rig.Mmu.Read(X86SystemRegister.Cr2), Is.EqualTo(0x0090_0000));
        rig.Mmu.ClearFaultStatus();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.Read(X86SystemRegister.Cr2), Is.Zero);
            Assert.That(rig.Mmu.LastErrorCode, Is.Null);
        });
    }
}
