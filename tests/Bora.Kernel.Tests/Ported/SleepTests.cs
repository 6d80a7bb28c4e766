namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/sleep (sleep.c, usleep.c).</summary>
public sealed class SleepTests
{
    private const int TestThreadPriority = -4;
    private const int HelperThreadPriority = -10;
    private BoraKernel _k = null!;

    [SetUp]
    public void SetUp() => _k = ZTest.Create();

    [TearDown]
    public void TearDown() => _k.Dispose();

    /// <summary>test_sleep: normal expiry, then wake-ups from a helper thread, from an ISR and from the test's main thread.</summary>
    [Test]
    public void test_sleep()
    {
        SemaphoreHandle testSem = _k.DefineSemaphore("test_thread_sem", 0, 1);
        SemaphoreHandle helperSem = _k.DefineSemaphore("helper_thread_sem", 0, 1);
        SemaphoreHandle taskSem = _k.DefineSemaphore("task_sem", 0, 1);
        ThreadHandle testThread = _k.DeclareThread("test_thread");
        ThreadHandle helperThread = _k.DeclareThread("helper_thread");
        StackHandle testStack = _k.DefineStack("test_thread_stack", 1024);
        StackHandle helperStack = _k.DefineStack("helper_thread_stack", 1024);
        var elapsed = new List<long>();
        ZTest.Run(_k, () =>
        {
            k_thread_create(testThread, testStack, 1024, (_, _, _) =>
            {
                for (int round = 0; round < 4; round++)
                {
                    long start = k_uptime_get();
                    k_sleep(K_SECONDS(1));
                    elapsed.Add(k_uptime_get() - start);
                    if (round == 0)
                    {
                        k_sem_give(helperSem);
                    }
                    else if (round == 1)
                    {
                        k_sem_give(helperSem);
                    }
                    else if (round == 2)
                    {
                        k_sem_give(taskSem);
                    }
                }

                k_sem_give(taskSem);
            }, 0, 0, 0, TestThreadPriority, 0, K_NO_WAIT);
            k_thread_create(helperThread, helperStack, 1024, (_, _, _) =>
            {
                k_sem_take(helperSem, K_FOREVER);
                k_wakeup(testThread);
                k_sem_take(helperSem, K_FOREVER);
                irq_offload(_ => k_wakeup(testThread), 0);
            }, 0, 0, 0, HelperThreadPriority, 0, K_NO_WAIT);
            k_sem_take(taskSem, K_FOREVER);
            k_wakeup(testThread);
            k_sem_take(taskSem, K_FOREVER);
            _ = testSem;
        });

        long aligned = 1000;
        Assert.Multiple(() =>
        {
            Assert.That(elapsed[0], Is.InRange(aligned, aligned + 1), "normal expiry");
            Assert.That(elapsed[1], Is.LessThan(aligned), "woken by the helper thread");
            Assert.That(elapsed[2], Is.LessThan(aligned), "woken from an ISR");
            Assert.That(elapsed[3], Is.LessThan(aligned), "woken by the test thread");
        });
    }

    [Test]
    public void test_sleep_forever()
    {
        SemaphoreHandle sem = _k.DefineSemaphore("test_thread_sem", 0, 1);
        int ret = 0;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_k.DeclareThread("forever"), _k.DefineStack("forever_stack", 1024), 1024, (_, _, _) =>
            {
                ret = k_sleep(K_FOREVER);
                k_sem_give(sem);
            }, 0, 0, 0, TestThreadPriority, 0, K_NO_WAIT);
            k_yield();
            k_wakeup(tid);
            Assert.That(k_sem_take(sem, K_FOREVER), Is.Zero);
        });
        Assert.That(ret, Is.EqualTo(K_TICKS_FOREVER));
    }

    [Test]
    public void test_usleep()
    {
        const int Loops = 100;
        long ticks = 0;
        ZTest.Run(_k, () =>
        {
            long start = k_uptime_ticks();
            for (int i = 0; i < Loops; i++)
            {
                k_usleep(1);
            }

            ticks = k_uptime_ticks() - start;
        });
        Assert.That(ticks, Is.InRange((long)Loops, 2L * Loops + 1), "each 1 us sleep rounds up to a tick, plus the partial tick");
    }

    [Test]
    public void test_sleep_returns_remaining_time()
    {
        int left = -1;
        ZTest.Run(_k, () =>
        {
            ThreadHandle tid = k_thread_create(_k.DeclareThread("sleeper"), _k.DefineStack("sleeper_stack", 1024), 1024, (_, _, _) => left = k_msleep(1000), 0, 0, 0, TestThreadPriority, 0, K_NO_WAIT);
            k_msleep(300);
            k_wakeup(tid);
            k_msleep(1);
        });
        Assert.That(left, Is.InRange(699, 701), "k_msleep returns the milliseconds left");
    }

    [Test]
    public void test_sleep_absolute_timeout()
    {
        long woke = 0;
        ZTest.Run(_k, () =>
        {
            k_sleep(K_TIMEOUT_ABS_TICKS(5000));
            woke = k_uptime_ticks();
        });
        Assert.That(woke, Is.EqualTo(5000L));
    }

    [Test]
    public void test_sleep_zero_yields()
    {
        var order = new List<string>();
        ZTest.Run(_k, () =>
        {
            k_thread_create(_k.DeclareThread("peer"), _k.DefineStack("peer_stack", 1024), 1024, (_, _, _) => order.Add("peer"), 0, 0, 0, -1, 0, K_NO_WAIT);
            order.Add("before");
            Assert.That(k_sleep(K_NO_WAIT), Is.Zero);
            order.Add("after");
        });
        Assert.That(order, Is.EqualTo(new[] { "before", "peer", "after" }), "k_sleep(K_NO_WAIT) is a yield");
    }
}
