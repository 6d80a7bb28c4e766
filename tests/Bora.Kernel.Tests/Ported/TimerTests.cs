namespace Bora.Kernel.Tests.Ported;

/// <summary>
/// Ported from zephyr tests/kernel/timer/timer_api, with exact expiry ticks (10 kHz ticks, so 1 ms is
/// 10 ticks; a relative duration of n ticks expires n ticks after the tick it was started in).
/// </summary>
public sealed class TimerTests
{
    private const int Duration = 100;
    private const int Period = 50;
    private const int ExpireTimes = 4;
    private const long DurationTicks = Duration * 10;
    private const long PeriodTicks = Period * 10;

    private BoraKernel _k = null!;
    private TimerHandle _timer;
    private int _expireCount;
    private int _stopCount;
    private readonly List<long> _expiryTicks = [];
    private readonly List<bool> _expiryInIsr = [];

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _timer = _k.DefineTimer("ktimer", DurationExpire, DurationStop);
        _expireCount = 0;
        _stopCount = 0;
        _expiryTicks.Clear();
        _expiryInIsr.Clear();
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void DurationExpire(TimerHandle timer)
    {
        _expireCount++;
        _expiryTicks.Add(k_uptime_ticks());
        _expiryInIsr.Add(k_is_in_isr());
        if (_expireCount >= ExpireTimes)
        {
            k_timer_stop(timer);
        }
    }

    private void DurationStop(TimerHandle timer) => _stopCount++;

    private void Period0Expire(TimerHandle timer)
    {
        _expireCount++;
        _expiryTicks.Add(k_uptime_ticks());
    }

    private static void BusyWaitMs(int ms) => k_busy_wait((uint)ms * 1000);

    private static long[] Expected(long start, int count) =>
        [.. Enumerable.Range(0, count).Select(i => start + DurationTicks + (i * PeriodTicks))];

