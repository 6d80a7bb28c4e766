namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/threads/thread_apis.</summary>
public sealed class ThreadApiTests
{
    private const uint StackSize = 1024;
    private BoraKernel _k = null!;
    private ThreadHandle _tdata;
    private StackHandle _tstack;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _tdata = _k.DeclareThread("tdata");
        _tstack = _k.DefineStack("tstack", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void test_threads_spawn_params()
    {
        (uint, uint, uint) got = default;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (p1, p2, p3) => got = (p1, p2, p3), 0x1111, 0x2222, 0x3333, 0, 0, K_NO_WAIT);
            k_msleep(100);
        });
        Assert.That(got, Is.EqualTo((0x1111u, 0x2222u, 0x3333u)));
    }

    [Test]
    public void test_threads_spawn_priority()
    {
        int prio = 99;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => prio = k_thread_priority_get(k_current_get()), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_msleep(100);
        });
        Assert.That(prio, Is.EqualTo(1));
    }

    [Test]
    public void test_threads_spawn_delay()
    {
        int ran = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ran = 1, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_MSEC(120));
            k_msleep(50);
            Assert.That(ran, Is.Zero, "not started before its delay");
            k_msleep(100);
            Assert.That(ran, Is.EqualTo(1));
        });
    }

    [Test]
    public void test_threads_spawn_forever()
    {
        int ran = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ran = 1, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_FOREVER);
            k_msleep(100);
            Assert.That(ran, Is.Zero, "a K_FOREVER thread waits for k_thread_start");
            k_thread_start(tid);
            k_msleep(100);
            Assert.That(ran, Is.EqualTo(1));
        });
    }

    [Test]
    public void test_thread_start_delayed_by_wakeup()
    {
        int ran = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ran = 1, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_SECONDS(10));
            k_wakeup(tid);
            k_msleep(1);
            Assert.That(ran, Is.EqualTo(1), "k_wakeup starts a delayed thread now");
        });
    }

    [Test]
    public void test_threads_suspend_resume_cooperative()
    {
        int lastPrio = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_priority_set(k_current_get(), -2);
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => lastPrio = k_thread_priority_get(k_current_get()), 0, 0, 0, -1, 0, K_NO_WAIT);
            k_thread_suspend(tid);
            k_msleep(100);
            Assert.That(lastPrio, Is.Zero, "suspended before it ran");
            k_thread_resume(tid);
            k_msleep(100);
            Assert.That(lastPrio, Is.EqualTo(-1));
        });
    }

    [Test]
    public void test_threads_suspend_resume_preemptible()
    {
        int ran = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ran = 1, 0, 0, 0, K_PRIO_PREEMPT(5), 0, K_NO_WAIT);
            k_thread_suspend(tid);
            k_msleep(100);
            Assert.That(ran, Is.Zero);
            k_thread_resume(tid);
            k_msleep(100);
            Assert.That(ran, Is.EqualTo(1));
        }, priority: 1);
    }

    [Test]
    public void test_threads_suspend()
    {
        int ran = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                k_thread_suspend(k_current_get());
                ran = 1;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_msleep(100);
            Assert.That(ran, Is.Zero, "the thread suspended itself");
            k_thread_resume(_tdata);
            k_msleep(100);
            Assert.That(ran, Is.EqualTo(1));
        });
    }

    [Test]
    public void test_threads_suspend_timeout()
    {
        int woke = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                k_msleep(100);
                woke = 1;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_msleep(50);
            k_thread_suspend(tid);
            k_msleep(200);
            Assert.That(woke, Is.Zero, "the sleep's timeout must not wake a suspended thread");
            k_thread_resume(tid);
            k_msleep(10);
            Assert.That(woke, Is.EqualTo(1));
        });
    }

    [Test]
    public void test_threads_abort_self()
    {
        int before = 0, after = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                before = 1;
                k_thread_abort(k_current_get());
                after = 1;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_msleep(100);
        });
        Assert.That((before, after), Is.EqualTo((1, 0)));
        Assert.That(_k.GetThread(_tdata).IsDead, Is.True);
    }

    [Test]
    public void test_threads_abort_others()
    {
        int count = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                while (true)
                {
                    count++;
                    k_msleep(10);
                }
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_msleep(55);
            k_thread_abort(tid);
            int atAbort = count;
            k_msleep(100);
            Assert.That(count, Is.EqualTo(atAbort), "an aborted thread never runs again");
            Assert.That(atAbort, Is.GreaterThan(0));
        }, priority: 1);
    }

    [Test]
    public void test_threads_abort_repeat()
    {
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => k_msleep(1000), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_thread_abort(tid);
            k_thread_abort(tid);
            k_thread_abort(tid);
            tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => { }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            Assert.That(k_thread_join(tid, K_FOREVER), Is.Zero, "the object and stack can be reused after the abort");
        });
    }

    [Test]
    public void test_delayed_thread_abort()
    {
        int ran = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ran = 1, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_MSEC(100));
            k_thread_abort(tid);
            k_msleep(200);
        });
        Assert.That(ran, Is.Zero);
    }

    [Test]
    public void test_thread_join()
    {
        var results = new List<int>();
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => k_msleep(50), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            results.Add(k_thread_join(tid, K_NO_WAIT));
            results.Add(k_thread_join(tid, K_MSEC(10)));
            results.Add(k_thread_join(tid, K_FOREVER));
            results.Add(k_thread_join(tid, K_NO_WAIT));
        });
        Assert.That(results, Is.EqualTo(new[] { -EBUSY, -EAGAIN, 0, 0 }));
    }

    [Test]
    public void test_thread_join_deadlock()
    {
        int selfJoin = 1, mutual = 1;
        ZTest.Run(_k, () =>
        {
            selfJoin = k_thread_join(k_current_get(), K_FOREVER);
            ThreadHandle me = k_current_get();
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => mutual = k_thread_join(me, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_thread_join(_tdata, K_MSEC(10));
            k_thread_abort(_tdata);
        });
        Assert.That(selfJoin, Is.EqualTo(-EDEADLK));
        Assert.That(mutual, Is.EqualTo(-EDEADLK), "joining a thread that is joining us");
    }

    [Test]
    public void test_thread_join_abort_wakes_joiner()
    {
        int joined = 1;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_thread_create(_k.DeclareThread("killer"), _k.DefineStack("killer_stack", StackSize), StackSize, (_, _, _) =>
            {
                k_msleep(20);
                k_thread_abort(tid);
            }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            joined = k_thread_join(tid, K_FOREVER);
        });
        Assert.That(joined, Is.Zero);
    }

    [Test]
    public void test_threads_priority_set()
    {
        ZTest.Run(_k, () =>
        {
            ThreadHandle me = k_current_get();
            int prio = k_thread_priority_get(me);
            k_thread_priority_set(me, prio + 2);
            Assert.That(k_thread_priority_get(me), Is.EqualTo(prio + 2));
            k_thread_priority_set(me, prio - 2);
            Assert.That(k_thread_priority_get(me), Is.EqualTo(prio - 2));
            k_thread_priority_set(me, prio);
        });
    }

    [Test]
    public void test_thread_priority_set_lower_yields_to_more_urgent()
    {
        var order = new List<string>();
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => order.Add("other"), 0, 0, 0, K_PRIO_PREEMPT(3), 0, K_NO_WAIT);
            order.Add("before");
            k_thread_priority_set(k_current_get(), K_PRIO_PREEMPT(5));
            order.Add("after");
        });
        Assert.That(order, Is.EqualTo(new[] { "before", "other", "after" }), "dropping below a ready thread switches even from a cooperative start");
    }

    [Test]
    public void test_thread_name_set_get()
    {
        ZTest.Run(_k, () =>
        {
            ThreadHandle me = k_current_get();
            Assert.That(k_thread_name_get(me), Is.EqualTo("ztest_thread"));
            Assert.That(k_thread_name_set(me, "parent_thread"), Is.Zero);
            Assert.That(k_thread_name_get(me), Is.EqualTo("parent_thread"));
            Assert.That(k_thread_name_set(me, new string('x', 40)), Is.Zero);
            Assert.That(k_thread_name_get(me), Has.Length.EqualTo(31), "CONFIG_THREAD_MAX_NAME_LEN 32 keeps 31 characters");
        });
    }

    [Test]
    public void test_essential_thread_operation()
    {
        FatalReason? reason = null;
        _k.SetFatalErrorHandler((r, _) => reason = r);
        _k.CreateThread("essential", (_, _, _) => k_thread_abort(k_current_get()), 2, options: ThreadOptions.Essential);
        _k.Boot();
        RunResult result = _k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(reason, Is.EqualTo(FatalReason.KernelPanic), "aborting an essential thread is a panic");
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Halted), "an essential thread's death halts, even when the handler returns");
            Assert.That(_k.Halt!.Message, Does.Contain("essential"));
        });
    }

    [Test]
    public void test_k_current_get_and_is_in_isr()
    {
        ThreadHandle inIsr = default;
        bool isrFlag = false, threadFlag = true;
        ZTest.Run(_k, () =>
        {
            threadFlag = k_is_in_isr();
            ThreadHandle me = k_current_get();
            irq_offload(_ =>
            {
                isrFlag = k_is_in_isr();
                inIsr = k_current_get();
            }, 0);
            Assert.That(inIsr, Is.EqualTo(me), "_current in an ISR is the interrupted thread");
        });
        Assert.That((threadFlag, isrFlag), Is.EqualTo((false, true)));
    }

    [Test]
    public void test_k_thread_create_on_stack_in_use_oopses()
    {
        _k.CreateThread("owner", (_, _, _) => k_sleep(K_FOREVER), 5);
        ThreadHandle other = _k.DeclareThread("other");
        StackHandle ownerStack = _k.GetThread(_k.Threads.First(t => t.Name == "owner").Handle).Stack!.Handle;
        _k.CreateThread("creator", (_, _, _) => k_thread_create(other, ownerStack, 512, (_, _, _) => { }, 0, 0, 0, 1, 0, K_NO_WAIT), 3);
        _k.Boot();
        RunResult result = _k.RunUntilIdle();
        Assert.That(result.Reason, Is.EqualTo(RunStopReason.Halted), "a supervisor oops halts under Bora's default policy");
        Assert.That(_k.Halt!.Report!.Message, Does.Contain("already in use"));
        Assert.That(_k.Halt.Reason, Is.EqualTo(FatalReason.KernelOops));
    }
}
