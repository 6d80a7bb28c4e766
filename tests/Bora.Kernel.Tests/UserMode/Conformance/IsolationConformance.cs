using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// What a user thread can never reach whatever its domain — kernel data, kernel stacks, its own privileged stack,
/// other threads' stacks — and what it always can (text read/execute, rodata read); supervisor threads unaffected by
/// domains; stack overflows caught and classified (zephyr userspace main.c, mem_domain.c supervisor_rw).
/// </summary>
[TestFixtureSource(typeof(DomainConformanceFixture), nameof(Boards))]
public sealed class IsolationConformance : DomainConformanceFixture
{
    /// <summary>
    /// Boards where a user read or write of its own privileged stack is reported as a stack overflow: on ARC MPU v4
    /// the privilege stack lies in the stack object's reserved area, and Zephyr's <c>z_check_thread_stack_fail</c>
    /// treats every user-mode EFA in <c>[stack_obj, stack_info.start)</c> as one (arch-spec §3.5). Elsewhere it is a
    /// plain <c>K_ERR_CPU_EXCEPTION</c>.
    /// </summary>
    private static readonly Dictionary<string, FatalReason> s_privilegedStackReason = new(StringComparer.Ordinal)
    {
        ["nsim_sem"] = FatalReason.StackCheckFail,
    };

    public IsolationConformance(string board)
        : base(board)
    {
    }

