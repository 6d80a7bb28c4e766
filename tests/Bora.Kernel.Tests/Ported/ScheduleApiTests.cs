namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/sched/schedule_api.</summary>
public sealed class ScheduleApiTests
{
    private const int ThreadsNum = 3;
    private const uint StackSize = 1024;
    private BoraKernel _k = null!;
    private readonly ThreadHandle[] _tids = new ThreadHandle[ThreadsNum];
    private readonly StackHandle[] _stacks = new StackHandle[ThreadsNum];
    private readonly int[] _executed = new int[ThreadsNum];
    private int _initPrio;
    private ThreadHandle _tdata;
    private StackHandle _tstack;
    private int _lastPrio;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        Array.Clear(_executed);
        for (int i = 0; i < ThreadsNum; i++)
        {
            _tids[i] = _k.DeclareThread($"tdata_{i}");
            _stacks[i] = _k.DefineStack($"tstacks_{i}", StackSize);
        }

        _tdata = _k.DeclareThread("tdata");
        _tstack = _k.DefineStack("tstack", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    /// <summary>spawn_threads: priorities init_prio - 1, init_prio, init_prio + 1; each entry marks itself executed.</summary>
    private void SpawnThreads(int sleepMs)
    {
        for (int i = 0; i < ThreadsNum; i++)
        {
            int index = i;
            k_thread_create(_tids[i], _stacks[i], StackSize, (_, _, _) =>
            {
                if (sleepMs > 0)
                {
                    k_msleep(sleepMs);
                }

                _executed[index] = 1;
            }, 0, 0, 0, _initPrio + i - 1, 0, K_NO_WAIT);
        }
    }

    private void TeardownThreads()
    {
        for (int i = 0; i < ThreadsNum; i++)
        {
            k_thread_abort(_tids[i]);
        }
    }

    [Test]
    public void test_priority_cooperative()
    {
        ZTest.Run(_k, () =>
        {
            _lastPrio = -1;
            k_thread_priority_set(k_current_get(), -1);
            int spawnPrio = _lastPrio - 1;
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => _lastPrio = k_thread_priority_get(k_current_get()), 0, 0, 0, spawnPrio, 0, K_NO_WAIT);
            Assert.That(_lastPrio, Is.EqualTo(k_thread_priority_get(k_current_get())), "a cooperative thread is not preempted by a more urgent one");
            k_sleep(K_MSEC(100));
            Assert.That(_lastPrio, Is.EqualTo(spawnPrio));
            k_thread_abort(tid);
        });
    }

