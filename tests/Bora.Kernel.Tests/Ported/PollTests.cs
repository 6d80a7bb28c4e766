namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/poll (test_poll.c), plus wake order, ISR rules, layout and bad input.</summary>
public sealed class PollTests
{
    private const uint StackSize = 1024;
    private const int SignalResult = 0x1ee7d00d;
    private const uint FifoMsgValue = 0xdeadbeef;
    private const int MainLowPrio = 10;

    private BoraKernel _k = null!;
    private TestMemory _mem = null!;
    private SemaphoreHandle _sem;
    private FifoHandle _fifo;
    private MsgqHandle _msgq;
    private PollSignalHandle _signal;
    private uint _msg;
    private uint _msgqData;
    private uint _rx;
    private ThreadHandle _helper;
    private StackHandle _helperStack;
    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _mem = new TestMemory(_k);
        _sem = _k.DefineSemaphore("wait_sem", 0, 1);
        _fifo = _k.DefineFifo("wait_fifo");
        _msgq = _k.DefineMsgq("wait_msgq", 4, 2);
        _signal = _k.DefinePollSignal("wait_signal");
        _msg = _mem.Words(0, FifoMsgValue);
        _msgqData = _mem.Words(0x12345678);
        _rx = _mem.Alloc(4);
        _helper = _k.DeclareThread("poll_wait_helper");
        _helperStack = _k.DefineStack("poll_wait_helper_stack", StackSize);
        _faults.Clear();
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private uint Events(int count) => _mem.Alloc((uint)count * K_POLL_EVENT_SIZE);

    private uint State(uint events, int i) => PollEventLayout.State(_mem.Read(events + ((uint)i * K_POLL_EVENT_SIZE) + PollEventLayout.BitsOffset));

    private byte Tag(uint events, int i) => PollEventLayout.Tag(_mem.Read(events + ((uint)i * K_POLL_EVENT_SIZE) + PollEventLayout.BitsOffset));

    private void ClearStates(uint events, int count)
    {
        for (int i = 0; i < count; i++)
        {
            uint word = events + ((uint)i * K_POLL_EVENT_SIZE) + PollEventLayout.BitsOffset;
            _mem.Write(word, PollEventLayout.WithState(_mem.Read(word), K_POLL_STATE_NOT_READY));
        }
    }

    private static uint At(uint events, int i) => events + ((uint)i * K_POLL_EVENT_SIZE);

    private void PollWaitHelper(bool useFifo)
    {
        k_sleep(K_MSEC(250));
        k_sem_give(_sem);
        if (useFifo)
        {
            k_fifo_put(_fifo, _msg);
            Assert.That(k_msgq_put(_msgq, _msgqData, K_NO_WAIT), Is.Zero);
        }

        k_poll_signal_raise(_signal, SignalResult);
    }

    private void StartHelper(bool useFifo, int prio) =>
        k_thread_create(_helper, _helperStack, StackSize, (_, _, _) => PollWaitHelper(useFifo), 0, 0, 0, prio, 0, K_NO_WAIT);

