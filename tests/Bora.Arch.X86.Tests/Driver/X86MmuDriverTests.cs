using Bora.Arch.X86.Driver;
using Bora.Hal;

namespace Bora.Arch.X86.Tests.Driver;

/// <summary>
/// Zephyr's x86 MMU driver in both paging modes: the boot tables, per-domain tables, partitions, migration and
/// the read-only-to-user exception, observed through the paging model's decisions (arch-spec §4.4, §4.5).
/// </summary>
[TestFixture(X86PagingMode.Pae)]
[TestFixture(X86PagingMode.Paging32)]
public sealed class X86MmuDriverTests(X86PagingMode mode) : X86DriverFixture(mode)
{
    [Test]
    public void Boot_RunsZephyrsIa32Sequence()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rig.Mmu.PagingMode, Is.EqualTo(Mode));
            Assert.That(Rig.Cr(X86SystemRegister.Cr0) & (Cr0.PG | Cr0.WP | Cr0.PE), Is.EqualTo(Cr0.PG | Cr0.WP | Cr0.PE));
            Assert.That(Rig.Cr(X86SystemRegister.Cr4) & (Cr4.PAE | Cr4.PSE), Is.EqualTo(Pae ? Cr4.PAE : Cr4.PSE));
            Assert.That(Rig.Mmu.Read(X86SystemRegister.Efer) & Efer.NXE, Is.EqualTo(Pae ? Efer.NXE : 0UL));
            Assert.That(Cr3, Is.EqualTo(Driver.KernelPageTables));
            Assert.That(Driver.Cr3Loads, Is.EqualTo(1));
            Assert.That(Rig.Mmu.InvalidProgramming, Is.Empty, "PAE PDPTEs hold P only: nothing silicon would #GP on");
        });
    }

    [Test]
    public void Boot_UserReadsAndExecutesText_ReadsRodata_AndNeverTouchesKernelData()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Read(TextStart + 0x10, User), Is.Null, "user reads text");
            Assert.That(Fetch(TextStart + 0x10, User), Is.Null, "user executes text");
            Assert.That(Read(RodataStart + 0x10, User), Is.Null, "user reads rodata");
            AssertFault(Write(TextStart + 0x10, Supervisor), 0x3, TextStart + 0x10, "text is read-only even for the kernel (WP=1)");
            AssertFault(Read(KernelRamStart, User), 0x5, KernelRamStart, "X86-05: kernel data is supervisor-only");
            Assert.That(Write(KernelRamStart + 0x10, Supervisor), Is.Null, "kernel data is writable by the kernel");
        });
        if (Pae)
        {
            AssertFault(Fetch(RodataStart + 0x10, User), 0x15, RodataStart + 0x10, "rodata is XD");
            AssertFault(Fetch(KernelRamStart, Supervisor), 0x11, KernelRamStart, "X86-07: kernel data is XD");
        }
        else
        {
            Assert.That(Fetch(RodataStart + 0x10, User), Is.Null, "X86-08: 32-bit paging has no XD");
        }
    }

    [Test]
    public void Boot_LeavesPageZeroUnmapped()
    {
        AssertFault(Read(0x10, Supervisor), 0x0, 0x10, "X86-20: NULL page, supervisor read");
        AssertFault(Read(0x10, User), 0x4, 0x10, "NULL page, user read");
        AssertFault(Write(0xFF0, Supervisor), 0x2, 0xFF0, "NULL page, supervisor write");
    }

    [Test]
    public void Boot_StoresTheRwUsXdBackupsInBits9To11()
    {
        const ulong rwOrig = 1 << 9, usOrig = 1 << 10, xdOrig = 1 << 11;
        ulong xd = Pae ? PageEntry.XD | xdOrig : 0;
        uint root = Driver.KernelPageTables;
        const ulong perm = PageEntry.P | PageEntry.RW | PageEntry.US | rwOrig | usOrig | xdOrig | PageEntry.XD;
        Assert.Multiple(() =>
        {
            Assert.That(Pte(root, TextStart) & perm, Is.EqualTo(PageEntry.P | PageEntry.US | usOrig), "text: P|US");
            Assert.That(Pte(root, RodataStart) & perm, Is.EqualTo(PageEntry.P | PageEntry.US | usOrig | xd), "rodata: P|US|XD");
            Assert.That(Pte(root, KernelRamStart) & perm, Is.EqualTo(PageEntry.P | PageEntry.RW | rwOrig | xd), "kernel data: P|RW|XD");
            Assert.That(Pte(root, TextStart) & 0xFFFF_F000, Is.EqualTo((ulong)TextStart), "identity mapped");
        });
    }

    [Test]
    public void Boot_PutsThePageTablePoolAtTheTopOfKernelRam_SupervisorOnly()
    {
        AddressRange pool = Driver.PageTablePool;
        uint pagesPerSet = Pae ? 18u : 9u; // PAE: PDPT + 1 PD + 16 PTs; 32-bit: PD + 8 PTs
        Assert.Multiple(() =>
        {
            Assert.That(pool.End, Is.EqualTo((ulong)RamEnd));
            Assert.That(pool.Size, Is.EqualTo((ulong)pagesPerSet * 4096 * 9), "kernel tables + 8 domain sets");
            Assert.That(Driver.KernelPageTables, Is.EqualTo((uint)pool.Start));
            Assert.That(Driver.FreeDomainTableSets, Is.EqualTo(8), "the default domain uses the kernel tables");
        });
        AssertFault(Read((uint)pool.Start, User), 0x5, (uint)pool.Start, "user mode cannot read page tables");
    }

    [Test]
    public void Boot_RefusesUnalignedRegions() =>
        Assert.That(
            () => Driver.Boot(Layout with { Text = new AddressRange(TextStart + 0x400, RodataStart) }),
            Throws.InvalidOperationException.With.Message.Contains("not page aligned"));

    [Test]
    public void Boot_MapsExtraUserRegionsWithTheirAttribute()
    {
        const uint shared = 0x0180_0000;
        Driver.Boot(Layout with
        {
            KernelRam = new AddressRange(KernelRamStart, shared),
            ExtraUserRegions = [(new AddressRange(shared, shared + 0x2000), PartitionPermissions.P_RW_U_RW)],
        });
        Assert.Multiple(() =>
        {
            Assert.That(Write(shared + 0x1FFC, User), Is.Null, "extra region is user writable");
            AssertFault(Read(shared - 4, User), 0x5, shared - 4, "kernel RAM below it is not");
        });
    }

    [Test]
    public void UserThread_ReachesItsPartitionsAndStack_AndNothingElse()
    {
        DomainMemoryView d = Domain("d", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW), Partition(PartB, 0x1000, PartitionPermissions.P_RO_U_RO));
        ThreadMemoryView user = UserThread("user", d);
        Driver.UserModeEnter(user);
        Assert.Multiple(() =>
        {
            Assert.That(Cr3, Is.EqualTo(Driver.PageTablesOf(d)), "the domain's tables are loaded");
            Assert.That(Read(PartA + 0x10, User), Is.Null, "X86-01");
            Assert.That(Write(PartA + 0x10, User), Is.Null, "RW partition");
            Assert.That(Read(PartB + 0x10, User), Is.Null, "RO partition readable");
            AssertFault(Write(PartB, User), 0x7, PartB, "X86-02");
            Assert.That(Write(user.StackStart + 0x100, User), Is.Null, "own stack buffer");
            AssertFault(Read(user.PrivilegedStackStart + 0x10, User), 0x5, user.PrivilegedStackStart + 0x10, "privilege stack stays supervisor-only");
            AssertFault(Read(0x0060_0000, User), 0x5, 0x0060_0000, "other kernel RAM");
            AssertFault(Write(user.StackObject + 0xFF0, Supervisor), 0x3, user.StackObject + 0xFF0, "X86-10a: the guard is read-only");
            Assert.That(Read(user.StackObject + 0x10, Supervisor), Is.Null, "X86-11: the guard is supervisor-readable");
        });
        if (Pae)
        {
            AssertFault(Fetch(PartA, User), 0x15, PartA, "X86-06: data partitions are XD");
        }
        else
        {
            Assert.That(Fetch(PartA, User), Is.Null, "X86-08: no XD under 32-bit paging");
        }
    }

    [Test]
    public void OtherDomainsPartitions_AreUnreachable()
    {
        DomainMemoryView d1 = Domain("d1", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW));
        DomainMemoryView d2 = Domain("d2", Partition(PartC, 0x2000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView t1 = UserThread("t1", d1);
        ThreadMemoryView t2 = UserThread("t2", d2, 0x0031_0000);
        Driver.UserModeEnter(t1);
        Assert.Multiple(() =>
        {
            Assert.That(Read(PartA, User), Is.Null);
            AssertFault(Read(PartC + 0x1000, User), 0x5, PartC + 0x1000, "d2's partition from d1");
            AssertFault(Read(t2.StackStart, User), 0x5, t2.StackStart, "d2's thread stack from d1");
        });
        Driver.UserModeEnter(t2);
        Assert.Multiple(() =>
        {
            Assert.That(Write(PartC + 0x1000, User), Is.Null);
            AssertFault(Read(PartA, User), 0x5, PartA, "d1's partition from d2");
            AssertFault(Read(t1.StackStart, User), 0x5, t1.StackStart, "d1's thread stack from d2");
        });
    }

    [Test]
    public void SameDomainThreads_ReachEachOthersStacks()
    {
        DomainMemoryView d = Domain("d");
        ThreadMemoryView a = UserThread("a", d);
        ThreadMemoryView b = UserThread("b", d, 0x0031_0000);
        Driver.UserModeEnter(a);
        Driver.UserModeEnter(b);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Capabilities.UserCanReachSameDomainStacks, Is.True);
            Assert.That(Write(a.StackStart + 0x10, User), Is.Null, "b reaches a's stack: both are granted in d's tables");
        });
    }

    [Test]
    public void PartitionSharedByTwoDomains_IsReachableFromBoth_AndRemovedFromOneOnly()
    {
        MemoryPartition shared = Partition(PartA, 0x2000, PartitionPermissions.P_RO_U_RO);
        DomainMemoryView d1 = Domain("d1", shared);
        DomainMemoryView d2 = Domain("d2", shared);
        ThreadMemoryView t1 = UserThread("t1", d1);
        ThreadMemoryView t2 = UserThread("t2", d2, 0x0031_0000);
        Driver.UserModeEnter(t1);
        Assert.That(Read(PartA + 0x1000, User), Is.Null);
        Driver.UserModeEnter(t2);
        Assert.That(Read(PartA + 0x1000, User), Is.Null);
        Assert.That(RemovePartition(d1, shared), Is.Zero);
        Assert.That(Read(PartA + 0x1000, User), Is.Null, "d2 keeps it");
        Driver.SwitchIn(t1);
        AssertFault(Read(PartA + 0x1000, User), 0x5, PartA + 0x1000, "d1 lost it: boot permissions restored");
    }

    [Test]
    public void Migration_GrantsTheStackInTheNewTables_RevokesItInTheOld_AndReloadsCr3AtOnce()
    {
        DomainMemoryView d1 = Domain("d1", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW));
        DomainMemoryView d2 = Domain("d2", Partition(PartC, 0x1000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView mover = UserThread("mover", d1);
        ThreadMemoryView stayer = UserThread("stayer", d1, 0x0031_0000);
        Driver.UserModeEnter(mover);
        int loads = Driver.Cr3Loads;
        Assert.That(Migrate(mover, d2), Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Cr3Loads, Is.EqualTo(loads + 1), "the current thread changed domain: CR3 reloaded immediately");
            Assert.That(Cr3, Is.EqualTo(Driver.PageTablesOf(d2)));
            Assert.That(Write(mover.StackStart + 0x10, User), Is.Null, "stack granted in d2");
            Assert.That(Write(PartC, User), Is.Null, "d2's partition");
            AssertFault(Read(PartA, User), 0x5, PartA, "d1's partition is gone");
        });
        Driver.UserModeEnter(stayer);
        AssertFault(Read(mover.StackStart + 0x10, User), 0x5, mover.StackStart + 0x10, "the stack was reset in d1's tables");
    }

    [Test]
    public void NewThread_IsNotAMigration_ItsStackIsGrantedOnlyAtUserModeEntry()
    {
        DomainMemoryView d = Domain("d");
        ThreadMemoryView user = UserThread("user", d);
        Driver.SwitchIn(user);
        AssertFault(Read(user.StackStart, User), 0x5, user.StackStart, "before arch_user_mode_enter");
        Driver.UserModeEnter(user);
        Assert.That(Read(user.StackStart, User), Is.Null);
    }

    [Test]
    public void DeadUserThread_LosesItsStackInItsDomain_AndItsGuardIsReleased()
    {
        DomainMemoryView d = Domain("d");
        ThreadMemoryView dying = UserThread("dying", d);
        ThreadMemoryView other = UserThread("other", d, 0x0031_0000);
        Driver.UserModeEnter(dying);
        dying.IsDead = true;
        Assert.That(Driver.ThreadRemove(dying), Is.Zero);
        Driver.UserModeEnter(other);
        Assert.Multiple(() =>
        {
            AssertFault(Read(dying.StackStart, User), 0x5, dying.StackStart, "stack reset in d");
            Assert.That(Write(dying.StackObject + 0x10, Supervisor), Is.Null, "guard released (Bora; Zephyr #29499 leaves it)");
        });
    }

    [Test]
    public void SupervisorThread_IsUnaffectedByDomains()
    {
        DomainMemoryView d = Domain("d", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_NA), Partition(PartC, 0x1000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView sup = SupervisorThread("sup", d);
        Driver.SwitchIn(sup);
        Assert.Multiple(() =>
        {
            Assert.That(Cr3, Is.EqualTo(Driver.PageTablesOf(d)));
            Assert.That(Write(PartA, Supervisor), Is.Null);
            Assert.That(Write(PartC, Supervisor), Is.Null);
            Assert.That(Write(0x0060_0000, Supervisor), Is.Null, "kernel RAM outside the partitions");
            AssertFault(Write(sup.StackObject + 0x10, Supervisor), 0x3, sup.StackObject + 0x10, "its guard");
            Assert.That(Write(sup.StackStart + 0x10, Supervisor), Is.Null, "its stack");
        });
    }

    [Test]
    public void ReadOnlyToUserPartition_AlsoRemovesKernelWrites_WhileItsDomainIsLoaded()
    {
        DomainMemoryView d = Domain("d", Partition(PartB, 0x1000, PartitionPermissions.P_RO_U_RO));
        ThreadMemoryView inDomain = SupervisorThread("in-d", d);
        ThreadMemoryView inDefault = SupervisorThread("in-default", DefaultDomain, 0x0041_0000);
        Driver.SwitchIn(inDomain);
        Assert.That(Read(PartB, Supervisor), Is.Null);
        AssertFault(Write(PartB, Supervisor), 0x3, PartB, "X86-03: CR0.WP=1 and the leaf has RW=0");
        Driver.SwitchIn(inDefault);
        Assert.That(Write(PartB, Supervisor), Is.Null, "the kernel tables keep RW");
    }

    [Test]
    public void GuardsOfThreadsCreatedBeforeADomain_AreInItsTables()
    {
        ThreadMemoryView sup = SupervisorThread("early", DefaultDomain);
        DomainMemoryView d = Domain("late");
        Assert.That(Migrate(sup, d), Is.Zero);
        Driver.SwitchIn(sup);
        Assert.That(Cr3, Is.EqualTo(Driver.PageTablesOf(d)));
        AssertFault(Write(sup.StackObject + 0x20, Supervisor), 0x3, sup.StackObject + 0x20, "Bora re-applies guards after copy_page_table");
    }

    [Test]
    public void ThreadAdd_RefusesAStackObjectWithoutRoomForTheGuard()
    {
        var bad = new ThreadMemoryView(99, "bad", 0x0050_0000, 0x2000, 0x0050_0000, 0x2000, DefaultDomain);
        Assert.That(() => Driver.ThreadAdd(bad), Throws.InvalidOperationException.With.Message.Contains("guard page first"));
    }
}