    [Test]
    public void test_is_usermode()
    {
        Privilege? seen = null;
        Run(() => SpawnUser("user", null, () => seen = K.Machine.Cpu.State.Privilege));
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(Privilege.User));
    }

    [Test]
    public void test_read_kernram() => AssertUserDenied(() => K.Layout.KernelData.Start + 0x100, AccessKind.Read);

    [Test]
    public void test_write_kernram() => AssertUserDenied(() => K.Layout.KernelData.Start + 0x100, AccessKind.Write);

    [Test]
    public void test_read_kernel_data() => AssertUserDenied(() => K.Layout.Objects.Start, AccessKind.Read);

    [Test]
    public void test_write_kernel_data() => AssertUserDenied(() => K.Layout.Objects.Start, AccessKind.Write);

    [Test]
    public void test_write_kernro() => AssertUserDenied(() => K.Layout.Rodata.Start + 0x10, AccessKind.Write);

    [Test]
    public void test_write_kerntext() => AssertUserDenied(() => K.Layout.Text.Start + 0x40, AccessKind.Write);

    [Test]
    public void test_execute_kernram() => AssertUserDenied(() => K.Layout.KernelData.Start + 0x100, AccessKind.Execute);

    [Test]
    public void test_read_execute_kerntext_and_read_kernro()
    {
        uint text = 0, rodata = 0;
        bool done = false;
        Run(() => SpawnUser("user", null, () =>
        {
            text = K.Machine.Cpu.ReadUInt32(K.Layout.Text.Start + 0x40);
            K.Machine.Cpu.CheckExecute(K.Layout.Text.Start + 0x40);
            rodata = K.Machine.Cpu.ReadUInt32(K.Layout.Rodata.Start + 0x10);
            done = true;
        }));
        AssertNoFaults();
        Assert.That(done, Is.True);
        Assert.That(text, Is.EqualTo(K.Machine.Cpu.ReadUInt32(K.Layout.Text.Start + 0x40)), "the text as the kernel reads it");
    }

    [Test]
    public void test_read_priv_stack() => AssertOwnPrivilegedStackDenied(AccessKind.Read);

    [Test]
    public void test_write_priv_stack() => AssertOwnPrivilegedStackDenied(AccessKind.Write);

    [Test]
    public void test_read_kernel_stack()
    {
        // A running supervisor thread on a K_KERNEL_STACK.
        uint target = 0;
        AssertUserDenied(() => target, AccessKind.Read, setup: () =>
        {
            StackHandle kstack = K.DefineKernelStack("kstack", 1024);
            target = ((ThreadStack)K.Objects.Single(o => o.Address == kstack.Address)).BufferStart + 64;
            k_thread_create(K.DeclareThread("kthread"), kstack, 1024, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_NO_WAIT);
        });
    }

    [Test]
    public void test_read_other_stack() => AssertOtherStackDenied(AccessKind.Read, otherIsUser: false, sameDomain: false);

    [Test]
    public void test_write_other_stack() => AssertOtherStackDenied(AccessKind.Write, otherIsUser: false, sameDomain: false);

    [Test]
    public void test_read_other_stack_other_domain() => AssertOtherStackDenied(AccessKind.Read, otherIsUser: true, sameDomain: false);

    [Test]
    public void test_read_other_stack_same_domain() => AssertOtherStackDenied(AccessKind.Read, otherIsUser: true, sameDomain: true);

    [Test]
    public void test_write_other_stack_same_domain() => AssertOtherStackDenied(AccessKind.Write, otherIsUser: true, sameDomain: true);

    [Test]
    public void test_user_mode_enter()
    {
        bool afterEnter = false, inUser = false, afterCall = false;
        ThreadHandle t = default;
        Run(() =>
        {
            t = k_thread_create(K.DeclareThread("dropper"), K.DefineStack("dropper_stack", 1024), 1024, (_, _, _) =>
            {
                k_thread_user_mode_enter((_, _, _) =>
                {
                    inUser = K.Machine.Cpu.State.Privilege == Privilege.User;
                    k_yield();
                    afterCall = true;
                }, 0, 0, 0);
                afterEnter = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_msleep(10);
        });
        Assert.Multiple(() =>
        {
            Assert.That(inUser, Is.True);
            Assert.That(afterCall, Is.False);
            Assert.That(afterEnter, Is.False, "k_thread_user_mode_enter does not return");
        });
        AssertCulprit(t, FatalReason.KernelOops, after: false, address: null);
        Assert.That(Faults[0].Report.Message, Does.Contain("k_yield").And.Contain("z_yield"), "k_* from user mode is an oops naming the z_* API");
    }

    [Test]
    public void test_kernel_stack_cannot_host_user_thread()
    {
        StackHandle kstack = K.DefineKernelStack("kstack", 1024);
        Assert.That(
            () => K.CreateThread(K.DeclareThread("u"), kstack, 1024, (_, _, _) => { }, 0, 0, 0, 1, K_USER, K_NO_WAIT),
            Throws.InvalidOperationException.With.Message.Contains("kernel-only stack"));
    }

    [Test]
    public void test_supervisor_thread_unaffected_by_domains()
    {
        // A supervisor in the default domain reaches another domain's P_NA_U_NA-to-user partition and kernel data.
        uint other = Reserve("other");
        uint seen = 0;
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("other", other, PartitionPermissions.P_RW_U_NA));
            SpawnUser("member", domain, () => { });
            K.Machine.Cpu.WriteUInt32(other, Pattern);
            seen = K.Machine.Cpu.ReadUInt32(other);
            K.Machine.Cpu.WriteUInt32(K.Layout.KernelData.Start + 0x100, 1);
        });
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(Pattern));
    }

    [Test]
    public void test_mem_domain_partitions_supervisor_rw()
    {
        // A supervisor member of a domain: its partitions and all of kernel RAM stay writable.
        uint part = Reserve("part");
        uint other = Reserve("other");
        uint seen = 0;
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("part", part));
            _ = Domain("other_dom", Part("other", other));
            Assert.That(k_mem_domain_add_thread(domain, k_current_get()), Is.Zero);
            k_msleep(1);
            K.Machine.Cpu.WriteUInt32(part, Pattern);
            K.Machine.Cpu.WriteUInt32(other, Pattern + 1);
            K.Machine.Cpu.WriteUInt32(K.Layout.KernelData.Start + 0x100, 1);
            seen = unchecked(K.Machine.Cpu.ReadUInt32(part) + K.Machine.Cpu.ReadUInt32(other));
        });
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(unchecked((2 * Pattern) + 1)));
    }

    [Test]
    public void test_supervisor_member_write_to_ro_partition_faults()
    {
        // P_RO_U_RO is read-only for the supervisor as well: on x86 (no KPTI) the documented exception to "domains do
        // not affect supervisors" — the domain's tables serve the kernel, CR0.WP=1 — and on the MPUs the region's AP.
        uint ro = Reserve("ro");
        uint seen = 0;
        bool after = false;
        ThreadHandle t = default;
        Run(() =>
        {
            K.Machine.Cpu.WriteUInt32(ro, Pattern);
            MemoryDomain domain = Domain("ro_dom", Part("ro_part", ro, PartitionPermissions.P_RO_U_RO));
            t = k_thread_create(K.DeclareThread("supervisor"), K.DefineStack("supervisor_stack", 1024), 1024, (_, _, _) =>
            {
                seen = K.Machine.Cpu.ReadUInt32(ro);
                K.Machine.Cpu.WriteUInt32(ro, 0);
                after = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
            k_thread_start(t);
            Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        });
        Assert.That(seen, Is.EqualTo(Pattern));
        AssertCulprit(t, FatalReason.CpuException, after, ro, AccessKind.Write, "ro_dom", Privilege.Supervisor);
    }

    [Test]
    public void test_user_stack_overflow_is_stack_chk_fail()
    {
        int depth = 0;
        ThreadHandle user = default;
        Run(() => user = SpawnUser("user", null, () => BlowUpStack(() => depth++)));
        Assert.That(depth, Is.GreaterThan(4));
        AssertCulprit(user, FatalReason.StackCheckFail, after: false, address: null);
    }

    [Test]
    public void test_supervisor_stack_overflow_is_stack_chk_fail()
    {
        int depth = 0;
        ThreadHandle t = default;
        Run(() =>
        {
            t = k_thread_create(K.DeclareThread("supervisor"), K.DefineStack("supervisor_stack", 1024), 1024, (_, _, _) => BlowUpStack(() => depth++), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        });
        Assert.That(depth, Is.GreaterThan(4));
        AssertCulprit(t, FatalReason.StackCheckFail, after: false, address: null, mode: Privilege.Supervisor);
    }

    private static void BlowUpStack(Action onFrame)
    {
        using StackFrame frame = StackFrame.Push(64);
        onFrame();
        BlowUpStack(onFrame);
    }

    /// <summary>A user thread in a domain of its own makes one access to <paramref name="target"/> (read after <paramref name="setup"/>) and dies for it.</summary>
    private void AssertUserDenied(Func<uint> target, AccessKind kind, Action? setup = null)
    {
        uint part = Reserve("part");
        uint address = 0;
        bool after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            setup?.Invoke();
            address = target();
            user = SpawnUser("user", Domain("user_dom", Part("part0", part)), () =>
            {
                Touch(address, kind);
                after = true;
            });
        });
        AssertCulprit(user, FatalReason.CpuException, after, address, kind, "user_dom");
    }

    private void AssertOwnPrivilegedStackDenied(AccessKind kind)
    {
        uint address = 0;
        bool after = false;
        ThreadHandle user = default;
        Run(() => user = SpawnUser("user", null, () =>
        {
            ThreadMemoryView view = K.GetThread(k_current_get()).MemoryView!;
            Assert.That(view.PrivilegedStackSize, Is.GreaterThan(0u), "a user thread has a privileged stack");
            address = view.PrivilegedStackStart + view.PrivilegedStackSize - 16;
            Touch(address, kind);
            after = true;
        }));
        AssertCulprit(user, s_privilegedStackReason.GetValueOrDefault(Board, FatalReason.CpuException), after, address, kind);
    }

    /// <summary>
    /// A user thread touches the stack buffer of a live thread: a supervisor thread, or a user thread in another or
    /// the same domain (MPUs isolate every stack; x86 only across domains).
    /// </summary>
    private void AssertOtherStackDenied(AccessKind kind, bool otherIsUser, bool sameDomain)
    {
        uint part = Reserve("part");
        uint target = 0;
        bool after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MemoryDomain domain = Domain("user_dom", Part("part0", part));
            StackHandle victimStack = K.DefineStack("victim_stack", 1024);
            target = ((ThreadStack)K.Objects.Single(o => o.Address == victimStack.Address)).BufferStart + 64;
            ThreadHandle victim = k_thread_create(K.DeclareThread("victim"), victimStack, 1024, (_, _, _) =>
            {
                while (K.Machine.Cpu.ReadUInt32(part) != Pattern)
                {
                }
            }, 0, 0, 0, K_PRIO_PREEMPT(2), otherIsUser ? K_USER : 0, K_FOREVER);
            if (otherIsUser)
            {
                Assert.That(k_mem_domain_add_thread(sameDomain ? domain : Domain("victim_dom", Part("victim_part", part)), victim), Is.Zero);
            }

            k_thread_start(victim);
            k_msleep(1);
            user = SpawnUser("user", domain, () =>
            {
                Touch(target, kind);
                after = true;
            });
            K.Machine.Cpu.WriteUInt32(part, Pattern);
            Assert.That(k_thread_join(victim, K_FOREVER), Is.Zero);
        });
        AssertCulprit(user, FatalReason.CpuException, after, target, kind, "user_dom");
    }

    private void Touch(uint address, AccessKind kind)
    {
        switch (kind)
        {
            case AccessKind.Read:
                _ = K.Machine.Cpu.ReadUInt32(address);
                break;
            case AccessKind.Write:
                K.Machine.Cpu.WriteUInt32(address, Pattern);
                break;
            default:
                K.Machine.Cpu.CheckExecute(address);
                break;
        }
    }
}