    [Test]
    public void test_timer_duration_period()
    {
        TimerHandle timer = _k.DeclareTimerForTest("duration_timer");
        long start = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, DurationExpire, DurationStop);
            start = k_uptime_ticks();
            k_timer_start(timer, K_MSEC(Duration), K_MSEC(Period));
            BusyWaitMs(Duration + (Period * ExpireTimes) + (Period / 2));
            Assert.That(_expireCount, Is.EqualTo(ExpireTimes));
            Assert.That(_stopCount, Is.EqualTo(1));
            k_timer_stop(timer);
            Assert.That(_stopCount, Is.EqualTo(1), "stopping a stopped timer does not call the stop function");
        });
        Assert.That(_expiryTicks, Is.EqualTo(Expected(start, ExpireTimes)), "one-shot duration, then whole periods, at exact ticks");
        Assert.That(_expiryInIsr, Is.All.True, "expiry functions run in the timer ISR");
    }

    [Test]
    public void test_timer_period_0()
    {
        TimerHandle timer = _k.DeclareTimerForTest("period0_timer");
        long start = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, Period0Expire, null);
            start = k_uptime_ticks();
            k_timer_start(timer, K_MSEC(Duration), K_NO_WAIT);
            BusyWaitMs(Duration + 1);
            Assert.That(_expireCount, Is.EqualTo(1));
            Assert.That(_stopCount, Is.Zero);
            BusyWaitMs(Period * 3);
            Assert.That(_expireCount, Is.EqualTo(1), "a one-shot timer does not re-arm");
            Assert.That(_k.GetTimer(timer).IsRunning, Is.False);
            k_timer_stop(timer);
        });
        Assert.That(_expiryTicks, Is.EqualTo(new[] { start + DurationTicks }));
    }

    [Test]
    public void test_timer_expirefn_null()
    {
        TimerHandle timer = _k.DeclareTimerForTest("expire_timer");
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, null, DurationStop);
            k_timer_start(timer, K_MSEC(Duration), K_MSEC(Period));
            BusyWaitMs(Duration + (Period * ExpireTimes) + (Period / 2));
            Assert.That(k_timer_status_get(timer), Is.EqualTo((uint)ExpireTimes + 1), "it kept expiring without an expiry function");
            k_timer_stop(timer);
            Assert.That(_expireCount, Is.Zero);
            Assert.That(_stopCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void test_timer_periodicity()
    {
        TimerHandle sync = _k.DeclareTimerForTest("sync_timer");
        TimerHandle periodicity = _k.DeclareTimerForTest("periodicity_timer");
        var deltas = new List<long>();
        ZTest.Run(_k, () =>
        {
            k_timer_init(sync, null, null);
            k_timer_init(periodicity, null, null);
            long periodMs = k_ticks_to_ms_floor64(k_ms_to_ticks_ceil32(Period));

            // tick_sync()
            k_timer_start(sync, K_NO_WAIT, K_MSEC(1));
            k_timer_status_sync(sync);
            k_timer_stop(sync);

            k_timer_start(periodicity, K_NO_WAIT, K_MSEC(Period));
            k_timer_status_sync(periodicity);
            k_timer_status_sync(periodicity);
            long timestamp = k_uptime_get();
            for (int i = 0; i < ExpireTimes; i++)
            {
                Assert.That(k_timer_status_sync(periodicity), Is.EqualTo(1u));
                deltas.Add(k_uptime_delta(ref timestamp));
            }

            Assert.That(periodMs, Is.EqualTo(Period));
            k_timer_stop(periodicity);
        });
        Assert.That(deltas, Is.EqualTo(Enumerable.Repeat((long)Period, ExpireTimes)), "exact periods in virtual time");
    }

    [Test]
    public void test_timer_status_get()
    {
        TimerHandle timer = _k.DeclareTimerForTest("status_timer");
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, null, null);
            k_timer_start(timer, K_MSEC(Duration), K_MSEC(Period));
            Assert.That(k_timer_status_get(timer), Is.Zero);
            Assert.That(k_timer_remaining_get(timer), Is.GreaterThanOrEqualTo((uint)Duration / 2));
            k_timer_stop(timer);
        });
    }

    [Test]
    public void test_timer_status_get_anytime()
    {
        TimerHandle timer = _k.DeclareTimerForTest("status_anytime_timer");
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, null, null);
            k_timer_start(timer, K_MSEC(Duration), K_MSEC(Period));
            BusyWaitMs(Duration + (Period * (ExpireTimes - 1)) + (Period / 2));
            Assert.That(k_timer_status_get(timer), Is.EqualTo((uint)ExpireTimes));
            Assert.That(k_timer_status_get(timer), Is.Zero, "reading the status resets it");
            k_timer_stop(timer);
        });
    }

    [Test]
    public void test_timer_status_sync()
    {
        TimerHandle timer = _k.DeclareTimerForTest("status_sync_timer");
        long start = 0;
        var returns = new List<long>();
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, Period0Expire, null);
            start = k_uptime_ticks();
            k_timer_start(timer, K_MSEC(Duration), K_MSEC(Period));
            for (int i = 0; i < ExpireTimes; i++)
            {
                Assert.That(_expireCount, Is.EqualTo(i));
                Assert.That(k_timer_status_sync(timer), Is.EqualTo(1u));
                Assert.That(_expireCount, Is.EqualTo(i + 1));
                returns.Add(k_uptime_ticks());
            }

            k_timer_stop(timer);
        });
        Assert.That(returns, Is.EqualTo(Expected(start, ExpireTimes)), "the waiter resumes in the tick of each expiry");
    }

    [Test]
    public void test_timer_k_define()
    {
        long start = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_start(_timer, K_MSEC(Duration), K_MSEC(Period));
            BusyWaitMs(Duration + (Period * ExpireTimes) + (Period / 2));
            Assert.That((_expireCount, _stopCount), Is.EqualTo((ExpireTimes, 1)));
            k_timer_stop(_timer);

            _expireCount = 0;
            _stopCount = 0;
            _expiryTicks.Clear();
            k_timer_start(_timer, K_MSEC(Duration), K_MSEC(Period));
            BusyWaitMs(Duration / 2);
            start = k_uptime_ticks();
            k_timer_start(_timer, K_MSEC(Duration), K_MSEC(Period));
            BusyWaitMs(Duration + (Period * ExpireTimes) + (Period / 2));
            Assert.That((_expireCount, _stopCount), Is.EqualTo((ExpireTimes, 1)), "the restart cancelled the first schedule");
            k_timer_stop(_timer);
        });
        Assert.That(_expiryTicks, Is.EqualTo(Expected(start, ExpireTimes)));
    }

    [Test]
    public void test_timer_user_data()
    {
        uint[] userData = [0x1337, 0xbabe, 0xd00d, 0xdeaf, 0xfade];
        var correct = new bool[5];
        var timers = new TimerHandle[5];
        for (int i = 0; i < 5; i++)
        {
            int index = i;
            timers[i] = _k.DefineTimer($"timer{i}", t => correct[index] = k_timer_user_data_get(t) == userData[index]);
        }

        ZTest.Run(_k, () =>
        {
            for (int i = 0; i < 5; i++)
            {
                k_timer_user_data_set(timers[i], userData[i]);
                Assert.That(k_timer_user_data_get(timers[i]), Is.EqualTo(userData[i]));
            }

            for (int i = 0; i < 5; i++)
            {
                k_timer_start(timers[i], K_MSEC(50 + (i * 50)), K_NO_WAIT);
            }

            k_msleep(50 * 6);
            for (int i = 0; i < 5; i++)
            {
                k_timer_stop(timers[i]);
            }
        });
        Assert.That(correct, Is.All.True);
    }

    [Test]
    public void test_timer_remaining()
    {
        TimerHandle timer = _k.DeclareTimerForTest("remain_timer");
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, null, null);
            Assert.That(k_timer_remaining_ticks(timer), Is.Zero, "a stopped timer has nothing remaining");
            long now = k_uptime_ticks();
            k_timer_start(timer, K_MSEC(Duration), K_NO_WAIT);
            Assert.That(k_timer_expires_ticks(timer), Is.EqualTo(now + DurationTicks));
            k_busy_wait(Duration * 1000 / 2);
            long remaining = k_timer_remaining_ticks(timer);
            Assert.That(remaining, Is.EqualTo(k_timer_expires_ticks(timer) - k_uptime_ticks()));
            Assert.That(remaining, Is.InRange(DurationTicks / 2 - 1, DurationTicks / 2));
            Assert.That(k_timer_remaining_get(timer), Is.EqualTo((uint)(remaining / 10)));
            Assert.That(k_timer_status_sync(timer), Is.EqualTo(1u));
            Assert.That(k_timer_remaining_ticks(timer), Is.Zero);
            Assert.That(k_timer_expires_ticks(timer), Is.EqualTo(k_uptime_ticks()), "a stopped timer's expiry is now");
        });
    }

    [Test]
    public void test_timeout_abs()
    {
        TimerHandle timer = _k.DeclareTimerForTest("abs_timer");
        long target = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, Period0Expire, null);
            target = k_uptime_ticks() + 1234;
            k_timer_start(timer, K_TIMEOUT_ABS_TICKS(target), K_NO_WAIT);
            Assert.That(k_timer_expires_ticks(timer), Is.EqualTo(target));
            Assert.That(k_timer_status_sync(timer), Is.EqualTo(1u));
            Assert.That(k_uptime_ticks(), Is.EqualTo(target));

            long past = k_uptime_ticks() - 50;
            k_timer_start(timer, K_TIMEOUT_ABS_TICKS(past), K_NO_WAIT);
            Assert.That(k_timer_expires_ticks(timer), Is.EqualTo(k_uptime_ticks() + 1), "an absolute expiry in the past fires at the next tick");
            k_timer_status_sync(timer);
        });
        Assert.That(_expiryTicks[0], Is.EqualTo(target));
    }

    [Test]
    public void test_timer_start_forever_does_nothing_and_restart_resets_status()
    {
        TimerHandle timer = _k.DeclareTimerForTest("forever_timer");
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, null, null);
            k_timer_start(timer, K_FOREVER, K_MSEC(Period));
            Assert.That(_k.GetTimer(timer).IsRunning, Is.False);
            k_timer_start(timer, K_MSEC(1), K_MSEC(1));
            k_msleep(5);
            k_timer_start(timer, K_MSEC(10), K_NO_WAIT);
            Assert.That(k_timer_status_get(timer), Is.Zero, "k_timer_start resets the status");
            k_timer_stop(timer);
        });
    }

    [Test]
    public void test_timer_stop_wakes_status_sync_waiter()
    {
        TimerHandle timer = _k.DeclareTimerForTest("stopped_timer");
        uint status = 99;
        long woke = 0, stoppedAt = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, Period0Expire, DurationStop);
            k_timer_start(timer, K_SECONDS(10), K_NO_WAIT);
            Spawner.Spawn(_k, "syncer", (_, _, _) =>
            {
                status = k_timer_status_sync(timer);
                woke = k_uptime_ticks();
            }, 3);
            k_msleep(20);
            stoppedAt = k_uptime_ticks();
            k_timer_stop(timer);
            k_msleep(1);
        });
        Assert.That(status, Is.Zero, "stopped before expiring");
        Assert.That(woke, Is.EqualTo(stoppedAt));
        Assert.That((_expireCount, _stopCount), Is.EqualTo((0, 1)));
    }

    [Test]
    public void test_timer_expiry_function_runs_in_isr_at_its_text_address()
    {
        TimerHandle timer = _k.DeclareTimerForTest("isr_timer");
        var events = new List<string>();
        uint pc = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, t =>
            {
                events.Add($"expiry isr={k_is_in_isr()}");
                pc = _k.Machine.Cpu.State.Pc;
            }, t => events.Add($"stop isr={k_is_in_isr()}"));
            k_timer_start(timer, K_MSEC(1), K_NO_WAIT);
            k_msleep(2);
            k_timer_start(timer, K_MSEC(1), K_NO_WAIT);
            k_timer_stop(timer);
        });
        KTimer t = _k.GetTimer(timer);
        Assert.That(events, Is.EqualTo(new[] { "expiry isr=True", "stop isr=False" }), "the stop function runs in the context of k_timer_stop's caller");
        Assert.That(pc, Is.EqualTo(t.ExpiryFunction), "the expiry function was called through its address");
        Assert.That(_k.Layout.Symbols.At(t.ExpiryFunction)!.Kind, Is.EqualTo(SymbolKind.Function));
        Assert.That(_k.Layout.Text.Contains(t.StopFunction), Is.True);
        Assert.That(_k.Trace.Snapshot().Count(e => e.Kind == TraceEventKind.IsrEnter), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void test_timer_start_and_stop_from_isr()
    {
        TimerHandle timer = _k.DeclareTimerForTest("isr_started_timer");
        long started = 0;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, Period0Expire, DurationStop);
            irq_offload(_ =>
            {
                started = k_uptime_ticks();
                k_timer_start(timer, K_MSEC(5), K_MSEC(5));
            }, 0);
            Assert.That(k_timer_status_sync(timer), Is.EqualTo(1u));
            Assert.That(k_timer_status_sync(timer), Is.EqualTo(1u));
            irq_offload(_ => k_timer_stop(timer), 0);
            Assert.That(_k.GetTimer(timer).IsRunning, Is.False);
        });
        Assert.That(_expiryTicks, Is.EqualTo(new[] { started + 50, started + 100 }));
        Assert.That(_stopCount, Is.EqualTo(1));
    }

    [Test]
    public void test_timer_status_sync_in_isr_oopses()
    {
        TimerHandle timer = _k.DeclareTimerForTest("isr_sync_timer");
        var faults = new List<FatalErrorReport>();
        _k.SetFatalErrorHandler((_, report) => faults.Add(report));
        bool returned = false;
        ZTest.Run(_k, () =>
        {
            k_timer_init(timer, null, null);
            k_timer_start(timer, K_MSEC(10), K_NO_WAIT);
            Spawner.Spawn(_k, "victim", (_, _, _) =>
            {
                irq_offload(_ => k_timer_status_sync(timer), 0);
                returned = true;
            }, 2);
            k_msleep(1);
        });
        Assert.That(faults, Has.Count.EqualTo(1));
        Assert.That(faults[0].Reason, Is.EqualTo(K_ERR_KERNEL_OOPS));
        Assert.That(faults[0].InIsr, Is.True);
        Assert.That(faults[0].Message, Does.Contain("k_timer_status_sync"));
        Assert.That(returned, Is.False, "the interrupted thread was aborted");
    }
}
