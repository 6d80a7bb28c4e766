using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.X86.Tests;

/// <summary>
/// The TLB (DESIGN.md §3, SDM §4.10): a translation survives page-table writes and is dropped only by a
/// CR3 load, INVLPG, a #PF on the page, or a change of CR0.PG/WP, CR4.PAE/PSE/PGE/SMEP/SMAP or EFER.NXE.
/// </summary>
public sealed class TlbTests
{
    private const uint Page = 0x0050_0000;
    private const ulong UserRw = PageEntry.P | PageEntry.RW | PageEntry.US;

    public static IEnumerable<TestCaseData> InvalidatingEvents()
    {
        yield return Event("CR3 load", r => r.ReloadCr3());
        yield return Event("INVLPG", r => r.Mmu.Invlpg(Page + 0x123));
        yield return Event("CR0.WP", r => r.ToggleCr0(Cr0.WP));
        yield return Event("CR0.PG", r => r.ToggleCr0(Cr0.PG), restore: r => r.ToggleCr0(Cr0.PG));
        yield return Event("CR4.PAE", r => r.ToggleCr4(Cr4.PAE), restore: r => r.ToggleCr4(Cr4.PAE));
        yield return Event("CR4.PSE", r => r.ToggleCr4(Cr4.PSE));
        yield return Event("CR4.PGE", r => r.ToggleCr4(Cr4.PGE));
        yield return Event("CR4.SMEP", r => r.ToggleCr4(Cr4.SMEP));
        yield return Event("CR4.SMAP", r => r.ToggleCr4(Cr4.SMAP));
        yield return Event("EFER.NXE", r => r.SetCr(X86SystemRegister.Efer, r.Mmu.Read(X86SystemRegister.Efer) ^ Efer.NXE));
    }

    public static IEnumerable<TestCaseData> NonInvalidatingWrites()
    {
        yield return Event("a page-table write", r => r.Tables.SetPageFlags(Page + 0x1000, PageEntry.P));
        yield return Event("CR4.OSFXSR", r => r.ToggleCr4(Cr4.OSFXSR));
        yield return Event("CR0.CD|NW", r => r.ToggleCr0(Cr0.CD | Cr0.NW));
        yield return Event("EFER rewritten unchanged", r => r.SetCr(X86SystemRegister.Efer, r.Mmu.Read(X86SystemRegister.Efer)));
        yield return Event("CR2", r => r.SetCr(X86SystemRegister.Cr2, 0x1234));
    }

    [Test]
    public void StaleTranslation_SurvivesAPageTableWrite_UntilInvlpg()
    {
        X86Rig rig = Rig();
        Assert.That(rig.Read(Page, Privilege.User), Is.Null, "fills the TLB");

        rig.Tables.SetPageFlags(Page, 0); // not present now, no INVLPG
        Assert.That(rig.Read(Page + 4, Privilege.User), Is.Null, "the stale translation is still used");

        rig.Mmu.Invlpg(Page);
        rig.AssertPageFault(rig.Read(Page + 4, Privilege.User), 0x4, Page + 4, "after INVLPG the walk sees P=0");
    }

    [Test]
    public void StaleTranslation_SurvivesAPageTableWrite_UntilACr3Load()
    {
        X86Rig rig = Rig();
        Assert.That(rig.Write(Page, Privilege.User), Is.Null, "fills the TLB dirty");
        rig.Tables.SetPageFlags(Page, PageEntry.P | PageEntry.US); // read-only now
        Assert.That(rig.Write(Page + 8, Privilege.User), Is.Null, "the stale writable translation is still used");

        rig.ReloadCr3();
        rig.AssertPageFault(rig.Write(Page + 8, Privilege.User), 0x7, Page + 8);
    }

