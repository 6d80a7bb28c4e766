using Bora.Abi;
using Bora.Hal;
using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.Memory;

/// <summary>
/// The arch-independent memory-domain logic: Zephyr's check order and codes
/// (zephyr-userspace-spec §2.1–§2.6), ported from tests/kernel/mem_protect/mem_protect/mem_domain.c
/// where the scenario does not need a backend.
/// </summary>
public sealed class MemoryDomainManagerTests
{
    private const PartitionPermissions Rw = PartitionPermissions.P_RW_U_RW;
    private const PartitionPermissions Ro = PartitionPermissions.P_RO_U_RO;

    private static (MemoryDomainManager Manager, RecordingDriver Driver) Create(bool synchronous = true, int max = 4, MemoryDomainOptions? options = null)
    {
        var driver = new RecordingDriver(synchronous, max);
        return (new MemoryDomainManager(driver, options), driver);
    }

    private static ThreadMemoryView Thread(MemoryDomainManager manager, string name)
    {
        var view = new ThreadMemoryView(name.Length, name, 0x2000_0000, 0x400, 0x2000_0000, 0x400, manager.Default.View);
        manager.InitThread(view, null);
        return view;
    }

    [Test]
    public void Default_IsInitialisedEmpty_WithTheArchLimit()
    {
        (MemoryDomainManager manager, RecordingDriver driver) = Create(max: 3);
        Assert.Multiple(() =>
        {
            Assert.That(manager.MaxPartitions, Is.EqualTo(3));
            Assert.That(manager.Default.IsInitialized, Is.True);
            Assert.That(manager.Default.PartitionCount, Is.Zero);
            Assert.That(driver.Calls, Is.EqualTo(new[] { "init k_mem_domain_default" }));
        });
    }

    [Test]
    public void ArchLimitAboveConfigMaxDomainPartitions_Throws()
    {
        var driver = new RecordingDriver(true, 20);
        Assert.That(() => new MemoryDomainManager(driver), Throws.InvalidOperationException.With.Message.Contains("CONFIG_MAX_DOMAIN_PARTITIONS"));
    }

    [Test]
    public void Init_ChecksInZephyrOrder()
    {
        (MemoryDomainManager m, _) = Create(max: 2);
        MemoryDomain d = m.CreateDomain("d");
        MemPartition a = m.Define("a", 0x2000_0000, 64, Rw);
        Assert.Multiple(() =>
        {
            Assert.That(m.Init(null, 0, null), Is.EqualTo(-Errno.EInval), "NULL domain");
            Assert.That(m.Init(d, 1, null), Is.EqualTo(-Errno.EInval), "num_parts != 0 with NULL parts");
            Assert.That(m.Init(d, 3, [a, a, a]), Is.EqualTo(-Errno.EInval), "more than max_partitions");
            Assert.That(d.IsInitialized, Is.False, "the early checks run before the domain is touched");
        });
    }