    [Test]
    public void test_poll_no_wait()
    {
        ZTest.Run(_k, () =>
        {
            SemaphoreHandle sem = _sem;
            k_sem_init(sem, 1, 1);
            k_fifo_init(_fifo);
            k_poll_signal_init(_signal);
            uint events = Events(3);
            K_POLL_EVENT_INITIALIZER(At(events, 0), K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, sem.Address);
            K_POLL_EVENT_INITIALIZER(At(events, 1), K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _fifo.Address);
            K_POLL_EVENT_INITIALIZER(At(events, 2), K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, _signal.Address);

            k_fifo_put(_fifo, _msg);
            Assert.That(k_poll_signal_raise(_signal, SignalResult), Is.Zero);
            Assert.That(k_poll(events, 3, K_NO_WAIT), Is.Zero);

            Assert.That(State(events, 0), Is.EqualTo(K_POLL_STATE_SEM_AVAILABLE));
            Assert.That(k_sem_take(sem, K_NO_WAIT), Is.Zero);
            Assert.That(State(events, 1), Is.EqualTo(K_POLL_STATE_FIFO_DATA_AVAILABLE));
            uint msgPtr = k_fifo_get(_fifo, K_NO_WAIT);
            Assert.That(msgPtr, Is.EqualTo(_msg));
            Assert.That(_mem.Read(msgPtr + 4), Is.EqualTo(FifoMsgValue));
            Assert.That(State(events, 2), Is.EqualTo(K_POLL_STATE_SIGNALED));
            k_poll_signal_check(_signal, out uint signaled, out int result);
            Assert.That((signaled, result), Is.EqualTo((1u, SignalResult)));

            // Events are not ready any more (the user has to clear them first).
            ClearStates(events, 3);
            k_poll_signal_reset(_signal);
            Assert.That(k_poll(events, 3, K_NO_WAIT), Is.EqualTo(-EAGAIN));
            Assert.That(new[] { State(events, 0), State(events, 1), State(events, 2) }, Is.All.EqualTo(K_POLL_STATE_NOT_READY));
            Assert.That(k_sem_take(sem, K_NO_WAIT), Is.Not.Zero);
            Assert.That(k_fifo_get(_fifo, K_NO_WAIT), Is.Zero);
        });
    }