    [Test]
    public void test_priority_preemptible()
    {
        ZTest.Run(_k, () =>
        {
            _lastPrio = 2;
            k_thread_priority_set(k_current_get(), 2);
            int spawnPrio = _lastPrio - 1;
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => _lastPrio = k_thread_priority_get(k_current_get()), 0, 0, 0, spawnPrio, 0, K_NO_WAIT);
            Assert.That(_lastPrio, Is.EqualTo(spawnPrio), "a more urgent thread preempts at once");
            k_thread_abort(tid);
            spawnPrio = _lastPrio + 1;
            tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => _lastPrio = k_thread_priority_get(k_current_get()), 0, 0, 0, spawnPrio, 0, K_NO_WAIT);
            Assert.That(_lastPrio, Is.EqualTo(1), "a less urgent thread does not");
            k_thread_abort(tid);
        }, priority: 2);
    }

    [Test]
    public void test_yield_cooperative()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = -1;
            k_thread_priority_set(k_current_get(), _initPrio);
            SpawnThreads(0);
            k_yield();
            Assert.That(_executed, Is.EqualTo(new[] { 1, 1, 0 }), "yield lets the more urgent and the equal thread run, not the less urgent one");
            TeardownThreads();
        });
    }

    [Test]
    public void test_sleep_cooperative()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = -1;
            k_thread_priority_set(k_current_get(), _initPrio);
            SpawnThreads(0);
            k_sleep(K_MSEC(100));
            Assert.That(_executed, Is.EqualTo(new[] { 1, 1, 1 }));
            TeardownThreads();
        });
    }

    [Test]
    public void test_busy_wait_cooperative()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = -1;
            k_thread_priority_set(k_current_get(), _initPrio);
            SpawnThreads(0);
            k_busy_wait(100_000);
            Assert.That(_executed, Is.EqualTo(new[] { 0, 0, 0 }), "busy waiting does not give up a cooperative CPU");
            TeardownThreads();
        });
    }

    [Test]
    public void test_sleep_wakeup_preemptible()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = 0;
            SpawnThreads(10_000);
            k_sleep(K_MSEC(1));
            k_wakeup(_tids[0]);
            Assert.That(_executed[0], Is.EqualTo(1), "the woken, more urgent thread ran at once");
            TeardownThreads();
        }, priority: 0);
    }

    [Test]
    public void test_pending_thread_wakeup()
    {
        SemaphoreHandle sem = _k.DefineSemaphore("end_sema", 0, 1);
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ret = k_sem_take(sem, K_MSEC(300)), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            k_wakeup(tid);
            k_sleep(K_MSEC(10));
            Assert.That(ret, Is.EqualTo(1), "k_wakeup leaves a pending thread alone");
            k_sleep(K_MSEC(400));
            Assert.That(ret, Is.EqualTo(-EAGAIN));
        }, priority: 1);
    }

    [Test]
    public void test_time_slicing_preemptible()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = 0;
            k_thread_priority_set(k_current_get(), _initPrio);
            k_sched_time_slice_set(200, 0);
            SpawnThreads(0);
            Assert.That(_executed[0], Is.EqualTo(1), "the more urgent thread runs at once");
            k_busy_wait(500_000);
            Assert.That(_executed[1], Is.EqualTo(1), "the equal thread runs when the slice expires");
            Assert.That(_executed[2], Is.Zero);
            k_sched_time_slice_set(0, 0);
            TeardownThreads();
        }, priority: 0);
    }

    [Test]
    public void test_time_slicing_disable_preemptible()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = 0;
            k_thread_priority_set(k_current_get(), _initPrio);
            SpawnThreads(0);
            Assert.That(_executed[0], Is.EqualTo(1));
            k_busy_wait(500_000);
            Assert.That(_executed[1], Is.Zero, "without time slicing the equal thread waits");
            Assert.That(_executed[2], Is.Zero);
            TeardownThreads();
        }, priority: 0);
    }

    [Test]
    public void test_lock_preemptible()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = 0;
            k_thread_priority_set(k_current_get(), _initPrio);
            k_sched_lock();
            SpawnThreads(0);
            k_busy_wait(100_000);
            Assert.That(_executed, Is.EqualTo(new[] { 0, 0, 0 }), "the scheduler lock keeps every thread out");
            k_sched_unlock();
            TeardownThreads();
        }, priority: 0);
    }

    [Test]
    public void test_unlock_preemptible()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = 0;
            k_thread_priority_set(k_current_get(), _initPrio);
            k_sched_lock();
            SpawnThreads(0);
            k_busy_wait(100_000);
            k_sched_unlock();
            Assert.That(_executed[0], Is.EqualTo(1), "the more urgent thread runs at the unlock");
            Assert.That(_executed[1], Is.Zero);
            Assert.That(_executed[2], Is.Zero);
            TeardownThreads();
        }, priority: 0);
    }

    [Test]
    public void test_unlock_nested_sched_lock()
    {
        ZTest.Run(_k, () =>
        {
            _initPrio = 0;
            k_thread_priority_set(k_current_get(), _initPrio);
            k_sched_lock();
            k_sched_lock();
            SpawnThreads(0);
            k_sched_unlock();
            k_busy_wait(100_000);
            Assert.That(_executed[0], Is.Zero, "still locked once");
            k_sched_unlock();
            Assert.That(_executed[0], Is.EqualTo(1));
            TeardownThreads();
        }, priority: 0);
    }

    [Test]
    public void test_sched_is_preempt_thread()
    {
        var seen = new List<bool>();
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                seen.Add(k_is_preempt_thread());
                k_sched_lock();
                seen.Add(k_is_preempt_thread());
                k_sched_unlock();
            }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            k_thread_create(_tids[0], _stacks[0], StackSize, (_, _, _) => seen.Add(k_is_preempt_thread()), 0, 0, 0, K_PRIO_COOP(1), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            irq_offload(_ => seen.Add(k_is_preempt_thread()), 0);
        });
        Assert.That(seen, Is.EqualTo(new[] { true, false, false, false }));
    }

    [Test]
    public void test_priority_scheduling()
    {
        var order = new List<int>();
        int[] prios = [5, 2, 8, 2, 0];
        ZTest.Run(_k, () =>
        {
            k_sched_lock();
            for (int i = 0; i < prios.Length; i++)
            {
                int index = i;
                k_thread_create(_k.DeclareThread($"t{i}"), _k.DefineStack($"s{i}", StackSize), StackSize, (_, _, _) => order.Add(index), 0, 0, 0, prios[i], 0, K_NO_WAIT);
            }

            k_sched_unlock();
            k_sleep(K_MSEC(10));
        });
        Assert.That(order, Is.EqualTo(new[] { 4, 1, 3, 0, 2 }), "most urgent first, FIFO among equals");
    }

    [Test]
    public void test_slice_scheduling()
    {
        var order = new List<int>();
        ZTest.Run(_k, () =>
        {
            k_sched_time_slice_set(10, 0);
            for (int i = 0; i < ThreadsNum; i++)
            {
                int index = i;
                k_thread_create(_tids[i], _stacks[i], StackSize, (_, _, _) =>
                {
                    for (int round = 0; round < 2; round++)
                    {
                        order.Add(index);
                        k_busy_wait(10_000 + 500);
                    }
                }, 0, 0, 0, K_PRIO_PREEMPT(3), 0, K_NO_WAIT);
            }

            k_sleep(K_MSEC(200));
            k_sched_time_slice_set(0, 0);
        });
        Assert.That(order, Is.EqualTo(new[] { 0, 1, 2, 0, 1, 2 }), "equal-priority threads take turns every slice");
    }

    [Test]
    public void test_time_slice_spares_more_urgent_than_max_prio()
    {
        var order = new List<int>();
        ZTest.Run(_k, () =>
        {
            k_sched_time_slice_set(10, 3);
            for (int i = 0; i < 2; i++)
            {
                int index = i;
                k_thread_create(_tids[i], _stacks[i], StackSize, (_, _, _) =>
                {
                    order.Add(index);
                    k_busy_wait(30_000);
                    order.Add(index);
                }, 0, 0, 0, K_PRIO_PREEMPT(2), 0, K_NO_WAIT);
            }

            k_sleep(K_MSEC(200));
            k_sched_time_slice_set(0, 0);
        });
        Assert.That(order, Is.EqualTo(new[] { 0, 0, 1, 1 }), "priority 2 is more urgent than the slice's priority 3, so it is not sliced");
    }
}
