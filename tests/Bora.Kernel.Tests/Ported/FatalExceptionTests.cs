namespace Bora.Kernel.Tests.Ported;

/// <summary>
/// Ported from zephyr tests/kernel/fatal/exception: each error is raised in a thread, a test handler
/// checks the reason and returns, and the culprit is aborted while the kernel lives on. Plus Bora's
/// default policy (DESIGN §7).
/// </summary>
public sealed class FatalExceptionTests
{
    private const uint UnmappedAddress = 0x6000_0000;
    private BoraKernel _k = null!;
    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];

    [SetUp]
    public void SetUp()
    {
        _faults.Clear();
        _k = ZTest.Create();
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void UseReturningHandler() => _k.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));

    private (KThread Culprit, bool After) RunCulprit(Action crash, ThreadOptions options = ThreadOptions.None)
    {
        bool after = false;
        ThreadHandle tid = default;
        ZTest.Run(_k, () =>
        {
            tid = k_thread_create(_k.DeclareThread("alt_thread"), _k.DefineStack("alt_stack", 1024), 1024, (_, _, _) =>
            {
                crash();
                after = true;
            }, 0, 0, 0, K_PRIO_COOP(1), options, K_NO_WAIT);
            k_msleep(10);
        });
        return (_k.GetThread(tid), after);
    }

    [Test]
    public void test_fatal_cpu_exception()
    {
        UseReturningHandler();
        (KThread culprit, bool after) = RunCulprit(() => _k.Machine.Cpu.WriteUInt32(UnmappedAddress, 0xBAD));
        Assert.Multiple(() =>
        {
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_CPU_EXCEPTION }));
            Assert.That(after, Is.False, "the faulting thread never continues");
            Assert.That(culprit.IsDead, Is.True, "the handler returned, so the culprit was aborted");
            FatalErrorReport report = _faults[0].Report;
            Assert.That(report.ThreadName, Is.EqualTo("alt_thread"));
            Assert.That(report.Fault!.FaultAddress, Is.EqualTo(UnmappedAddress));
            Assert.That(report.Location, Does.Contain("unmapped"));
            Assert.That(report.ToString(), Does.Contain("K_ERR_CPU_EXCEPTION").And.Contain("alt_thread").And.Contain("0x60000000"));
            Assert.That(report.PcSymbol, Does.Contain("RunCulprit"), "the report names the code");
        });
    }

    [Test]
    public void test_fatal_oops()
    {
        UseReturningHandler();
        (KThread culprit, bool after) = RunCulprit(() => k_oops());
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
        Assert.That((culprit.IsDead, after), Is.EqualTo((true, false)));
    }

    [Test]
    public void test_fatal_panic()
    {
        UseReturningHandler();
        (KThread culprit, bool after) = RunCulprit(() => k_panic());
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_PANIC }));
        Assert.That((culprit.IsDead, after), Is.EqualTo((true, false)), "a test handler that returns aborts the culprit even for a panic");
    }

    [Test]
    public void test_fatal_stack_overflow()
    {
        GuardProtection? guard = null;
        _k.Dispose();
        _k = ZTest.Create(o =>
        {
            o.CreateProtection = _ => guard = new GuardProtection();
            o.StackGeometry = new StackGeometry(Alignment: 32, ReservedBytes: 32, GuardBytes: 32, PointerAlignment: 8, PowerOfTwoSize: false, PrivilegedStackBytes: 0);
        });
        UseReturningHandler();
        ThreadHandle tid = _k.DeclareThread("alt_thread");
        StackHandle stack = _k.DefineStack("overflow_stack", 512);
        foreach (ThreadStack s in _k.Objects.OfType<ThreadStack>())
        {
            guard!.AddGuard(s.GuardStart, s.GuardBytes);
        }

        int depth = 0;
        void BlowUpStack()
        {
            using StackFrame frame = StackFrame.Push(64);
            depth++;
            BlowUpStack();
        }

        ZTest.Run(_k, () =>
        {
            k_thread_create(tid, stack, 512, (_, _, _) => BlowUpStack(), 0, 0, 0, K_PRIO_COOP(1), 0, K_NO_WAIT);
            k_msleep(10);
        });
        Assert.Multiple(() =>
        {
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_STACK_CHK_FAIL }));
            Assert.That(_faults[0].Report.Location, Does.Contain("overflow_stack").And.Contain("guard"));
            Assert.That(depth, Is.EqualTo(8), "512 bytes hold eight 64-byte frames; the ninth hits the guard");
            Assert.That(_k.GetThread(tid).IsDead, Is.True);
        });
    }

    [Test]
    public void test_fatal_stack_overflow_at_context_switch()
    {
        GuardProtection? guard = null;
        _k.Dispose();
        _k = ZTest.Create(o =>
        {
            o.CreateProtection = _ => guard = new GuardProtection();
            o.StackGeometry = new StackGeometry(Alignment: 32, ReservedBytes: 32, GuardBytes: 32, PointerAlignment: 8, PowerOfTwoSize: false, PrivilegedStackBytes: 0);
        });
        UseReturningHandler();
        ThreadHandle tid = _k.DeclareThread("alt_thread");
        StackHandle stack = _k.DefineStack("tight_stack", 512);
        foreach (ThreadStack s in _k.Objects.OfType<ThreadStack>())
        {
            guard!.AddGuard(s.GuardStart, s.GuardBytes);
        }

        bool yielded = false;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_k.DeclareThread("peer"), _k.DefineStack("peer_stack", 512), 512, (_, _, _) => k_yield(), 0, 0, 0, K_PRIO_PREEMPT(3), 0, K_NO_WAIT);
            k_thread_create(tid, stack, 512, (_, _, _) =>
            {
                using StackFrame big = StackFrame.Push(496);
                k_yield();
                yielded = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(3), 0, K_NO_WAIT);
            k_msleep(10);
        });
        Assert.Multiple(() =>
        {
            Assert.That(yielded, Is.False);
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_STACK_CHK_FAIL }), "the switch's exception frame hit the guard");
            Assert.That(_faults[0].Report.Fault!.Access.Kind, Is.EqualTo(AccessKind.StackPush));
            Assert.That(_faults[0].Report.Location, Does.Contain("tight_stack").And.Contain("guard"));
        });
    }

    [Test]
    public void test_fatal_spurious_irq()
    {
        UseReturningHandler();
        _k.IrqEnable(7);
        ZTest.Run(_k, () =>
        {
            trigger_irq(7);
            k_msleep(1);
        }, expectFinished: false);
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_SPURIOUS_IRQ }));
        Assert.That(_faults[0].Report.InIsr, Is.True);
    }

    [Test]
    public void test_default_handler_halts_on_supervisor_oops()
    {
        _k.CreateThread("supervisor", (_, _, _) => k_oops(), 3);
        _k.Boot();
        RunResult result = _k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Halted));
            Assert.That(result.Halt!.Reason, Is.EqualTo(K_ERR_KERNEL_OOPS));
            Assert.That(result.Halt.Report!.ThreadName, Is.EqualTo("supervisor"));
            Assert.That(result.Halt.Message, Does.Contain("supervisor thread 'supervisor'"));
        });
        var again = Assert.Throws<KernelHaltedException>(() => _k.RunUntilIdle());
        Assert.That(again!.Message, Does.Contain("halted").And.Contain("new kernel"));
    }

    [Test]
    public void test_default_handler_aborts_faulting_user_thread()
    {
        bool survivorRan = false;
        ThreadHandle user = _k.CreateThread("user", (_, _, _) => _k.Machine.Cpu.ReadUInt32(UnmappedAddress), 3, options: ThreadOptions.User);
        _k.CreateThread("survivor", (_, _, _) => survivorRan = true, 5);
        _k.Boot();
        RunResult result = _k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle), "a user thread's fault does not halt the kernel");
            Assert.That(_k.GetThread(user).IsDead, Is.True);
            Assert.That(survivorRan, Is.True);
        });
    }

    [Test]
    public void test_user_panic_is_delivered_as_oops()
    {
        UseReturningHandler();
        RunCulprit(() => k_panic(), ThreadOptions.User);
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }), "from user mode every software reason but stack check becomes an oops");
        Assert.That(_faults[0].Report.Mode, Is.EqualTo(Privilege.User));
    }

    [Test]
    public void test_user_thread_calling_supervisor_api_oopses()
    {
        UseReturningHandler();
        RunCulprit(() => k_yield(), ThreadOptions.User);
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
        Assert.That(_faults[0].Report.Message, Does.Contain("k_yield").And.Contain("z_yield"));
    }

    [Test]
    public void test_default_handler_halts_on_isr_fault()
    {
        _k.CreateThread("supervisor", (_, _, _) => irq_offload(_ => _k.Machine.Cpu.WriteUInt32(UnmappedAddress, 1), 0), 3);
        _k.Boot();
        RunResult result = _k.RunUntilIdle();
        Assert.That(result.Reason, Is.EqualTo(RunStopReason.Halted));
        Assert.That(result.Halt!.Report!.InIsr, Is.True);
        Assert.That(result.Halt.Message, Does.Contain("in an ISR"));
    }

    [Test]
    public void test_not_an_object_oopses()
    {
        UseReturningHandler();
        RunCulprit(() => k_sem_give(new SemaphoreHandle(0x2000_0004)));
        MutexHandle mutex = _k.DefineMutex("a_mutex");
        RunCulprit(() => k_sem_give(new SemaphoreHandle(mutex.Address)));
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS, K_ERR_KERNEL_OOPS }));
        Assert.That(_faults[0].Report.Message, Does.Contain("not a kernel object"));
        Assert.That(_faults[1].Report.Message, Does.Contain("k_mutex 'a_mutex'").And.Contain("not a struct k_sem"));
    }

    [Test]
    public void test_thread_entry_at_unregistered_address_oopses()
    {
        UseReturningHandler();
        RunCulprit(() => k_thread_create(_k.DeclareThread("bad"), _k.DefineStack("bad_stack", 512), 512, 0x0000_1234u, 0, 0, 0, 1, 0, K_NO_WAIT));
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
        Assert.That(_faults[0].Report.Message, Does.Contain("0x00001234"));
    }
}