    [Test]
    public void test_poll_wait()
    {
        ZTest.Run(_k, () =>
        {
            uint events = Events(4);
            K_POLL_EVENT_STATIC_INITIALIZER(At(events, 0), K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address, 10);
            K_POLL_EVENT_STATIC_INITIALIZER(At(events, 1), K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _fifo.Address, 11);
            K_POLL_EVENT_STATIC_INITIALIZER(At(events, 2), K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, _signal.Address, 12);
            K_POLL_EVENT_STATIC_INITIALIZER(At(events, 3), K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _msgq.Address, 13);
            int oldPrio = k_thread_priority_get(k_current_get());
            k_poll_signal_init(_signal);

            // Wait for 4 non-ready events to become ready from a higher priority thread.
            k_thread_priority_set(k_current_get(), MainLowPrio);
            StartHelper(useFifo: true, MainLowPrio - 1);
            int rc = k_poll(events, 4, K_SECONDS(1));
            k_thread_priority_set(k_current_get(), oldPrio);
            Assert.That(rc, Is.Zero);
            Assert.That(State(events, 0), Is.EqualTo(K_POLL_STATE_SEM_AVAILABLE));
            Assert.That(k_sem_take(_sem, K_NO_WAIT), Is.Zero);
            Assert.That(State(events, 1), Is.EqualTo(K_POLL_STATE_FIFO_DATA_AVAILABLE));
            Assert.That(k_fifo_get(_fifo, K_NO_WAIT), Is.EqualTo(_msg));
            Assert.That(State(events, 2), Is.EqualTo(K_POLL_STATE_SIGNALED));
            Assert.That((_k.GetPollSignal(_signal).Signaled, _k.GetPollSignal(_signal).Result), Is.EqualTo((1u, SignalResult)));
            Assert.That(State(events, 3), Is.EqualTo(K_POLL_STATE_MSGQ_DATA_AVAILABLE));
            Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.Read(_rx), Is.EqualTo(0x12345678u));
            Assert.That(new[] { Tag(events, 0), Tag(events, 1), Tag(events, 2), Tag(events, 3) }, Is.EqualTo(new byte[] { 10, 11, 12, 13 }));

            // Nothing is ready: the wait times out after one second, the tags untouched.
            ClearStates(events, 4);
            k_poll_signal_reset(_signal);
            long start = k_uptime_get();
            Assert.That(k_poll(events, 4, K_SECONDS(1)), Is.EqualTo(-EAGAIN));
            Assert.That(k_uptime_get() - start, Is.InRange(1000, 1001));
            Assert.That(new[] { State(events, 0), State(events, 1), State(events, 2), State(events, 3) }, Is.All.EqualTo(K_POLL_STATE_NOT_READY));
            Assert.That(new[] { Tag(events, 0), Tag(events, 1), Tag(events, 2), Tag(events, 3) }, Is.EqualTo(new byte[] { 10, 11, 12, 13 }));

            // Two of the events become ready from a higher priority thread.
            k_thread_priority_set(k_current_get(), MainLowPrio);
            StartHelper(useFifo: false, MainLowPrio - 1);
            rc = k_poll(events, 4, K_SECONDS(1));
            k_thread_priority_set(k_current_get(), oldPrio);
            Assert.That(rc, Is.Zero);
            Assert.That(new[] { State(events, 0), State(events, 1), State(events, 2), State(events, 3) },
                Is.EqualTo(new[] { K_POLL_STATE_SEM_AVAILABLE, K_POLL_STATE_NOT_READY, K_POLL_STATE_SIGNALED, K_POLL_STATE_NOT_READY }));
            Assert.That(k_sem_take(_sem, K_NO_WAIT), Is.Zero);
            Assert.That(k_fifo_get(_fifo, K_NO_WAIT), Is.Zero);

            // Each event becomes ready from a lower priority thread, one at a time.
            ClearStates(events, 4);
            k_poll_signal_reset(_signal);
            StartHelper(useFifo: true, oldPrio + 1);
            uint[] expected = [K_POLL_STATE_SEM_AVAILABLE, K_POLL_STATE_FIFO_DATA_AVAILABLE, K_POLL_STATE_MSGQ_DATA_AVAILABLE, K_POLL_STATE_SIGNALED];
            int[] index = [0, 1, 3, 2];
            for (int step = 0; step < 4; step++)
            {
                Assert.That(k_poll(events, 4, K_SECONDS(1)), Is.Zero, $"step {step}");
                for (int i = 0; i < 4; i++)
                {
                    Assert.That(State(events, i), Is.EqualTo(i == index[step] ? expected[step] : K_POLL_STATE_NOT_READY), $"step {step}, event {i}");
                }

                ClearStates(events, 4);
                switch (step)
                {
                    case 0: Assert.That(k_sem_take(_sem, K_NO_WAIT), Is.Zero); break;
                    case 1: Assert.That(k_fifo_get(_fifo, K_NO_WAIT), Is.EqualTo(_msg)); break;
                    case 2: Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.Zero); break;
                    default: k_poll_signal_reset(_signal); break;
                }
            }
        });
    }

    private void PollCancel(bool mainLowPrio)
    {
        FifoHandle cancelFifo = _k.DefineFifo("cancel_fifo");
        FifoHandle nonCancelFifo = _k.DefineFifo("non_cancel_fifo");
        ZTest.Run(_k, () =>
        {
            uint events = Events(3);
            K_POLL_EVENT_INITIALIZER(At(events, 0), K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, cancelFifo.Address);
            K_POLL_EVENT_INITIALIZER(At(events, 1), K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, nonCancelFifo.Address);
            K_POLL_EVENT_INITIALIZER(At(events, 2), K_POLL_TYPE_IGNORE, K_POLL_MODE_NOTIFY_ONLY, 0);
            int oldPrio = k_thread_priority_get(k_current_get());
            if (mainLowPrio)
            {
                k_thread_priority_set(k_current_get(), MainLowPrio);
            }

            k_thread_create(_helper, _helperStack, StackSize, (_, _, _) =>
            {
                k_sleep(K_MSEC(100));
                k_fifo_cancel_wait(cancelFifo);
                k_fifo_put(nonCancelFifo, _msg);
            }, 0, 0, 0, MainLowPrio - 1, 0, K_NO_WAIT);
            int rc = k_poll(events, 3, K_FOREVER);
            k_thread_priority_set(k_current_get(), oldPrio);
            Assert.That(rc, Is.EqualTo(-EINTR));
            Assert.That(State(events, 0), Is.EqualTo(K_POLL_STATE_CANCELLED));
            Assert.That(State(events, 1), Is.EqualTo(mainLowPrio ? K_POLL_STATE_FIFO_DATA_AVAILABLE : K_POLL_STATE_NOT_READY),
                "a poller of lower priority than the objects' users sees every event that fired before it ran");
            Assert.That(State(events, 2), Is.EqualTo(K_POLL_STATE_NOT_READY));
            k_thread_abort(_helper);
        });
    }

    [Test]
    public void test_poll_cancel_main_low_prio() => PollCancel(mainLowPrio: true);

    [Test]
    public void test_poll_cancel_main_high_prio() => PollCancel(mainLowPrio: false);

    [Test]
    public void test_poll_multi()
    {
        SemaphoreHandle multiSem = _k.DefineSemaphore("multi_sem", 0, 1);
        SemaphoreHandle multiReply = _k.DefineSemaphore("multi_reply", 0, 1);
        SemaphoreHandle multiReady = _k.DefineSemaphore("multi_ready_sem", 1, 1);
        ZTest.Run(_k, () =>
        {
            uint events = Events(2);
            K_POLL_EVENT_INITIALIZER(At(events, 0), K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, multiSem.Address);
            K_POLL_EVENT_INITIALIZER(At(events, 1), K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, multiReady.Address);
            int oldPrio = k_thread_priority_get(k_current_get());
            k_thread_priority_set(k_current_get(), MainLowPrio);
            k_thread_create(_helper, _helperStack, StackSize, (_, _, _) =>
            {
                uint ev = Events(1);
                k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, multiSem.Address);
                _ = k_poll(ev, 1, K_FOREVER);
                _ = k_sem_take(multiSem, K_FOREVER);
                k_sem_give(multiReply);
            }, 0, 0, 0, MainLowPrio - 1, 0, K_NO_WAIT);
            int rc = k_poll(events, 2, K_SECONDS(1));
            k_thread_priority_set(k_current_get(), oldPrio);
            Assert.That(rc, Is.Zero);
            Assert.That(State(events, 0), Is.EqualTo(K_POLL_STATE_NOT_READY));
            Assert.That(State(events, 1), Is.EqualTo(K_POLL_STATE_SEM_AVAILABLE));

            // Free the other poller, ensuring it woke from k_poll and got the semaphore.
            k_sem_give(multiSem);
            Assert.That(k_sem_take(multiReply, K_SECONDS(1)), Is.Zero);
        });
    }

    [Test]
    public void test_poll_threadstate()
    {
        ZTest.Run(_k, () =>
        {
            uint ev = Events(1);
            k_poll_signal_init(_signal);
            k_poll_event_init(ev, K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, _signal.Address);
            ThreadHandle ztid = k_current_get();
            bool sawPending = false;
            k_thread_create(_helper, _helperStack, StackSize, (_, _, _) =>
            {
                sawPending = (_k.GetThread(ztid).States & ThreadStates.Pending) != 0;
                k_thread_suspend(ztid);
                k_poll_signal_raise(_signal, SignalResult);
                k_thread_resume(ztid);
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            Assert.That(k_poll(ev, 1, K_FOREVER), Is.Zero);
            Assert.That(sawPending, Is.True, "the poller is pending while it waits");
            Assert.That(State(ev, 0), Is.EqualTo(K_POLL_STATE_SIGNALED));
        });
    }

    [Test]
    public void test_poll_zero_events()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_init(_sem, 1, 1);
            uint ev = Events(1);
            k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            long start = k_uptime_get();
            Assert.That(k_poll(ev, 0, K_MSEC(50)), Is.EqualTo(-EAGAIN));
            Assert.That(k_uptime_get() - start, Is.InRange(50, 51));
            Assert.That(k_poll(ev, 0, K_NO_WAIT), Is.EqualTo(-EAGAIN));
        });
    }

    [Test]
    public void test_poll_wake_order_one_notification_per_give()
    {
        var woke = new List<string>();
        ZTest.Run(_k, () =>
        {
            ThreadHandle low = _k.DeclareThread("low");
            for (int i = 0; i < 2; i++)
            {
                string name = i == 0 ? "low" : "high";
                k_thread_create(i == 0 ? low : _helper, i == 0 ? _k.DefineStack("low_stack", StackSize) : _helperStack, StackSize, (_, _, _) =>
                {
                    uint ev = Events(1);
                    k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
                    int rc = k_poll(ev, 1, K_MSEC(100));
                    woke.Add($"{name}:{rc}:{State(ev, 0)}@{k_uptime_get()}");
                }, 0, 0, 0, i == 0 ? 5 : 3, 0, K_NO_WAIT);
            }

            k_sleep(K_MSEC(10));
            Assert.That(_k.GetSemaphore(_sem).PollEvents.Count, Is.EqualTo(2));
            k_sem_give(_sem);
            k_sleep(K_MSEC(200));
            Assert.That(_k.GetSemaphore(_sem).PollEvents.Count, Is.Zero, "every registration was cleared");
        });
        Assert.That(woke, Is.EqualTo(new[] { $"high:0:{K_POLL_STATE_SEM_AVAILABLE}@10", "low:-11:0@100" }));
    }

    [Test]
    public void test_poll_sem_waiter_takes_precedence()
    {
        ZTest.Run(_k, () =>
        {
            int takeRc = 1;
            k_thread_create(_helper, _helperStack, StackSize, (_, _, _) => takeRc = k_sem_take(_sem, K_FOREVER), 0, 0, 0, 5, 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            uint ev = Events(1);
            k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            k_thread_create(_k.DeclareThread("giver"), _k.DefineStack("giver_stack", StackSize), StackSize, (_, _, _) => k_sem_give(_sem), 0, 0, 0, 6, 0, K_MSEC(5));
            Assert.That(k_poll(ev, 1, K_MSEC(20)), Is.EqualTo(-EAGAIN), "the give went to the thread in k_sem_take");
            Assert.That(takeRc, Is.Zero);
            Assert.That(State(ev, 0), Is.EqualTo(K_POLL_STATE_NOT_READY));
        });
    }

    [Test]
    public void test_poll_signal_raise_from_isr()
    {
        ZTest.Run(_k, () =>
        {
            uint ev = Events(1);
            k_poll_event_init(ev, K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, _signal.Address);
            TimerHandle timer = _k.DefineTimer("raiser", (_) => Assert.That(k_poll_signal_raise(_signal, 7), Is.Zero), null);
            k_timer_start(timer, K_MSEC(30), K_NO_WAIT);
            long start = k_uptime_get();
            Assert.That(k_poll(ev, 1, K_FOREVER), Is.Zero);
            Assert.That(k_uptime_get() - start, Is.InRange(30, 31));
            k_poll_signal_check(_signal, out uint signaled, out int result);
            Assert.That((signaled, result, State(ev, 0)), Is.EqualTo((1u, 7, K_POLL_STATE_SIGNALED)));
        });
    }

    [Test]
    public void test_poll_in_isr_never_waits()
    {
        ZTest.Run(_k, () =>
        {
            uint ev = Events(1);
            k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            int first = 1, second = 1;
            irq_offload(_ => first = k_poll(ev, 1, K_FOREVER), 0);
            k_sem_give(_sem);
            irq_offload(_ => second = k_poll(ev, 1, K_FOREVER), 0);
            Assert.That((first, second), Is.EqualTo((-EAGAIN, 0)));
            Assert.That(State(ev, 0), Is.EqualTo(K_POLL_STATE_SEM_AVAILABLE));
        });
    }

    [Test]
    public void test_poll_aborted_poller_registration_is_skipped()
    {
        ZTest.Run(_k, () =>
        {
            k_thread_create(_helper, _helperStack, StackSize, (_, _, _) =>
            {
                uint ev = Events(1);
                k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
                _ = k_poll(ev, 1, K_FOREVER);
                Assert.Fail("the aborted poller never returns");
            }, 0, 0, 0, K_PRIO_COOP(1), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            k_thread_abort(_helper);
            uint mine = Events(1);
            k_poll_event_init(mine, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            k_thread_create(_k.DeclareThread("giver"), _k.DefineStack("giver_stack", StackSize), StackSize, (_, _, _) => k_sem_give(_sem), 0, 0, 0, 6, 0, K_MSEC(5));
            Assert.That(k_poll(mine, 1, K_MSEC(50)), Is.Zero, "the dead poller's registration does not swallow the notification");
            Assert.That(State(mine, 0), Is.EqualTo(K_POLL_STATE_SEM_AVAILABLE));
        });
    }

    [Test]
    public void test_poll_bad_input_returns_einval()
    {
        ZTest.Run(_k, () =>
        {
            uint ev = Events(2);
            K_POLL_EVENT_INITIALIZER(At(ev, 0), K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            Assert.That(k_poll(ev, -1, K_NO_WAIT), Is.EqualTo(-EINVAL), "negative count");
            K_POLL_EVENT_INITIALIZER(At(ev, 1), 0x20, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            Assert.That(k_poll(ev, 2, K_FOREVER), Is.EqualTo(-EINVAL), "unknown type");
            K_POLL_EVENT_INITIALIZER(At(ev, 1), K_POLL_TYPE_PIPE_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            Assert.That(k_poll(ev, 2, K_FOREVER), Is.EqualTo(-EINVAL), "pipes are not pollable in Bora");
            K_POLL_EVENT_INITIALIZER(At(ev, 1), K_POLL_TYPE_SEM_AVAILABLE, 1, _sem.Address);
            Assert.That(k_poll(ev, 2, K_FOREVER), Is.EqualTo(-EINVAL), "mode other than NOTIFY_ONLY");
            Assert.That(_k.GetSemaphore(_sem).PollEvents.Count, Is.Zero, "nothing was registered");
        });
    }

    [Test]
    public void test_poll_wrong_object_is_oops()
    {
        _k.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
        bool after = false;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_helper, _helperStack, StackSize, (_, _, _) =>
            {
                uint ev = Events(1);
                k_poll_event_init(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _fifo.Address);
                _ = k_poll(ev, 1, K_NO_WAIT);
                after = true;
            }, 0, 0, 0, K_PRIO_COOP(1), 0, K_NO_WAIT);
            k_thread_create(_k.DeclareThread("init_null"), _k.DefineStack("init_null_stack", StackSize), StackSize, (_, _, _) =>
            {
                k_poll_event_init(Events(1), K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, 0);
                after = true;
            }, 0, 0, 0, K_PRIO_COOP(1), 0, K_NO_WAIT);
            k_msleep(10);
        });
        Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS, K_ERR_KERNEL_OOPS }));
        Assert.That(_faults[0].Report.ToString(), Does.Contain("k_sem"));
        Assert.That(_faults[1].Report.ToString(), Does.Contain("k_poll_event_init"));
        Assert.That(after, Is.False);
    }

    [Test]
    public void test_poll_event_layout_and_constants()
    {
        Assert.That(new[] { K_POLL_TYPE_IGNORE, K_POLL_TYPE_SIGNAL, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_TYPE_DATA_AVAILABLE, K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_TYPE_PIPE_DATA_AVAILABLE },
            Is.EqualTo(new uint[] { 0, 1, 2, 4, 8, 16 }));
        Assert.That(new[] { K_POLL_STATE_NOT_READY, K_POLL_STATE_SIGNALED, K_POLL_STATE_SEM_AVAILABLE, K_POLL_STATE_DATA_AVAILABLE, K_POLL_STATE_CANCELLED, K_POLL_STATE_MSGQ_DATA_AVAILABLE },
            Is.EqualTo(new uint[] { 0, 1, 2, 4, 8, 16 }));
        Assert.That((EINTR, K_POLL_EVENT_SIZE, KObjectSizes.PollSignal), Is.EqualTo((4, 20u, 16u)));
        ZTest.Run(_k, () =>
        {
            k_sem_init(_sem, 1, 1);
            uint ev = Events(1);
            K_POLL_EVENT_STATIC_INITIALIZER(ev, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address, 0xAB);
            Assert.That(_mem.Read(ev + 12), Is.EqualTo(0xABu | (2u << 8)), "tag:8, then type:6");
            Assert.That(_mem.Read(ev + 16), Is.EqualTo(_sem.Address), "the object pointer follows the bit-field word");
            Assert.That(k_poll(ev, 1, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.Read(ev + 12), Is.EqualTo(0xABu | (2u << 8) | (2u << 14)), "state:7 starts at bit 14");
        });
    }
}
