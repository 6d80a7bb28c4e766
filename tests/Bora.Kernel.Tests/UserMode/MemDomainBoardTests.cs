using Bora.Boards;
using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode;

/// <summary>
/// User threads in user mode with memory domains, on every built-in board (each backend's real driver), after
/// zephyr tests/kernel/mem_protect/mem_protect/mem_domain.c and userspace.c. Every fault is asserted with its
/// reason and culprit.
/// </summary>
[TestFixtureSource(nameof(Boards))]
public sealed class MemDomainBoardTests : IDisposable
{
    private const uint PartSize = 4096;
    private const uint Pattern = 0xC0FF_EE00;
    private readonly string _board;
    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];
    private BoraKernel _k = null!;

    public MemDomainBoardTests(string board)
    {
        _board = board;
    }

    public static IEnumerable<string> Boards => KernelBoards.Names;

    [SetUp]
    public void SetUp()
    {
        _faults.Clear();
        KernelOptions options = KernelBoards.Get(_board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        _k = new BoraKernel(options);
        _k.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    /// <inheritdoc/>
    public void Dispose() => _k?.Dispose();

    [Test]
    public void test_mem_domain_valid_access()
    {
        uint part = Reserve("part0");
        uint seen = 0;
        RunUser("part0", part, () =>
        {
            _k.Machine.Cpu.WriteUInt32(part + 8, Pattern);
            seen = _k.Machine.Cpu.ReadUInt32(part + 8);
        });
        Assert.Multiple(() =>
        {
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(seen, Is.EqualTo(Pattern));
        });
    }

    [Test]
    public void test_mem_domain_invalid_access_other_domain()
    {
        uint mine = Reserve("mine");
        uint other = Reserve("other");
        bool after = false;
        ThreadHandle user = RunUser("mine", mine, () =>
        {
            _k.Machine.Cpu.WriteUInt32(other, Pattern);
            after = true;
        }, extra: ("other", other));
        AssertCulprit(user, FatalReason.CpuException, after, other);
    }

    [Test]
    public void test_user_access_kernel_data_faults()
    {
        uint part = Reserve("part0");
        bool after = false;
        uint target = _k.Layout.KernelData.Start + 0x100;
        ThreadHandle user = RunUser("part0", part, () =>
        {
            _ = _k.Machine.Cpu.ReadUInt32(target);
            after = true;
        });
        AssertCulprit(user, FatalReason.CpuException, after, target);
    }

    [Test]
    public void test_user_read_other_thread_stack_faults()
    {
        uint part = Reserve("part0");
        bool after = false;
        StackHandle victimStack = _k.DefineStack("victim_stack", 1024);
        ThreadStack victim = (ThreadStack)_k.Objects.Single(o => o.Address == victimStack.Address);
        _k.CreateThread(_k.DeclareThread("victim"), victimStack, 1024, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 5, 0, K_NO_WAIT);
        uint target = victim.BufferStart + 64;
        ThreadHandle user = RunUser("part0", part, () =>
        {
            _ = _k.Machine.Cpu.ReadUInt32(target);
            after = true;
        });
        AssertCulprit(user, FatalReason.CpuException, after, target);
    }

    [Test]
    public void test_user_write_text_faults_and_execute_text_succeeds()
    {
        uint part = Reserve("part0");
        bool executed = false, after = false;
        uint target = _k.Layout.Text.Start + 0x40;
        ThreadHandle user = RunUser("part0", part, () =>
        {
            executed = true; // the entry was fetched from text at user privilege
            _k.Machine.Cpu.CheckExecute(target);
            _k.Machine.Cpu.WriteUInt32(target, Pattern);
            after = true;
        });
        Assert.That(executed, Is.True);
        AssertCulprit(user, FatalReason.CpuException, after, target);
    }

    [Test]
    public void test_mem_domain_partitions_user_rw_added_before_start()
    {
        // A partition added while the member is created but not yet run: in force at its first switch-in (MPU) or
        // at once (x86's synchronous hooks).
        uint part = Reserve("late");
        uint seen = 0;
        ZTest.Run(_k, () =>
        {
            MemoryDomain domain = K_MEM_DOMAIN("dom");
            Assert.That(k_mem_domain_init(domain, 0, null), Is.Zero);
            ThreadHandle t = k_thread_create(_k.DeclareThread("user"), _k.DefineStack("user_stack", 1024), 1024, (_, _, _) =>
            {
                _k.Machine.Cpu.WriteUInt32(part, Pattern);
                seen = _k.Machine.Cpu.ReadUInt32(part);
            }, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
            Assert.That(k_mem_domain_add_partition(domain, K_MEM_PARTITION_DEFINE("late", part, PartSize, PartitionPermissions.P_RW_U_RW)), Is.Zero);
            k_thread_start(t);
            k_msleep(10);
        });
        Assert.Multiple(() =>
        {
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(seen, Is.EqualTo(Pattern));
        });
    }

    [Test]
    public void test_mem_domain_migration()
    {
        uint a = Reserve("a");
        uint b = Reserve("b");
        bool wroteB = false, after = false;
        ThreadHandle user = default;
        ZTest.Run(_k, () =>
        {
            MemoryDomain domA = K_MEM_DOMAIN("domA");
            MemoryDomain domB = K_MEM_DOMAIN("domB");
            Assert.That(k_mem_domain_init(domA, 1, [K_MEM_PARTITION_DEFINE("a", a, PartSize, PartitionPermissions.P_RW_U_RW)]), Is.Zero);
            Assert.That(k_mem_domain_init(domB, 1, [K_MEM_PARTITION_DEFINE("b", b, PartSize, PartitionPermissions.P_RW_U_RW)]), Is.Zero);
            user = k_thread_create(_k.DeclareThread("user"), _k.DefineStack("user_stack", 1024), 1024, (_, _, _) =>
            {
                _k.Machine.Cpu.WriteUInt32(b, Pattern);
                wroteB = true;
                _k.Machine.Cpu.WriteUInt32(a, Pattern);
                after = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domA, user), Is.Zero);
            Assert.That(k_mem_domain_add_thread(domB, user), Is.Zero);
            Assert.That(_k.DomainOf(user), Is.SameAs(domB));
            Assert.That(domA.Threads, Is.Empty);
            k_thread_start(user);
            k_msleep(10);
        });
        Assert.That(wroteB, Is.True, "the new domain's partition is reachable");
        AssertCulprit(user, FatalReason.CpuException, after, a, "domB");
    }

    [Test]
    public void test_mem_domain_inherit_child_thread()
    {
        uint part = Reserve("part0");
        uint seen = 0;
        ThreadHandle child = default;
        MemoryDomain domain = null!;
        ZTest.Run(_k, () =>
        {
            domain = K_MEM_DOMAIN("dom");
            Assert.That(k_mem_domain_init(domain, 1, [K_MEM_PARTITION_DEFINE("part0", part, PartSize, PartitionPermissions.P_RW_U_RW)]), Is.Zero);
            ThreadHandle parent = k_thread_create(_k.DeclareThread("parent"), _k.DefineStack("parent_stack", 1024), 1024, (_, _, _) =>
            {
                child = k_thread_create(_k.DeclareThread("child"), _k.DefineStack("child_stack", 1024), 1024, (_, _, _) =>
                {
                    _k.Machine.Cpu.WriteUInt32(part, Pattern);
                    seen = _k.Machine.Cpu.ReadUInt32(part);
                }, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
            }, 0, 0, 0, K_PRIO_PREEMPT(2), 0, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domain, parent), Is.Zero);
            k_thread_start(parent);
            k_msleep(10);
        });
        Assert.Multiple(() =>
        {
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(_k.DomainOf(child), Is.SameAs(domain), "the child joined its creator's domain");
            Assert.That(seen, Is.EqualTo(Pattern));
        });
    }

    [Test]
    public void test_supervisor_thread_unaffected_by_domains()
    {
        uint other = Reserve("other");
        uint seen = 0;
        ZTest.Run(_k, () =>
        {
            MemoryDomain domain = K_MEM_DOMAIN("dom");
            Assert.That(k_mem_domain_init(domain, 0, null), Is.Zero);
            _k.Machine.Cpu.WriteUInt32(other, Pattern);
            seen = _k.Machine.Cpu.ReadUInt32(other);
            _k.Machine.Cpu.WriteUInt32(_k.Layout.KernelData.Start + 0x100, 1);
        });
        Assert.Multiple(() =>
        {
            Assert.That(_faults, Is.Empty);
            Assert.That(seen, Is.EqualTo(Pattern));
        });
    }

    [Test]
    public void test_user_stack_overflow_is_stack_chk_fail()
    {
        uint part = Reserve("part0");
        int depth = 0;
        void BlowUpStack()
        {
            using StackFrame frame = StackFrame.Push(64);
            depth++;
            BlowUpStack();
        }

        ThreadHandle user = RunUser("part0", part, BlowUpStack);
        Assert.That(depth, Is.GreaterThan(4));
        AssertCulprit(user, FatalReason.StackCheckFail, after: false, faultAddress: null);
    }

    [Test]
    public void test_user_mode_enter_drops_privilege_one_way()
    {
        bool afterEnter = false, inUser = false, afterCall = false;
        ThreadHandle t = default;
        ZTest.Run(_k, () =>
        {
            t = k_thread_create(_k.DeclareThread("dropper"), _k.DefineStack("dropper_stack", 1024), 1024, (_, _, _) =>
            {
                k_thread_user_mode_enter((_, _, _) =>
                {
                    inUser = _k.Machine.Cpu.State.Privilege == Privilege.User;
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
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.KernelOops }), "k_* from user mode is an oops (the syscall gate is next)");
            Assert.That(_faults[0].Report.ThreadName, Is.EqualTo("dropper"));
            Assert.That(_faults[0].Report.Message, Does.Contain("z_*"));
        });
    }

    [Test]
    public void test_kernel_stack_cannot_host_user_thread()
    {
        StackHandle kstack = _k.DefineKernelStack("kstack", 1024);
        Assert.That(
            () => _k.CreateThread(_k.DeclareThread("u"), kstack, 1024, (_, _, _) => { }, 0, 0, 0, 1, K_USER, K_NO_WAIT),
            Throws.InvalidOperationException.With.Message.Contains("kernel-only stack"));
    }

    private uint Reserve(string name) => _k.Layout.ReservePartition(name, PartSize, PartSize).Start;

    /// <summary>Runs <paramref name="body"/> in a K_USER thread that is a member of a domain holding one P_RW_U_RW partition.</summary>
    private ThreadHandle RunUser(string name, uint start, Action body, (string Name, uint Start)? extra = null)
    {
        ThreadHandle user = default;
        ZTest.Run(_k, () =>
        {
            MemoryDomain domain = K_MEM_DOMAIN("user_dom");
            Assert.That(k_mem_domain_init(domain, 1, [K_MEM_PARTITION_DEFINE(name, start, PartSize, PartitionPermissions.P_RW_U_RW)]), Is.Zero);
            if (extra is { } x)
            {
                MemoryDomain otherDomain = K_MEM_DOMAIN("other_dom");
                Assert.That(k_mem_domain_init(otherDomain, 1, [K_MEM_PARTITION_DEFINE(x.Name, x.Start, PartSize, PartitionPermissions.P_RW_U_RW)]), Is.Zero);
            }

            user = k_thread_create(_k.DeclareThread("user"), _k.DefineStack("user_stack", 1024), 1024, (_, _, _) => body(), 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domain, user), Is.Zero);
            k_thread_start(user);
            k_msleep(10);
        });
        return user;
    }

    private void AssertCulprit(ThreadHandle user, FatalReason reason, bool after, uint? faultAddress, string domain = "user_dom")
    {
        KThread culprit = _k.GetThread(user);
        Assert.Multiple(() =>
        {
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { reason }), () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(after, Is.False, "the faulting access did not complete");
            Assert.That(culprit.IsDead, Is.True, "only the culprit dies");
            Assert.That(_k.Halt, Is.Null);
            if (_faults.Count == 1)
            {
                FatalErrorReport report = _faults[0].Report;
                Assert.That(report.ThreadName, Is.EqualTo("user"));
                Assert.That(report.ThreadId, Is.EqualTo(culprit.Id));
                Assert.That(report.Mode, Is.EqualTo(Privilege.User));
                Assert.That(report.Domain, Is.EqualTo(domain));
                Assert.That(report.ActiveRegions, Is.Not.Empty);
                if (faultAddress is uint a)
                {
                    Assert.That(report.Fault?.FaultAddress, Is.EqualTo(a));
                }
            }
        });
    }
}
