namespace Bora.Kernel.Tests;

public sealed class ExecutionModelTests
{
    [Test]
    public void Boot_RunUntilIdle_RunsMainAndReturnsIdle()
    {
        using BoraKernel k = ZTest.Create();
        bool ran = false;
        k.Boot((_, _, _) => ran = true);
        RunResult result = k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(ran, Is.True);
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle));
            Assert.That(k.MainThread!.IsDead, Is.True);
        });
    }

    [Test]
    public void Yield_AlternatesEqualPriorityThreads()
    {
        using BoraKernel k = ZTest.Create();
        var order = new List<string>();
        k.CreateThread("a", (_, _, _) =>
        {
            for (int i = 0; i < 3; i++)
            {
                order.Add("a" + i);
                k_yield();
            }
        }, 5);
        k.CreateThread("b", (_, _, _) =>
        {
            for (int i = 0; i < 3; i++)
            {
                order.Add("b" + i);
                k_yield();
            }
        }, 5);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(order, Is.EqualTo(new[] { "a0", "b0", "a1", "b1", "a2", "b2" }));
    }

    [Test]
    public void Yield_ContextSwitchCosts519Cycles_AsZephyrLatencyMeasure()
    {
        using BoraKernel k = ZTest.Create();
        ulong before = 0, after = 0;
        k.CreateThread("a", (_, _, _) =>
        {
            k_yield();
            before = k_cycle_get_64();
            k_yield();
        }, 5);
        k.CreateThread("b", (_, _, _) =>
        {
            k_yield();
            after = k_cycle_get_64();
        }, 5);
        k.Boot();
        k.RunUntilIdle();

        // Between the samples: the first read's exit (20) and the second read's entry (20) around
        // a's k_yield entry, the switch, and b's k_yield exit: Zephyr's 519-cycle K->K figure.
        Assert.That(after - before - 40, Is.EqualTo(519UL));
    }

    [Test]
    public void SemGive_Uncontended_Costs160Cycles()
    {
        using BoraKernel k = ZTest.Create();
        SemaphoreHandle sem = k.DefineSemaphore("sem", 0, 10);
        ulong before = 0, after = 0;
        ZTest.Run(k, () =>
        {
            before = k_cycle_get_64();
            k_sem_give(sem);
            after = k_cycle_get_64();
        });

        // The first read's exit (20) and the second read's entry (20) lie between the samples.
        Assert.That(after - before - 40, Is.EqualTo(160UL));
    }

    [Test]
    public void Facade_FromHostThread_ThrowsSayingToUseTheHostApi()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => k_yield());
        Assert.That(ex!.Message, Does.Contain("host API"));
    }

    [Test]
    public void OneHourSleep_CompletesInVirtualTime()
    {
        using BoraKernel k = ZTest.Create();
        long start = 0, end = 0;
        int ret = -1;
        ZTest.Run(k, () =>
        {
            start = k_uptime_get();
            ret = k_sleep(K_HOURS(1));
            end = k_uptime_get();
        });
        Assert.Multiple(() =>
        {
            Assert.That(ret, Is.Zero);
            Assert.That(end - start, Is.InRange(3_600_000L, 3_600_001L));
            Assert.That(k.Now, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(1)));
        });
    }

    [Test]
    public void RunFor_StopsAtTheVirtualDeadline_AndResumes()
    {
        using BoraKernel k = ZTest.Create();
        int wakeups = 0;
        k.CreateThread("ticker", (_, _, _) =>
        {
            while (true)
            {
                k_msleep(10);
                wakeups++;
            }
        }, 3);
        k.Boot();
        TimeSpan start = k.Now;
        RunResult first = k.RunFor(TimeSpan.FromMilliseconds(105));
        int afterFirst = wakeups;
        RunResult second = k.RunFor(TimeSpan.FromMilliseconds(100));
        Assert.Multiple(() =>
        {
            Assert.That(first.Reason, Is.EqualTo(RunStopReason.DeadlineReached));
            Assert.That(first.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(105)));
            Assert.That(afterFirst, Is.EqualTo(10), "a 10 ms sleep takes 10 ms plus the partial tick: 10.1 ms per round");
            Assert.That(second.Now - first.Now, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
            Assert.That(wakeups, Is.EqualTo(20));
        });
    }

    [Test]
    public void Dispose_UnwindsEveryHostThread()
    {
        KThread? blocked;
        var k = ZTest.Create();
        SemaphoreHandle sem = k.DefineSemaphore("never", 0, 1);
        ThreadHandle t = k.CreateThread("blocked", (_, _, _) => k_sem_take(sem, K_FOREVER), 2);
        k.Boot();
        k.RunUntilIdle();
        blocked = k.GetThread(t);
        Assert.That(blocked.States & ThreadStates.Pending, Is.EqualTo(ThreadStates.Pending));
        k.Dispose();
        Assert.That(k.Threads.Where(x => x.WasCreated).All(x => x.HostExited || x.HostThreadNeverStarted), Is.True);
    }
}
