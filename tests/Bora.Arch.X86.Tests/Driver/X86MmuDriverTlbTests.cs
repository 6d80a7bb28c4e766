using Bora.Hal;

namespace Bora.Arch.X86.Tests.Driver;

/// <summary>
/// The invalidations the driver performs: INVLPG for every page it changes in the loaded tables (so a change
/// is visible on the very next access, despite the TLB), none for unloaded tables (the change takes effect at
/// the CR3 load of the switch), and no CR3 load when the tables stay the same.
/// </summary>
[TestFixture(X86PagingMode.Pae)]
[TestFixture(X86PagingMode.Paging32)]
public sealed class X86MmuDriverTlbTests(X86PagingMode mode) : X86DriverFixture(mode)
{
    [Test]
    public void StaleTlbEntry_WouldLeakWithoutInvalidation()
    {
        // The premise of the next tests: the model keeps a cached permission until INVLPG or a CR3 load.
        DomainMemoryView d = Domain("d", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView user = UserThread("user", d);
        Driver.UserModeEnter(user);
        Assert.That(Read(PartA, User), Is.Null, "fills the TLB");
        uint root = Driver.PageTablesOf(d)!.Value;
        SetPte(root, PartA, Pte(root, PartA) & ~PageEntry.US);
        Assert.That(Read(PartA, User), Is.Null, "a bare table write leaves the stale user permission in force");
    }

    [Test]
    public void PartitionChange_InTheLoadedDomain_IsVisibleOnTheNextAccess()
    {
        DomainMemoryView d = Domain("d");
        ThreadMemoryView user = UserThread("user", d);
        Driver.UserModeEnter(user);
        Assert.That(Read(PartA, Supervisor), Is.Null, "caches the supervisor-only translation");
        int invlpgs = Driver.Invlpgs;
        MemoryPartition p = Partition(PartA, 0x2000, PartitionPermissions.P_RW_U_RW);
        Assert.That(AddPartition(d, p), Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Invlpgs, Is.EqualTo(invlpgs + 2), "one INVLPG per page");
            Assert.That(Write(PartA + 8, User), Is.Null, "granted at once");
        });
        Assert.That(Read(PartA + 0x1008, User), Is.Null, "caches the user translation");
        Assert.That(RemovePartition(d, p), Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Invlpgs, Is.EqualTo(invlpgs + 4));
            AssertFault(Read(PartA + 0x1008, User), 0x5, PartA + 0x1008, "revoked at once");
        });
    }

    [Test]
    public void PartitionChange_InAnUnloadedDomain_TakesEffectAtTheSwitch()
    {
        DomainMemoryView d1 = Domain("d1");
        DomainMemoryView d2 = Domain("d2", Partition(PartC, 0x1000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView t1 = UserThread("t1", d1);
        ThreadMemoryView t2 = UserThread("t2", d2, 0x0031_0000);
        Driver.UserModeEnter(t2);
        Assert.That(Read(PartC, User), Is.Null, "caches d2's user translation");
        Driver.UserModeEnter(t1);
        int invlpgs = Driver.Invlpgs, loads = Driver.Cr3Loads;
        Assert.That(AddPartition(d2, Partition(PartA, 0x1000, PartitionPermissions.P_RO_U_RO)), Is.Zero);
        Assert.That(RemovePartition(d2, Partition(PartC, 0x1000, PartitionPermissions.P_RW_U_RW)), Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Invlpgs, Is.EqualTo(invlpgs), "d2 is not loaded: no INVLPG");
            AssertFault(Read(PartA, User), 0x5, PartA, "d1 is unaffected");
        });
        Driver.SwitchIn(t2);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Cr3Loads, Is.EqualTo(loads + 1));
            Assert.That(Read(PartA, User), Is.Null, "the added partition, from the switch on");
            AssertFault(Read(PartC, User), 0x5, PartC, "the removed one: the CR3 load dropped the stale entry");
        });
    }

    [Test]
    public void SwitchIn_LoadsCr3OnlyWhenTheTablesChange()
    {
        DomainMemoryView d1 = Domain("d1");
        DomainMemoryView d2 = Domain("d2");
        ThreadMemoryView a = UserThread("a", d1);
        ThreadMemoryView b = UserThread("b", d1, 0x0031_0000);
        ThreadMemoryView c = SupervisorThread("c", d2);
        ThreadMemoryView k = SupervisorThread("k", DefaultDomain, 0x0041_0000);
        int loads = Driver.Cr3Loads;
        Driver.SwitchIn(a);
        Assert.That(Driver.Cr3Loads, Is.EqualTo(loads + 1), "kernel tables → d1");
        Driver.SwitchIn(a);
        Driver.SwitchIn(b);
        Assert.That(Driver.Cr3Loads, Is.EqualTo(loads + 1), "same tables: no reload");
        Driver.SwitchIn(c);
        Assert.That(Driver.Cr3Loads, Is.EqualTo(loads + 2), "d1 → d2");
        Driver.SwitchIn(k);
        Assert.That(Driver.Cr3Loads, Is.EqualTo(loads + 3), "d2 → kernel tables");
        Assert.That(Cr3, Is.EqualTo(Driver.KernelPageTables));
    }

    [Test]
    public void ThreadAdd_OfAThreadNotRunning_LeavesCr3Alone()
    {
        DomainMemoryView d1 = Domain("d1");
        DomainMemoryView d2 = Domain("d2");
        ThreadMemoryView running = UserThread("running", d1);
        ThreadMemoryView waiting = UserThread("waiting", d1, 0x0031_0000);
        Driver.UserModeEnter(running);
        Driver.UserModeEnter(waiting);
        Driver.SwitchIn(running);
        int loads = Driver.Cr3Loads;
        Assert.That(Migrate(waiting, d2), Is.Zero);
        Assert.That(Driver.Cr3Loads, Is.EqualTo(loads), "only the current thread's CR3 is reloaded at once");
        Driver.SwitchIn(waiting);
        Assert.Multiple(() =>
        {
            Assert.That(Cr3, Is.EqualTo(Driver.PageTablesOf(d2)));
            Assert.That(Write(waiting.StackStart, User), Is.Null, "its stack follows it to d2");
        });
    }

    [Test]
    public void DomainDeinit_OfTheLoadedTables_FallsBackToTheKernelTables()
    {
        DomainMemoryView d = Domain("d");
        ThreadMemoryView t = SupervisorThread("t", d);
        Driver.SwitchIn(t);
        Assert.That(Migrate(t, DefaultDomain), Is.Zero, "moves t and its CR3 to the kernel tables");
        Driver.SwitchIn(SupervisorThread("u", d, 0x0041_0000));
        Assert.That(Cr3, Is.EqualTo(Driver.PageTablesOf(d)));
        Assert.That(Driver.DomainDeinit(d), Is.Zero);
        Assert.That(Cr3, Is.EqualTo(Driver.KernelPageTables), "never left pointing at a set back in the pool");
    }
}
