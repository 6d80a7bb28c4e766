namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/mutex/mutex, mutex_api and mutex_error_case.</summary>
public sealed class MutexTests
{
    private const uint StackSize = 1024;
    private BoraKernel _k = null!;

    [SetUp]
    public void SetUp() => _k = ZTest.Create();

    [TearDown]
    public void TearDown() => _k.Dispose();

    private ThreadHandle Spawn(string name, ThreadEntry entry, int prio, KTimeout? delay = null) =>
        k_thread_create(_k.DeclareThread(name), _k.DefineStack(name + "_stack", StackSize), StackSize, entry, 0, 0, 0, prio, 0, delay ?? K_NO_WAIT);

    /// <summary>tests/kernel/mutex/mutex: the priority inheritance timeline, with inheritance unwinding on timeouts and unlocks.</summary>
    [Test]
    public void test_mutex()
    {
        MutexHandle privateMutex = _k.DefineMutex("private_mutex");
        MutexHandle[] mutexes = [_k.DefineMutex("mutex_1"), _k.DefineMutex("mutex_2"), _k.DefineMutex("mutex_3"), _k.DefineMutex("mutex_4")];
        var failures = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add(what);
            }
        }

        _k.CreateThread("thread_05", (_, _, _) =>
        {
            k_sleep(K_MSEC(3500));
            Check(k_mutex_lock(mutexes[3], K_SECONDS(1)) == -EAGAIN, "thread_05 should time out on mutex_4");
        }, 5, 512);
        _k.CreateThread("thread_06", (_, _, _) =>
        {
            k_sleep(K_MSEC(3750));
            Check(k_mutex_lock(mutexes[3], K_SECONDS(2)) == 0, "thread_06 should get mutex_4");
            k_mutex_unlock(mutexes[3]);
        }, 6, 512);
        _k.CreateThread("thread_07", (_, _, _) =>
        {
            k_sleep(K_MSEC(2500));
            Check(k_mutex_lock(mutexes[2], K_SECONDS(3)) == -EAGAIN, "thread_07 should time out on mutex_3");
        }, 7, 512);
        _k.CreateThread("thread_08", (_, _, _) =>
        {
            k_sleep(K_MSEC(1500));
            Check(k_mutex_lock(mutexes[1], K_FOREVER) == 0, "thread_08 should get mutex_2");
            k_mutex_unlock(mutexes[1]);
        }, 8, 512);
        _k.CreateThread("thread_09", (_, _, _) =>
        {
            k_sleep(K_MSEC(500));
            Check(k_mutex_lock(mutexes[0], K_NO_WAIT) == -EBUSY, "mutex_1 is locked");
            Check(k_mutex_lock(mutexes[0], K_FOREVER) == 0, "thread_09 should get mutex_1");
            k_mutex_unlock(mutexes[0]);
        }, 9, 512);
        _k.CreateThread("thread_11", (_, _, _) =>
        {
            k_sleep(K_MSEC(3500));
            Check(k_mutex_lock(mutexes[2], K_FOREVER) == 0, "thread_11 should get mutex_3");
            k_mutex_unlock(mutexes[2]);
        }, 11, 512);
        ThreadHandle thread12 = _k.DeclareThread("thread_12");
        StackHandle thread12Stack = _k.DefineStack("thread_12_stack_area", 512);

        ZTest.Run(_k, () =>
        {
            k_thread_priority_set(k_current_get(), 10);
            int[] priority = [9, 8, 7, 5];
            for (int i = 0; i < 4; i++)
            {
                Assert.That(k_mutex_lock(mutexes[i], K_NO_WAIT), Is.Zero);
                k_sleep(K_SECONDS(1));
                Assert.That(k_thread_priority_get(k_current_get()), Is.EqualTo(priority[i]), $"after locking mutex_{i + 1}");
            }

            k_sleep(K_SECONDS(1));
            Assert.That(k_thread_priority_get(k_current_get()), Is.EqualTo(6), "thread_05 timed out: the priority drops to the next waiter's");
            k_mutex_unlock(mutexes[3]);
            Assert.That(k_thread_priority_get(k_current_get()), Is.EqualTo(7), "gave mutex_4: back to the priority held when it was taken");
            k_sleep(K_SECONDS(1));
            int[] droppri = [8, 8, 9];
            MutexHandle[] give = [mutexes[2], mutexes[1], mutexes[0]];
            for (int i = 0; i < 3; i++)
            {
                Assert.That(k_thread_priority_get(k_current_get()), Is.EqualTo(droppri[i]));
                k_mutex_unlock(give[i]);
            }

            Assert.That(k_thread_priority_get(k_current_get()), Is.EqualTo(10));
            k_sleep(K_SECONDS(1));

            Assert.That(k_mutex_lock(privateMutex, K_NO_WAIT), Is.Zero);
            Assert.That(k_mutex_lock(privateMutex, K_NO_WAIT), Is.Zero, "recursive lock");
            k_thread_create(thread12, thread12Stack, 512, (_, _, _) =>
            {
                Check(k_mutex_lock(privateMutex, K_FOREVER) == 0, "thread_12 should get the private mutex");
                k_sleep(K_MSEC(500));
                k_mutex_unlock(privateMutex);
            }, 0, 0, 0, K_PRIO_PREEMPT(12), 0, K_NO_WAIT);
            k_sleep(K_TICKS(1));
            k_mutex_unlock(privateMutex);
            k_mutex_unlock(privateMutex);
            Assert.That(k_mutex_lock(privateMutex, K_NO_WAIT), Is.EqualTo(-EBUSY), "thread_12 owns it now");
            Assert.That(k_mutex_lock(privateMutex, K_SECONDS(1)), Is.Zero);
            k_mutex_unlock(privateMutex);
        });
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void test_mutex_lock_unlock()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_init(m), Is.Zero);
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            Assert.That(k_mutex_unlock(m), Is.Zero);
            Assert.That(k_mutex_lock(m, K_NO_WAIT), Is.Zero);
            Assert.That(k_mutex_unlock(m), Is.Zero);
            Assert.That(k_mutex_lock(m, K_MSEC(100)), Is.Zero);
            Assert.That(k_mutex_unlock(m), Is.Zero);
        });
    }

    [Test]
    public void test_mutex_reent_lock_forever()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        int other = 1;
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero, "the owner relocks");
            Assert.That(_k.GetMutex(m).LockCount, Is.EqualTo(2u));
            Spawn("tmutex", (_, _, _) => { other = k_mutex_lock(m, K_FOREVER); k_mutex_unlock(m); }, K_PRIO_PREEMPT(0));
            k_sleep(K_MSEC(10));
            Assert.That(other, Is.EqualTo(1), "the other thread is still waiting");
            k_mutex_unlock(m);
            k_sleep(K_MSEC(10));
            Assert.That(other, Is.EqualTo(1), "one unlock of two keeps the mutex");
            k_mutex_unlock(m);
            k_sleep(K_MSEC(10));
            Assert.That(other, Is.Zero);
        });
    }

    [Test]
    public void test_mutex_reent_lock_no_wait()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(m, K_NO_WAIT), Is.Zero);
            Assert.That(k_mutex_lock(m, K_NO_WAIT), Is.Zero);
            Assert.That(k_mutex_unlock(m), Is.Zero);
            Assert.That(k_mutex_unlock(m), Is.Zero);
            Assert.That(k_mutex_unlock(m), Is.EqualTo(-EINVAL), "no longer locked");
        });
    }

    [Test]
    public void test_mutex_reent_lock_timeout_fail()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            Spawn("tmutex", (_, _, _) => ret = k_mutex_lock(m, K_MSEC(100)), K_PRIO_PREEMPT(0));
            k_sleep(K_MSEC(200));
            k_mutex_unlock(m);
        });
        Assert.That(ret, Is.EqualTo(-EAGAIN));
    }

    [Test]
    public void test_mutex_reent_lock_timeout_pass()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            Spawn("tmutex", (_, _, _) => ret = k_mutex_lock(m, K_MSEC(500)), K_PRIO_PREEMPT(0));
            k_sleep(K_MSEC(100));
            k_mutex_unlock(m);
            k_sleep(K_MSEC(10));
        });
        Assert.That(ret, Is.Zero);
    }

    [Test]
    public void test_mutex_recursive()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        var seen = new List<int>();
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_lock(m, K_NO_WAIT), Is.Zero);
            Assert.That(k_mutex_lock(m, K_NO_WAIT), Is.Zero);
            Spawn("t2", (_, _, _) => seen.Add(k_mutex_lock(m, K_NO_WAIT)), K_PRIO_PREEMPT(0));
            k_sleep(K_MSEC(10));
            Assert.That(k_mutex_unlock(m), Is.Zero);
            Spawn("t3", (_, _, _) => seen.Add(k_mutex_lock(m, K_NO_WAIT)), K_PRIO_PREEMPT(0));
            k_sleep(K_MSEC(10));
            Assert.That(k_mutex_unlock(m), Is.Zero);
            Spawn("t4", (_, _, _) =>
            {
                seen.Add(k_mutex_lock(m, K_NO_WAIT));
                seen.Add(k_mutex_unlock(m));
            }, K_PRIO_PREEMPT(0));
            k_sleep(K_MSEC(10));
        });
        Assert.That(seen, Is.EqualTo(new[] { -EBUSY, -EBUSY, 0, 0 }));
    }

    [Test]
    public void test_mutex_priority_inheritance()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        ThreadHandle low = default;
        var observed = new List<int>();
        ZTest.Run(_k, () =>
        {
            low = Spawn("low", (_, _, _) =>
            {
                k_mutex_lock(m, K_FOREVER);
                k_sleep(K_MSEC(50));
                observed.Add(k_thread_priority_get(k_current_get()));
                k_sleep(K_MSEC(100));
                observed.Add(k_thread_priority_get(k_current_get()));
                k_mutex_unlock(m);
                observed.Add(k_thread_priority_get(k_current_get()));
            }, K_PRIO_PREEMPT(10));
            k_sleep(K_MSEC(10));
            Spawn("high", (_, _, _) => observed.Add(k_mutex_lock(m, K_MSEC(100))), K_PRIO_PREEMPT(3));
            k_sleep(K_MSEC(300));
        });
        Assert.That(observed, Is.EqualTo(new[] { 3, -EAGAIN, 10, 10 }), "boosted to 3 while high waits; back to 10 once it times out");
    }

    [Test]
    public void test_mutex_multithread_competition()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        var order = new List<string>();
        ZTest.Run(_k, () =>
        {
            k_thread_priority_set(k_current_get(), K_PRIO_PREEMPT(1));
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            foreach ((string name, int prio) in new[] { ("low", 8), ("high", 4), ("mid", 6) })
            {
                Spawn(name, (_, _, _) =>
                {
                    k_mutex_lock(m, K_FOREVER);
                    order.Add(name);
                    k_mutex_unlock(m);
                }, prio);
            }

            k_sleep(K_MSEC(10));
            Assert.That(k_thread_priority_get(k_current_get()), Is.EqualTo(1), "the owner is already more urgent than every waiter");
            k_mutex_unlock(m);
            k_sleep(K_MSEC(10));
        });
        Assert.That(order, Is.EqualTo(new[] { "high", "mid", "low" }));
    }

    [Test]
    public void test_mutex_unlock_error()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        int notOwner = 1;
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mutex_unlock(m), Is.EqualTo(-EINVAL), "unlocking an unlocked mutex");
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            Spawn("intruder", (_, _, _) => notOwner = k_mutex_unlock(m), K_PRIO_COOP(1));
            k_sleep(K_MSEC(1));
            Assert.That(k_mutex_unlock(m), Is.Zero);
        });
        Assert.That(notOwner, Is.EqualTo(-EPERM), "unlocking another thread's mutex");
    }

    [Test]
    public void test_mutex_timeout_race_during_priority_inversion()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        int highResult = 1;
        int lowBeforeUnlock = 0;
        int lowAfterUnlock = 0;
        ZTest.Run(_k, () =>
        {
            Spawn("low", (_, _, _) =>
            {
                k_mutex_lock(m, K_FOREVER);
                k_busy_wait(20_000);
                lowBeforeUnlock = k_thread_priority_get(k_current_get());
                k_mutex_unlock(m);
                lowAfterUnlock = k_thread_priority_get(k_current_get());
            }, K_PRIO_PREEMPT(12));
            k_sleep(K_MSEC(1));
            Spawn("high", (_, _, _) => highResult = k_mutex_lock(m, K_MSEC(10)), K_PRIO_PREEMPT(2));
            k_sleep(K_MSEC(100));
        });
        Assert.Multiple(() =>
        {
            Assert.That(highResult, Is.EqualTo(-EAGAIN));
            Assert.That(lowBeforeUnlock, Is.EqualTo(2), "the timed-out waiter is ready at the owner's boosted priority but cannot preempt it, so the boost stays until the unlock");
            Assert.That(lowAfterUnlock, Is.EqualTo(12), "the unlock restores the original priority; the late waiter then finds the mutex free and reverts nothing");
        });
    }

    [Test]
    public void test_mutex_lock_from_isr_returns_eperm()
    {
        MutexHandle m = _k.DefineMutex("mutex");
        int lockRet = 1, unlockRet = 1;
        ZTest.Run(_k, () => irq_offload(_ =>
        {
            lockRet = k_mutex_lock(m, K_NO_WAIT);
            unlockRet = k_mutex_unlock(m);
        }, 0));
        Assert.That((lockRet, unlockRet), Is.EqualTo((-EPERM, -EPERM)), "mutexes cannot be used in ISRs (Zephyr asserts; Bora returns -EPERM)");
    }
}
