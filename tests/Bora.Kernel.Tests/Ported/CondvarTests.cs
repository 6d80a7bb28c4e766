namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/condvar/condvar_api.</summary>
public sealed class CondvarTests
{
    private const uint StackSize = 1024;
    private const int PrioWait = 1;
    private const int PrioWake = 2;

    private BoraKernel _k = null!;
    private CondvarHandle _cv;
    private MutexHandle _mutex;
    private ThreadHandle _waitTid;
    private ThreadHandle _wakeTid;
    private StackHandle _stack1;
    private StackHandle _stack2;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _cv = _k.DefineCondvar("simple_condvar");
        _mutex = _k.DefineMutex("test_mutex");
        _waitTid = _k.DeclareThread("condvar_tid");
        _wakeTid = _k.DeclareThread("condvar_wake_tid");
        _stack1 = _k.DefineStack("stack_1", StackSize);
        _stack2 = _k.DefineStack("stack_2", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private int WaitHoldingMutex(KTimeout timeout, out bool ownerAfter)
    {
        Assert.That(k_mutex_lock(_mutex, K_FOREVER), Is.Zero);
        int ret = k_condvar_wait(_cv, _mutex, timeout);
        ownerAfter = _k.GetMutex(_mutex).Owner?.Handle == k_current_get();
        Assert.That(k_mutex_unlock(_mutex), Is.Zero, "the mutex is held again when k_condvar_wait returns");
        return ret;
    }

    [Test]
    public void test_condvar_wait_forever_wake()
    {
        int ret = 1;
        int woken = -1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_waitTid, _stack1, StackSize, (_, _, _) => ret = WaitHoldingMutex(K_FOREVER, out _), 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            k_sleep(K_MSEC(50));
            Assert.That(_k.GetCondvar(_cv).WaiterCount, Is.EqualTo(1));
            Assert.That(_k.GetMutex(_mutex).Owner, Is.Null, "the waiter released the mutex while waiting");
            woken = k_condvar_signal(_cv);
            k_sleep(K_MSEC(10));
        });
        Assert.That((ret, woken), Is.EqualTo((0, 0)));
    }

    [Test]
    public void test_condvar_wait_timeout_wake()
    {
        int ret = 1;
        long wokeAt = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_waitTid, _stack1, StackSize, (_, _, _) =>
            {
                ret = WaitHoldingMutex(K_MSEC(100), out _);
                wokeAt = k_uptime_get();
            }, 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            k_thread_create(_wakeTid, _stack2, StackSize, (_, _, _) =>
            {
                k_sleep(K_MSEC(30));
                k_condvar_signal(_cv);
            }, 0, 0, 0, PrioWake, 0, K_NO_WAIT);
            k_sleep(K_MSEC(200));
        });
        Assert.That(ret, Is.Zero);
        Assert.That(wokeAt, Is.InRange(30, 31), "woken by the signal at 30 ms, not by the 100 ms timeout");
    }

    [Test]
    public void test_condvar_wait_timeout()
    {
        int ret = 1;
        bool owner = false;
        long start = 0, end = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_waitTid, _stack1, StackSize, (_, _, _) =>
            {
                start = k_uptime_ticks();
                ret = WaitHoldingMutex(K_MSEC(50), out owner);
                end = k_uptime_ticks();
            }, 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            k_sleep(K_MSEC(100));
        });
        Assert.That(ret, Is.EqualTo(-EAGAIN));
        Assert.That(owner, Is.True, "the mutex is re-acquired even after a timeout");
        Assert.That(end - start, Is.InRange(501, 502), "50 ms = 500 ticks, expiring at the pend tick + 501 (z_add_timeout's +1; the pend may fall one tick after the start)");
    }

    [Test]
    public void test_condvar_wait_forever()
    {
        int joined = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_waitTid, _stack1, StackSize, (_, _, _) => WaitHoldingMutex(K_FOREVER, out _), 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            joined = k_thread_join(_waitTid, K_MSEC(100));
            k_thread_abort(_waitTid);
        });
        Assert.That(joined, Is.EqualTo(-EAGAIN), "nobody signals, so the waiter stays blocked");
    }

    [Test]
    public void test_condvar_wait_nowait()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(_mutex, K_FOREVER), Is.Zero);
            ulong before = _k.Cycles;
            ret = k_condvar_wait(_cv, _mutex, K_NO_WAIT);
            Assert.That(_k.GetMutex(_mutex).Owner?.Handle, Is.EqualTo(k_current_get()), "K_NO_WAIT leaves the mutex locked");
            Assert.That(_k.GetMutex(_mutex).LockCount, Is.EqualTo(1u));
            Assert.That(_k.Cycles - before, Is.LessThan(1000UL), "it did not block");
            k_mutex_unlock(_mutex);
        });
        Assert.That(ret, Is.EqualTo(-EAGAIN));
    }

    [Test]
    public void test_condvar_nowait_returns_eagain()
    {
        int ret = 1;
        int signalled = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_waitTid, _stack1, StackSize, (_, _, _) => ret = WaitHoldingMutex(K_NO_WAIT, out _), 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            signalled = k_condvar_signal(_cv);
        });
        Assert.That((ret, signalled), Is.EqualTo((-EAGAIN, 0)));
        Assert.That(_k.GetCondvar(_cv).WaiterCount, Is.Zero);
    }

    [Test]
    public void test_condvar_wait_forever_wake_from_isr()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_waitTid, _stack1, StackSize, (_, _, _) => ret = WaitHoldingMutex(K_FOREVER, out _), 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            k_sleep(K_MSEC(50));
            irq_offload(_ => Assert.That(k_condvar_signal(_cv), Is.Zero), 0);
            k_sleep(K_MSEC(10));
        });
        Assert.That(ret, Is.Zero);
    }

    [Test]
    public void test_condvar_multiple_threads_wait_wake()
    {
        const int Total = 3;
        var results = new int[Total];
        var order = new List<int>();
        ThreadHandle[] tids = [.. Enumerable.Range(0, Total).Select(i => _k.DeclareThread($"multiple_tid_{i}"))];
        StackHandle[] stacks = [.. Enumerable.Range(0, Total).Select(i => _k.DefineStack($"multiple_stack_{i}", StackSize))];
        ZTest.Run(_k, () =>
        {
            for (int i = 0; i < Total; i++)
            {
                int index = i;
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    results[index] = WaitHoldingMutex(K_FOREVER, out _);
                    order.Add(index);
                }, 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            }

            k_sleep(K_MSEC(10));
            Assert.That(_k.GetCondvar(_cv).WaiterCount, Is.EqualTo(Total));
            for (int i = 0; i < Total; i++)
            {
                Assert.That(k_condvar_signal(_cv), Is.Zero);
                k_sleep(K_MSEC(1));
                Assert.That(order, Has.Count.EqualTo(i + 1), "one signal wakes one waiter");
            }
        });
        Assert.That(results, Is.All.Zero);
        Assert.That(order, Is.EqualTo(new[] { 0, 1, 2 }), "equal priorities wake in FIFO order");
    }

    [Test]
    public void test_multiple_condvar_wait_wake()
    {
        const int Total = 4;
        int woken = -1;
        var results = new int[Total];
        ThreadHandle[] tids = [.. Enumerable.Range(0, Total).Select(i => _k.DeclareThread($"multiple_tid_{i}"))];
        StackHandle[] stacks = [.. Enumerable.Range(0, Total).Select(i => _k.DefineStack($"multiple_stack_{i}", StackSize))];
        ZTest.Run(_k, () =>
        {
            for (int i = 0; i < Total; i++)
            {
                int index = i;
                results[i] = 1;
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) => results[index] = WaitHoldingMutex(K_FOREVER, out _), 0, 0, 0, PrioWait, 0, K_NO_WAIT);
            }

            k_sleep(K_MSEC(10));
            woken = k_condvar_broadcast(_cv);
            k_sleep(K_MSEC(10));
            Assert.That(k_condvar_broadcast(_cv), Is.Zero, "nobody is left waiting");
        });
        Assert.That(woken, Is.EqualTo(Total));
        Assert.That(results, Is.All.Zero);
    }

    [Test]
    public void test_condvar_wake_order_priority_then_fifo()
    {
        var order = new List<string>();
        (string Name, int Prio)[] waiters = [("low_a", 5), ("high", 2), ("low_b", 5), ("mid", 3)];
        ThreadHandle[] tids = [.. waiters.Select(w => _k.DeclareThread(w.Name))];
        StackHandle[] stacks = [.. waiters.Select(w => _k.DefineStack(w.Name + "_stack", StackSize))];
        ZTest.Run(_k, () =>
        {
            for (int i = 0; i < waiters.Length; i++)
            {
                string name = waiters[i].Name;
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    WaitHoldingMutex(K_FOREVER, out _);
                    order.Add(name);
                }, 0, 0, 0, waiters[i].Prio, 0, K_NO_WAIT);
                k_sleep(K_MSEC(1));
            }

            for (int i = 0; i < waiters.Length; i++)
            {
                k_condvar_signal(_cv);
                k_sleep(K_MSEC(1));
            }
        });
        Assert.That(order, Is.EqualTo(new[] { "high", "mid", "low_a", "low_b" }));
    }

    [Test]
    public void test_condvar_wait_from_isr_returns_eagain()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(_mutex, K_FOREVER), Is.Zero);
            irq_offload(_ => ret = k_condvar_wait(_cv, _mutex, K_FOREVER), 0);
            Assert.That(_k.GetMutex(_mutex).Owner?.Handle, Is.EqualTo(k_current_get()), "the ISR's failed wait left the mutex alone");
            k_mutex_unlock(_mutex);
        });
        Assert.That(ret, Is.EqualTo(-EAGAIN), "an ISR cannot wait: Bora treats the timeout as K_NO_WAIT");
        Assert.That(_k.GetCondvar(_cv).WaiterCount, Is.Zero);
    }
}