    [Test]
    public void Init_ArchFailure_IsENoMem()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create();
        driver.DomainInitResult = -5;
        Assert.That(m.Init(m.CreateDomain("d"), 0, null), Is.EqualTo(-Errno.ENoMem));
    }

    [Test]
    public void Init_BadPartitionMidway_LeavesEarlierSlotsFilled()
    {
        (MemoryDomainManager m, _) = Create();
        MemoryDomain d = m.CreateDomain("d");
        MemPartition a = m.Define("a", 0x2000_0000, 64, Rw);
        MemPartition overlapping = m.Define("b", 0x2000_0020, 64, Rw);
        Assert.Multiple(() =>
        {
            Assert.That(m.Init(d, 2, [a, overlapping]), Is.EqualTo(-Errno.EInval));
            Assert.That(d.PartitionCount, Is.EqualTo(1));
            Assert.That(d.Partitions.Single().Partition, Is.EqualTo(a.Value));
        });
    }

    [Test]
    public void Init_SynchronousArchErrorOnOnePartition_IsReturnedAfterTheLoop()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create();
        MemoryDomain d = m.CreateDomain("d");
        driver.PartitionAddResult = -Errno.EInval;
        int rc = m.Init(d, 2, [m.Define("a", 0x2000_0000, 64, Rw), m.Define("b", 0x2000_1000, 64, Rw)]);
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.EqualTo(-Errno.EInval));
            Assert.That(d.PartitionCount, Is.EqualTo(2), "the loop continues");
        });
    }

    [Test]
    public void AddPartition_RefusesEveryCheckAddPartitionCase()
    {
        (MemoryDomainManager m, _) = Create();
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 0, null);
        MemPartition a = m.Define("a", 0x2000_0000, 0x100, Rw);
        Assert.That(m.AddPartition(d, a), Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(m.AddPartition(null, a), Is.EqualTo(-Errno.EInval), "NULL domain");
            Assert.That(m.AddPartition(d, null), Is.EqualTo(-Errno.EInval), "NULL partition");
            Assert.That(m.AddPartition(d, new MemPartition("zero", 0x2001_0000, 0, Rw)), Is.EqualTo(-Errno.EInval), "size 0");
            Assert.That(m.AddPartition(d, new MemPartition("wrap", 0xFFFF_FF00, 0x200, Rw)), Is.EqualTo(-Errno.EInval), "wrap-around");
            Assert.That(m.AddPartition(d, new MemPartition("top", 0xFFFF_FF00, 0x100, Rw)), Is.EqualTo(-Errno.EInval), "start + size wraps to 0");
            Assert.That(m.AddPartition(d, new MemPartition("overlap", 0x2000_00E0, 0x40, Rw)), Is.EqualTo(-Errno.EInval), "overlap");
            Assert.That(m.AddPartition(d, a), Is.EqualTo(-Errno.EInval), "the same partition twice");
            Assert.That(m.AddPartition(d, new MemPartition("unaligned", 0x2000_1004, 0x40, Rw)), Is.EqualTo(-Errno.EInval), "the arch's alignment rule");
            Assert.That(m.AddPartition(d, new MemPartition("unsupported", 0x2000_2000, 0x40, PartitionPermissions.P_RW_U_RO)), Is.EqualTo(-Errno.EInval), "an attribute the arch lacks");
            Assert.That(d.PartitionCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void AddPartition_Adjacent_IsNotAnOverlap()
    {
        (MemoryDomainManager m, _) = Create();
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 1, [m.Define("a", 0x2000_0000, 0x100, Rw)]);
        Assert.That(m.AddPartition(d, m.Define("b", 0x2000_0100, 0x100, Ro)), Is.Zero);
    }

    [Test]
    public void AddPartition_WhenFull_IsENoSpc_AndAFreedSlotIsReusedLowestFirst()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create(max: 2);
        MemoryDomain d = m.CreateDomain("d");
        MemPartition a = m.Define("a", 0x2000_0000, 0x40, Rw);
        MemPartition b = m.Define("b", 0x2000_1000, 0x40, Rw);
        MemPartition c = m.Define("c", 0x2000_2000, 0x40, Rw);
        m.Init(d, 2, [a, b]);
        Assert.That(m.AddPartition(d, c), Is.EqualTo(-Errno.ENoSpc));
        Assert.That(m.RemovePartition(d, a), Is.Zero);
        Assert.That(m.AddPartition(d, c), Is.Zero);
        Assert.That(d.Partitions.Select(p => p.Slot), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(d.Partitions.First().Partition, Is.EqualTo(c.Value), "slot 0 reused");
        Assert.That(driver.Calls, Does.Contain("add d[0] [0x20002000, 0x20002040) P_RW_U_RW count=2"));
    }

    [Test]
    public void Overlap_WithASlotBeyondThePartitionCount_IsDetected_UnlikeUpstream()
    {
        (MemoryDomainManager m, _) = Create(max: 3);
        MemoryDomain d = m.CreateDomain("d");
        MemPartition a = m.Define("a", 0x2000_0000, 0x40, Rw);
        MemPartition b = m.Define("b", 0x2000_1000, 0x40, Rw);
        m.Init(d, 2, [a, b]);
        m.RemovePartition(d, a);

        // Slot 1 (b) is now at an index >= num_partitions (1); upstream's scan would miss it.
        Assert.That(m.AddPartition(d, new MemPartition("over-b", 0x2000_1020, 0x40, Rw)), Is.EqualTo(-Errno.EInval));
    }

    [Test]
    public void Partitions_AreStoredByValue()
    {
        (MemoryDomainManager m, _) = Create();
        MemoryDomain d = m.CreateDomain("d");
        MemPartition a = m.Define("a", 0x2000_0000, 0x40, Rw);
        m.Init(d, 1, [a]);
        a.Start = 0x2000_8000;
        a.Permissions = Ro;
        Assert.That(d.Partitions.Single().Partition, Is.EqualTo(new MemoryPartition(0x2000_0000, 0x40, Rw)));
    }

    [Test]
    public void ExecuteXorWrite_RefusesWritableExecutablePartitions()
    {
        (MemoryDomainManager m, _) = Create(options: new MemoryDomainOptions { ExecuteXorWrite = true });
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 0, null);
        Assert.Multiple(() =>
        {
            Assert.That(m.AddPartition(d, m.Define("rwx", 0x2000_0000, 0x40, PartitionPermissions.P_RWX_U_RWX)), Is.EqualTo(-Errno.EInval));
            Assert.That(m.AddPartition(d, m.Define("rx", 0x2000_1000, 0x40, PartitionPermissions.P_RX_U_RX)), Is.Zero);
        });
    }

    [Test]
    public void RemovePartition_CodesAndMatching()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create();
        MemoryDomain d = m.CreateDomain("d");
        MemPartition a = m.Define("a", 0x2000_0000, 0x40, Rw);
        m.Init(d, 1, [a]);
        Assert.Multiple(() =>
        {
            Assert.That(m.RemovePartition(null, a), Is.EqualTo(-Errno.EInval));
            Assert.That(m.RemovePartition(d, null), Is.EqualTo(-Errno.EInval));
            Assert.That(m.RemovePartition(d, new MemPartition("z", 0, 0, Rw)), Is.EqualTo(-Errno.EInval), "a zero-size partition could match a free slot");
            Assert.That(m.RemovePartition(d, new MemPartition("other", 0x2000_0000, 0x80, Rw)), Is.EqualTo(-Errno.ENoEnt), "size differs");
            Assert.That(m.RemovePartition(d, new MemPartition("attr", 0x2000_0000, 0x40, Ro)), Is.Zero, "attributes are ignored");
            Assert.That(m.RemovePartition(d, a), Is.EqualTo(-Errno.ENoEnt), "already removed");
            Assert.That(driver.Calls, Does.Contain("remove d[0] size=0x40 count=1"), "the hook runs before the slot is cleared");
        });
    }

    [Test]
    public void NonSynchronousArch_GetsNoPartitionOrThreadHooks()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create(synchronous: false);
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 1, [m.Define("a", 0x2000_0000, 0x40, Rw)]);
        ThreadMemoryView t = Thread(m, "t");
        m.AddThread(d, t);
        Assert.That(driver.Calls, Is.EqualTo(new[] { "init k_mem_domain_default", "init d" }));
    }

    [Test]
    public void AddThread_Migration_RunsRemoveWithTheOldDomainThenAddWithTheNew()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create();
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 0, null);
        ThreadMemoryView t = Thread(m, "t");
        driver.Calls.Clear();
        Assert.That(m.AddThread(d, t), Is.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(driver.Calls, Is.EqualTo(new[] { "thread- t <- k_mem_domain_default", "thread+ t -> d" }));
            Assert.That(d.Threads, Is.EqualTo(new[] { t }));
            Assert.That(m.Default.Threads, Is.Empty);
        });

        driver.Calls.Clear();
        Assert.That(m.AddThread(d, t), Is.Zero, "already a member");
        Assert.That(driver.Calls, Is.Empty, "no hook runs for a thread already in the domain");
    }

    [Test]
    public void AddThread_ToAnUninitialisedDomain_IsAHostError()
    {
        (MemoryDomainManager m, _) = Create();
        ThreadMemoryView t = Thread(m, "t");
        Assert.That(() => m.AddThread(m.CreateDomain("never"), t), Throws.InvalidOperationException.With.Message.Contains("k_mem_domain_init"));
    }

    [Test]
    public void InitThread_JoinsTheCreatorsDomain()
    {
        (MemoryDomainManager m, _) = Create();
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 0, null);
        ThreadMemoryView parent = Thread(m, "parent");
        m.AddThread(d, parent);
        var child = new ThreadMemoryView(9, "child", 0, 0, 0, 0, m.Default.View);
        m.InitThread(child, parent);
        Assert.That(m.DomainOf(child), Is.SameAs(d));
    }

    [Test]
    public void ExitThread_LeavesTheDomain_AndTheHookSeesItDead()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create();
        ThreadMemoryView t = Thread(m, "t");
        t.IsDead = true;
        m.ExitThread(t);
        Assert.Multiple(() =>
        {
            Assert.That(m.Default.Threads, Is.Empty);
            Assert.That(driver.Calls.Last(), Is.EqualTo("thread- t <- k_mem_domain_default dead"));
        });
    }

    [Test]
    public void Deinit_Codes()
    {
        (MemoryDomainManager m, RecordingDriver driver) = Create();
        MemoryDomain d = m.CreateDomain("d");
        m.Init(d, 0, null);
        ThreadMemoryView t = Thread(m, "t");
        m.AddThread(d, t);
        Assert.Multiple(() =>
        {
            Assert.That(m.Deinit(null), Is.EqualTo(-Errno.EInval));
            Assert.That(m.Deinit(m.Default), Is.EqualTo(-Errno.EInval));
            Assert.That(m.Deinit(d), Is.EqualTo(-Errno.EBusy));
        });
        m.AddThread(m.Default, t);
        driver.DomainDeinitResult = -1;
        Assert.That(m.Deinit(d), Is.EqualTo(-Errno.ENoMem));
        driver.DomainDeinitResult = 0;
        Assert.Multiple(() =>
        {
            Assert.That(m.Deinit(d), Is.Zero);
            Assert.That(d.IsInitialized, Is.False);
        });
    }

    [Test]
    public void Define_RefusesWhatZephyrRefusesAtBuildTime()
    {
        (MemoryDomainManager m, _) = Create();
        Assert.Multiple(() =>
        {
            Assert.That(() => m.Define("ro", 0x2000_0000, 0x40, PartitionPermissions.P_RW_U_RO), Throws.ArgumentException.With.Message.Contains("no encoding"));
            Assert.That(() => m.Define("odd", 0x2000_0004, 0x40, Rw), Throws.ArgumentException.With.Message.Contains("alignment"));
            Assert.That(() => m.Define("empty", 0x2000_0000, 0, Rw), Throws.ArgumentException);
        });
    }
}
