using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// Domains changed at run time (zephyr userspace domain_*_drop_to_user / _context_switch, mem_domain.c
/// test_mem_domain_remove_add_partition / _migration / _boot_threads), inheritance by child threads, and a partition
/// shared by two domains. A change to a running thread's domain takes effect as Zephyr specifies: at once with the
/// synchronous API (x86 page tables), at the thread's next switch-in on the MPUs.
/// </summary>
[TestFixtureSource(typeof(DomainConformanceFixture), nameof(Boards))]
public sealed class DomainRuntimeConformance : DomainConformanceFixture
{
    public DomainRuntimeConformance(string board)
        : base(board)
    {
    }

    [Test]
    public void test_mem_domain_valid_access()
    {
        uint rw = Reserve("rw");
        uint ro = Reserve("ro");
        uint seen = 0;
        Run(() =>
        {
            K.Machine.Cpu.WriteUInt32(ro, Pattern);
            MemoryDomain domain = Domain("test_domain", Part("rw_part", rw), Part("ro_part", ro, PartitionPermissions.P_RO_U_RO));
            SpawnUser("child_thread", domain, () =>
            {
                K.Machine.Cpu.WriteUInt32(rw, Pattern + 1);
                seen = K.Machine.Cpu.ReadUInt32(ro);
            });
            Assert.That(K.Machine.Cpu.ReadUInt32(rw), Is.EqualTo(Pattern + 1));
        });
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(Pattern));
    }

    [Test]
    public void test_mem_domain_invalid_access()
    {
        // The child is not added to test_domain: the partition is not reachable from the default domain.
        uint rw = Reserve("rw");
        bool after = false;
        ThreadHandle child = default;
        Run(() =>
        {
            _ = Domain("test_domain", Part("rw_part", rw));
            child = SpawnUser("child_thread", null, () =>
            {
                _ = K.Machine.Cpu.ReadUInt32(rw);
                after = true;
            });
        });
        AssertCulprit(child, FatalReason.CpuException, after, rw, AccessKind.Read, "k_mem_domain_default");
    }

    [Test]
    public void test_access_other_memdomain()
    {
        uint mine = Reserve("mine");
        uint other = Reserve("other");
        bool after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MemoryDomain dom0 = Domain("dom0", Part("part0", mine));
            _ = Domain("dom1", Part("part1", other));
            user = SpawnUser("user", dom0, () =>
            {
                K.Machine.Cpu.WriteUInt32(mine, Pattern);
                K.Machine.Cpu.WriteUInt32(other, Pattern);
                after = true;
            });
        });
        AssertCulprit(user, FatalReason.CpuException, after, other, AccessKind.Write, "dom0");
    }

    [Test]
    public void test_mem_domain_remove_add_partition()
    {
        uint rw = Reserve("rw");
        uint ro = Reserve("ro");
        bool after = false;
        ThreadHandle faulting = default;
        int okRuns = 0;
        Run(() =>
        {
            MemPartition rwPart = Part("rw_part", rw);
            MemoryDomain domain = Domain("test_domain", rwPart, Part("ro_part", ro, PartitionPermissions.P_RO_U_RO));
            Assert.That(k_mem_domain_remove_partition(domain, rwPart), Is.Zero);
            SpawnUser("ro_reader", domain, () =>
            {
                _ = K.Machine.Cpu.ReadUInt32(ro);
                okRuns++;
            });
            faulting = SpawnUser("rw_writer", domain, () =>
            {
                K.Machine.Cpu.WriteUInt32(rw, Pattern);
                after = true;
            });
            Assert.That(k_mem_domain_add_partition(domain, rwPart), Is.Zero);
            SpawnUser("rw_writer_again", domain, () =>
            {
                K.Machine.Cpu.WriteUInt32(rw, Pattern);
                okRuns++;
            });
        });
        Assert.That(okRuns, Is.EqualTo(2), "removing one partition leaves the other; adding it back restores access");
        AssertCulprit(faulting, FatalReason.CpuException, after, rw, AccessKind.Write, "test_domain");
    }

    [Test]
    public void test_domain_add_part_drop_to_user()
    {
        uint access = Reserve("access");
        bool wrote = false;
        Run(() =>
        {
            MemoryDomain domain = Domain("add_part_drop_dom");
            DropToUser(domain, before: () => Assert.That(k_mem_domain_add_partition(domain, Part("access_part", access)), Is.Zero), () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                wrote = true;
            });
        });
        AssertNoFaults();
        Assert.That(wrote, Is.True);
    }

    [Test]
    public void test_domain_remove_part_drop_to_user()
    {
        uint access = Reserve("access");
        bool after = false;
        ThreadHandle t = default;
        Run(() =>
        {
            MemPartition part = Part("access_part", access);
            MemoryDomain domain = Domain("remove_part_drop_dom", part);
            t = DropToUser(domain, before: () => Assert.That(k_mem_domain_remove_partition(domain, part), Is.Zero), () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                after = true;
            });
        });
        AssertCulprit(t, FatalReason.CpuException, after, access, AccessKind.Write, "remove_part_drop_dom");
    }

    [Test]
    public void test_domain_add_thread_drop_to_user()
    {
        uint access = Reserve("access");
        bool wrote = false;
        Run(() =>
        {
            MemoryDomain domain = Domain("add_thread_drop_dom", Part("access_part", access));
            DropToUser(null, before: () => Assert.That(k_mem_domain_add_thread(domain, k_current_get()), Is.Zero), () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                wrote = true;
            });
        });
        AssertNoFaults();
        Assert.That(wrote, Is.True);
    }

    [Test]
    public void test_domain_remove_thread_drop_to_user()
    {
        // Upstream's k_mem_domain_remove_thread is gone: moving back to the default domain is the removal.
        uint access = Reserve("access");
        bool after = false;
        ThreadHandle t = default;
        Run(() =>
        {
            MemoryDomain domain = Domain("remove_thread_drop_dom", Part("access_part", access));
            t = DropToUser(domain, before: () => Assert.That(k_mem_domain_add_thread(k_mem_domain_default, k_current_get()), Is.Zero), () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                after = true;
            });
        });
        AssertCulprit(t, FatalReason.CpuException, after, access, AccessKind.Write, "k_mem_domain_default");
    }

    [Test]
    public void test_domain_add_part_context_switch()
    {
        uint access = Reserve("access");
        bool wrote = false;
        Run(() =>
        {
            MemoryDomain domain = Domain("add_part_ctx_dom");
            Assert.That(k_mem_domain_add_thread(domain, k_current_get()), Is.Zero);
            k_msleep(1);
            Assert.That(k_mem_domain_add_partition(domain, Part("access_part", access)), Is.Zero);
            SpawnUser("user", null, () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                wrote = true;
            });
        });
        AssertNoFaults();
        Assert.That(wrote, Is.True, "the child inherited the domain with the new partition");
    }

    [Test]
    public void test_domain_remove_part_context_switch()
    {
        uint access = Reserve("access");
        bool after = false;
        ThreadHandle t = default;
        Run(() =>
        {
            MemPartition part = Part("access_part", access);
            MemoryDomain domain = Domain("remove_part_ctx_dom", part);
            Assert.That(k_mem_domain_add_thread(domain, k_current_get()), Is.Zero);
            k_msleep(1);
            Assert.That(k_mem_domain_remove_partition(domain, part), Is.Zero);
            t = SpawnUser("user", null, () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                after = true;
            });
        });
        AssertCulprit(t, FatalReason.CpuException, after, access, AccessKind.Write, "remove_part_ctx_dom");
    }

    [Test]
    public void test_domain_add_thread_context_switch()
    {
        uint access = Reserve("access");
        bool wrote = false;
        Run(() =>
        {
            MemoryDomain domain = Domain("add_thread_ctx_dom", Part("access_part", access));
            k_msleep(1);
            Assert.That(k_mem_domain_add_thread(domain, k_current_get()), Is.Zero);
            SpawnUser("user", null, () =>
            {
                K.Machine.Cpu.WriteUInt32(access, Pattern);
                wrote = true;
            });
        });
        AssertNoFaults();
        Assert.That(wrote, Is.True);
    }

    [Test]
    public void test_mem_domain_remove_partition_while_member_runs()
    {
        // The user member is preempted mid-loop; its partition is removed; its next access after resuming faults.
        uint access = Reserve("access");
        int reads = 0;
        bool removed = false, afterRemoval = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MemPartition part = Part("access_part", access);
            MemoryDomain domain = Domain("dom", part);
            user = StartSpinningUser(domain, () =>
            {
                // A load under way when the member was preempted completes; the first one started afterwards faults.
                bool startedAfterRemoval = removed;
                _ = K.Machine.Cpu.ReadUInt32(access);
                reads++;
                afterRemoval = startedAfterRemoval;
            });
            k_msleep(1);
            Assert.That(reads, Is.GreaterThan(0), "the member was running");
            Assert.That(k_mem_domain_remove_partition(domain, part), Is.Zero);
            removed = true;
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);
        });
        AssertCulprit(user, FatalReason.CpuException, afterRemoval, access, AccessKind.Read, "dom");
    }

    [Test]
    public void test_mem_domain_add_partition_while_member_runs()
    {
        uint own = Reserve("own");
        uint added = Reserve("added");
        bool isAdded = false, wroteAdded = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("own", own));
            user = StartSpinningUser(domain, () =>
            {
                _ = K.Machine.Cpu.ReadUInt32(own);
                if (isAdded)
                {
                    K.Machine.Cpu.WriteUInt32(added, Pattern);
                    wroteAdded = true;
                    throw new OperationCanceledException("done");
                }
            });
            k_msleep(1);
            Assert.That(k_mem_domain_add_partition(domain, Part("added", added)), Is.Zero);
            isAdded = true;
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);
        });
        Assert.That(wroteAdded, Is.True);
        AssertNoFaults();
    }

    [Test]
    public void test_mem_domain_partition_change_for_running_supervisor()
    {
        // The member changes its own domain while it runs: at once with the synchronous API (x86), at its next
        // switch-in on the MPUs (arch_mem_domain_* hooks are not called there).
        uint ro = Reserve("ro");
        bool synchronous = Driver.Capabilities.SynchronousDomainApi;
        bool wroteAtOnce = false, wroteAfterSwitch = false;
        Run(() =>
        {
            MemPartition part = Part("ro_part", ro, PartitionPermissions.P_RW_U_RW);
            MemoryDomain domain = Domain("dom", part);
            Assert.That(k_mem_domain_add_thread(domain, k_current_get()), Is.Zero);
            k_msleep(1);
            Assert.That(k_mem_domain_remove_partition(domain, part), Is.Zero);
            Assert.That(k_mem_domain_add_partition(domain, Part("ro_part", ro, PartitionPermissions.P_RO_U_RO)), Is.Zero);
            wroteAtOnce = K.Machine.Cpu.TryWrite(ro, 4, AccessKind.Write, Privilege.Supervisor, Pattern) is null;
            k_msleep(1);
            wroteAfterSwitch = K.Machine.Cpu.TryWrite(ro, 4, AccessKind.Write, Privilege.Supervisor, Pattern) is null;
        });
        Assert.Multiple(() =>
        {
            Assert.That(wroteAtOnce, Is.EqualTo(!synchronous), synchronous ? "page tables change at once" : "the MPU keeps the old region until the next switch-in");
            Assert.That(wroteAfterSwitch, Is.False, "P_RO_U_RO is read-only for the supervisor too once in force");
        });
    }

    [Test]
    public void test_mem_domain_migration()
    {
        // Migrate a running (preempted) user thread to another domain: its old partition is gone, the new one reachable.
        uint a = Reserve("a");
        uint b = Reserve("b");
        bool migrated = false, wroteB = false, after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MemoryDomain domA = Domain("domA", Part("a", a));
            MemoryDomain domB = Domain("domB", Part("b", b));
            user = StartSpinningUser(domA, () =>
            {
                _ = K.Machine.Cpu.ReadUInt32(a);
                if (migrated)
                {
                    K.Machine.Cpu.WriteUInt32(b, Pattern);
                    wroteB = true;
                    _ = K.Machine.Cpu.ReadUInt32(a);
                    after = true;
                }
            });
            k_msleep(1);
            Assert.That(k_mem_domain_add_thread(domB, user), Is.Zero);
            Assert.That(k_mem_domain_add_thread(domB, user), Is.Zero, "adding to the current domain does nothing");
            Assert.That(K.DomainOf(user), Is.SameAs(domB));
            Assert.That(domA.Threads, Is.Empty);
            migrated = true;
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);
        });
        Assert.That(wroteB, Is.True, "the new domain's partition is reachable");
        AssertCulprit(user, FatalReason.CpuException, after, a, AccessKind.Read, "domB");
    }

    [Test]
    public void test_mem_domain_migration_before_start()
    {
        uint a = Reserve("a");
        uint b = Reserve("b");
        bool wroteB = false, after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MemoryDomain domA = Domain("domA", Part("a", a));
            MemoryDomain domB = Domain("domB", Part("b", b));
            user = k_thread_create(K.DeclareThread("user"), K.DefineStack("user_stack", 1024), 1024, (_, _, _) =>
            {
                K.Machine.Cpu.WriteUInt32(b, Pattern);
                wroteB = true;
                K.Machine.Cpu.WriteUInt32(a, Pattern);
                after = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domA, user), Is.Zero);
            Assert.That(k_mem_domain_add_thread(domB, user), Is.Zero);
            k_thread_start(user);
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);
        });
        Assert.That(wroteB, Is.True);
        AssertCulprit(user, FatalReason.CpuException, after, a, AccessKind.Write, "domB");
    }

    [Test]
    public void test_mem_domain_boot_threads()
    {
        ThreadHandle ztest = default;
        Run(() => ztest = k_current_get());
        Assert.Multiple(() =>
        {
            Assert.That(K.MainThread, Is.Not.Null);
            Assert.That(K.DomainOf(K.MainThread!.Handle), Is.SameAs(K.Domains.Default));
            Assert.That(K.DomainOf(ztest), Is.SameAs(K.Domains.Default));
        });
    }

    [Test]
    public void test_mem_domain_inherit_child_thread()
    {
        // zephyr inherit.c test_permission_inheritance, domain part: a child joins its creator's domain.
        uint part = Reserve("inherit");
        uint seen = 0;
        ThreadHandle child = default;
        MemoryDomain domain = null!;
        Run(() =>
        {
            domain = Domain("inherit_dom", Part("inherit_part", part));
            ThreadHandle parent = k_thread_create(K.DeclareThread("parent"), K.DefineStack("parent_stack", 1024), 1024, (_, _, _) =>
            {
                child = k_thread_create(K.DeclareThread("child"), K.DefineStack("child_stack", 1024), 1024, (_, _, _) =>
                {
                    K.Machine.Cpu.WriteUInt32(part, Pattern);
                    seen = K.Machine.Cpu.ReadUInt32(part);
                }, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
            }, 0, 0, 0, K_PRIO_PREEMPT(2), 0, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domain, parent), Is.Zero);
            k_thread_start(parent);
            k_msleep(10);
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(K.DomainOf(child), Is.SameAs(domain), "the child joined its creator's domain");
            Assert.That(seen, Is.EqualTo(Pattern));
        });
    }

    [Test]
    public void test_mem_domain_shared_partition()
    {
        // One partition in two domains: both members reach it; removing it from one leaves the other's access.
        uint shared = Reserve("shared");
        uint seen = 0;
        bool after = false;
        ThreadHandle late = default;
        Run(() =>
        {
            MemPartition part = Part("shared_part", shared);
            MemoryDomain dom1 = Domain("dom1", part);
            MemoryDomain dom2 = Domain("dom2", part);
            SpawnUser("writer", dom1, () => K.Machine.Cpu.WriteUInt32(shared, Pattern));
            SpawnUser("reader", dom2, () => seen = K.Machine.Cpu.ReadUInt32(shared));
            Assert.That(k_mem_domain_remove_partition(dom1, part), Is.Zero);
            SpawnUser("reader2", dom2, () => seen++);
            late = SpawnUser("late_writer", dom1, () =>
            {
                K.Machine.Cpu.WriteUInt32(shared, 0);
                after = true;
            });
            Assert.That(K.Machine.Cpu.ReadUInt32(shared), Is.EqualTo(Pattern));
        });
        Assert.That(seen, Is.EqualTo(Pattern + 1));
        AssertCulprit(late, FatalReason.CpuException, after, shared, AccessKind.Write, "dom1");
    }

    /// <summary>
    /// Runs the rest of the calling supervisor thread's life in user mode: optionally joins <paramref name="domain"/>,
    /// sleeps (so the change below happens after a switch), runs <paramref name="before"/>, then
    /// <c>k_thread_user_mode_enter</c> into <paramref name="body"/>. Waits for it from the ztest thread.
    /// </summary>
    private ThreadHandle DropToUser(MemoryDomain? domain, Action before, Action body)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread("dropper"), K.DefineStack("dropper_stack", 1024), 1024, (_, _, _) =>
        {
            k_msleep(1);
            before();
            k_thread_user_mode_enter((_, _, _) => body(), 0, 0, 0);
        }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_FOREVER);
        if (domain is not null)
        {
            Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
        }

        k_thread_start(t);
        Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        return t;
    }

    /// <summary>Starts (without joining) a user member of <paramref name="domain"/> that runs <paramref name="step"/> until it throws or faults.</summary>
    private ThreadHandle StartSpinningUser(MemoryDomain domain, Action step)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread("spinner"), K.DefineStack("spinner_stack", 1024), 1024, (_, _, _) =>
        {
            try
            {
                while (true)
                {
                    step();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, 0, 0, 0, K_PRIO_PREEMPT(5), K_USER, K_FOREVER);
        Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
        k_thread_start(t);
        return t;
    }
}