    [Test]
    public void StaleTranslation_OnTheCpuFastPath_IsDroppedByInvlpg()
    {
        X86Rig rig = Rig();
        Cpu cpu = rig.Cpu;
        cpu.State.Privilege = Privilege.User;
        cpu.WriteUInt32(Page, 1);
        Assert.That(cpu.ReadUInt32(Page), Is.EqualTo(1));

        rig.Tables.SetPageFlags(Page, 0);
        Assert.Multiple(() =>
        {
            Assert.That(() => cpu.WriteUInt32(Page, 2), Throws.Nothing, "stale write window");
            Assert.That(cpu.ReadUInt32(Page), Is.EqualTo(2), "stale read window");
        });

        rig.Mmu.Invlpg(Page);
        Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(Page));
    }

    [TestCaseSource(nameof(InvalidatingEvents))]
    public void StaleTranslation_IsDroppedBy(Action<X86Rig> invalidate, Action<X86Rig>? restore)
    {
        X86Rig rig = Rig();
        int calls = 0;
        Assert.That(rig.Read(Page, Privilege.User), Is.Null);
        rig.Mmu.AttachDecisionCache(() => calls++);
        rig.Tables.SetPageFlags(Page, 0);
        Assert.That(rig.Read(Page, Privilege.User), Is.Null, "stale before the event");
        Assert.That(rig.Mmu.TlbEntries, Is.GreaterThan(0));

        invalidate(rig);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.TlbEntries, Is.Zero, "the event dropped the translation");
            Assert.That(calls, Is.GreaterThan(0), "the event dropped the CPU's cached decisions");
        });

        restore?.Invoke(rig);
        rig.AssertPageFault(rig.Read(Page, Privilege.User), 0x4, Page, "the next access walks");
    }

    [TestCaseSource(nameof(NonInvalidatingWrites))]
    public void StaleTranslation_Survives(Action<X86Rig> write, Action<X86Rig>? restore)
    {
        X86Rig rig = Rig();
        int calls = 0;
        Assert.That(rig.Read(Page, Privilege.User), Is.Null);
        rig.Mmu.AttachDecisionCache(() => calls++);
        rig.Tables.SetPageFlags(Page, 0);

        write(rig);
        restore?.Invoke(rig);
        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.Zero, "nothing was invalidated");
            Assert.That(rig.Read(Page, Privilege.User), Is.Null, "the stale translation is still used");
        });
    }

    [Test]
    public void GlobalTranslation_SurvivesACr3Load_ButNotInvlpgOrAPgeChange()
    {
        X86Rig rig = Rig(extraCr4: Cr4.PGE);
        rig.Tables.MapPage(Page, Page, UserRw | PageEntry.G);
        rig.Tables.MapPage(Page + 0x1000, Page + 0x1000, UserRw);
        rig.ReloadCr3();
        Assert.That(rig.Read(Page, Privilege.User), Is.Null);
        Assert.That(rig.Read(Page + 0x1000, Privilege.User), Is.Null);
        rig.Tables.SetPageFlags(Page, 0);
        rig.Tables.SetPageFlags(Page + 0x1000, 0);

        rig.ReloadCr3();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Read(Page, Privilege.User), Is.Null, "global: survives CR3");
            rig.AssertPageFault(rig.Read(Page + 0x1000, Privilege.User), 0x4, Page + 0x1000, "non-global: dropped by CR3");
        });

        rig.Mmu.Invlpg(Page);
        rig.AssertPageFault(rig.Read(Page, Privilege.User), 0x4, Page, "INVLPG drops global entries");

        rig.Tables.SetPageFlags(Page, UserRw | PageEntry.G);
        rig.ReloadCr3();
        Assert.That(rig.Read(Page, Privilege.User), Is.Null);
        rig.Tables.SetPageFlags(Page, 0);
        rig.ToggleCr4(Cr4.PGE);
        rig.AssertPageFault(rig.Read(Page, Privilege.User), 0x4, Page, "a CR4.PGE change drops global entries");
    }

    [Test]
    public void GlobalBit_WithoutPge_IsIgnored()
    {
        X86Rig rig = Rig();
        rig.Tables.MapPage(Page, Page, UserRw | PageEntry.G);
        rig.ReloadCr3();
        Assert.That(rig.Read(Page, Privilege.User), Is.Null);
        rig.Tables.SetPageFlags(Page, 0);
        rig.ReloadCr3();
        rig.AssertPageFault(rig.Read(Page, Privilege.User), 0x4, Page);
    }

    [Test]
    public void RestrictiveStaleTranslation_FaultsOnce_ThenThePageFaultHasDroppedIt()
    {
        X86Rig rig = Rig();
        rig.Tables.SetPageFlags(Page, PageEntry.P | PageEntry.US);
        rig.Mmu.Invlpg(Page);
        Assert.That(rig.Read(Page, Privilege.User), Is.Null, "caches a read-only translation");

        rig.Tables.SetPageFlags(Page, UserRw); // relaxed without INVLPG (SDM 4.10.4.3 allows it)
        rig.AssertPageFault(rig.Write(Page, Privilege.User), 0x7, Page, "a spurious #PF from the stale entry");
        Assert.That(rig.Write(Page, Privilege.User), Is.Null, "the #PF invalidated the entry; the walk sees RW");
    }

    [Test]
    public void LargePage_IsOneTranslation_InvlpgAnywhereInItDropsAllOfIt()
    {
        X86Rig rig = Rig();
        const uint large = 0x00A0_0000;
        rig.Tables.MapLargePage(large, large, UserRw);
        rig.ReloadCr3();
        Assert.That(rig.Read(large + 0x1000, Privilege.User), Is.Null);
        Assert.That(rig.Read(large + 0x1F_F000, Privilege.User), Is.Null);
        rig.Tables.WriteEntry(rig.Tables.DirectoryEntryAddress(large), 0);
        Assert.That(rig.Read(large + 0x10_0000, Privilege.User), Is.Null, "stale large translation");

        rig.Mmu.Invlpg(large + 0x1F_F000);
        rig.AssertPageFault(rig.Read(large + 0x1000, Privilege.User), 0x4, large + 0x1000);
    }

    [Test]
    public void PageFault_OnlyDropsTheFaultingPage()
    {
        X86Rig rig = Rig();
        rig.Tables.MapPage(Page + 0x1000, Page + 0x1000, UserRw);
        rig.ReloadCr3();
        Assert.That(rig.Read(Page + 0x1000, Privilege.User), Is.Null);
        rig.Tables.SetPageFlags(Page + 0x1000, 0);
        rig.AssertPageFault(rig.Read(0x0090_0000, Privilege.User), 0x4, 0x0090_0000, "a fault elsewhere");
        Assert.That(rig.Read(Page + 0x1000, Privilege.User), Is.Null, "still stale");
    }

    private static X86Rig Rig(uint extraCr4 = 0)
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(Page, Page, UserRw);
        rig.EnablePaging(extraCr4: extraCr4);
        return rig;
    }

    private static TestCaseData Event(string name, Action<X86Rig> action, Action<X86Rig>? restore = null) =>
        new TestCaseData(action, restore).SetArgDisplayNames(name);
}
