namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/events/event_api (plus Bora scenarios for wake order and ISR rules).</summary>
public sealed class EventTests
{
    private static readonly KTimeout Delay = K_MSEC(50);
    private static readonly KTimeout ShortTimeout = K_MSEC(100);
    private static readonly KTimeout LongTimeout = K_MSEC(1000);

    private BoraKernel _k = null!;
    private EventHandle _testEvent;
    private EventHandle _syncEvent;
    private SemaphoreHandle _receiverSem;
    private SemaphoreHandle _syncSem;
    private uint _testEvents;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _testEvent = _k.DefineEvent("test_event");
        _syncEvent = _k.DefineEvent("sync_event");
        _receiverSem = _k.DefineSemaphore("receiver_sem", 0, 1);
        _syncSem = _k.DefineSemaphore("sync_sem", 0, 1);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void test_k_event_init()
    {
        EventHandle ev = _k.DefineEvent("event");
        ZTest.Run(_k, () =>
        {
            k_event_post(ev, 0x55);
            k_event_init(ev);
            Assert.That(_k.GetEvent(ev).WaiterCount, Is.Zero);
            Assert.That(_k.GetEvent(ev).Events, Is.Zero);
        });
        Assert.That(_k.GetEvent(ev).Size, Is.EqualTo(KObjectSizes.Event));
        Assert.That(_k.Layout.Objects.Contains(ev.Address), Is.True, "the object lives in the kernel-object area");
    }

    [Test]
    public void test_event_deliver()
    {
        EventHandle ev = _k.DefineEvent("event");
        ZTest.Run(_k, () =>
        {
            k_event_init(ev);
            Assert.That(k_event_test(ev, ~0u), Is.Zero);

            uint events = 0xAAAA;
            Assert.That(k_event_post(ev, events), Is.EqualTo(0u));
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(events));

            events |= 0x55555ABC;
            Assert.That(k_event_post(ev, events), Is.EqualTo(events & 0xAAAA));
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(events));

            events = 0xAAAA0000;
            Assert.That(k_event_set(ev, events), Is.EqualTo(0xAAAAu | 0x55555ABC));
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(events));

            k_event_set(ev, 0x33333333);
            Assert.That(k_event_set_masked(ev, 0, 0x11111111), Is.EqualTo(0x11111111u));
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(0x22222222u));
            Assert.That(k_event_set_masked(ev, 0, 0x22222222), Is.EqualTo(0x22222222u));
            Assert.That(k_event_test(ev, ~0u), Is.Zero);
            Assert.That(k_event_set_masked(ev, 0x22222222, 0x22222222), Is.Zero);
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(0x22222222u));
            Assert.That(k_event_set_masked(ev, 0x11111111, 0x33333333), Is.EqualTo(0x22222222u));
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(0x11111111u));

            Assert.That(k_event_clear(ev, 0x01010101), Is.EqualTo(0x01010101u));
            Assert.That(k_event_test(ev, ~0u), Is.EqualTo(0x10101010u));
        });
    }

    private void ReceiveExistingEvents()
    {
        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait(_testEvent, 0x2448, false, K_NO_WAIT);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait(_testEvent, 0x2448, false, ShortTimeout);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait_all(_testEvent, 0x1235, false, K_NO_WAIT);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait_all(_testEvent, 0x1235, false, ShortTimeout);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait(_testEvent, 0x0235, false, K_NO_WAIT);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait_all(_testEvent, 0x1234, false, K_NO_WAIT);
        k_sem_give(_receiverSem);
    }

    private void ResetOnWait()
    {
        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait_all(_testEvent, 0x1234, true, ShortTimeout);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait(_testEvent, 0x120000, true, ShortTimeout);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait_all(_testEvent, 0x248001, true, ShortTimeout);
        k_sem_give(_receiverSem);

        k_sem_take(_syncSem, K_FOREVER);
        _testEvents = k_event_wait(_testEvent, 0x123458, true, ShortTimeout);
        k_sem_give(_receiverSem);
    }

    private void Step(uint expected)
    {
        k_sem_give(_syncSem);
        Assert.That(k_sem_take(_receiverSem, LongTimeout), Is.Zero);
        Assert.That(_testEvents, Is.EqualTo(expected));
    }

    private void StepWithPost(uint post, uint expected, uint remaining)
    {
        k_sem_give(_syncSem);
        k_sleep(Delay);
        k_event_post(_testEvent, post);
        Assert.That(k_sem_take(_receiverSem, LongTimeout), Is.Zero);
        Assert.That(_testEvents, Is.EqualTo(expected));
        Assert.That(_k.GetEvent(_testEvent).Events, Is.EqualTo(remaining));
    }

    [Test]
    public void test_event_receive()
    {
        ZTest.Run(_k, () =>
        {
            k_event_set(_testEvent, 0x1234);
            Spawner.Spawn(_k, "treceiver", (_, _, _) =>
            {
                ReceiveExistingEvents();
                ResetOnWait();
            }, K_PRIO_PREEMPT(0));
            Spawner.Spawn(_k, "textra1", (_, _, _) => k_event_post(_testEvent, k_event_wait_all(_syncEvent, 0x33, true, K_FOREVER)), K_PRIO_PREEMPT(0));
            Spawner.Spawn(_k, "textra2", (_, _, _) => k_event_post(_testEvent, k_event_wait(_syncEvent, 0x3300, true, K_FOREVER)), K_PRIO_PREEMPT(0));

            // test_receive_existing_events
            Step(0);
            Step(0);
            Step(0);
            Step(0);
            Step(0x234);
            Step(0x1234);

            // test_reset_on_wait
            StepWithPost(0x123, 0, 0x123);
            StepWithPost(0x248, 0, 0x248);
            StepWithPost(0x248021, 0x248001, 0x248021);
            StepWithPost(0x123456, 0x123450, 0x123456);
            k_event_set(_testEvent, 0);
            k_sem_give(_syncSem);

            // test_wake_multiple_threads
            k_event_set(_syncEvent, 0xfff);
            Assert.That(k_event_wait_all(_testEvent, 0x333, false, ShortTimeout), Is.EqualTo(0x333u));
        });
    }

    [Test]
    public void test_event_post_wakes_every_satisfied_waiter_in_wait_queue_order()
    {
        EventHandle ev = _k.DefineEvent("event");
        var woke = new List<string>();
        ZTest.Run(_k, () =>
        {
            (string Name, int Prio, uint Mask, bool All)[] waiters =
            [
                ("low_a", 5, 0x1, false),
                ("high", 2, 0x3, true),
                ("low_b", 5, 0x2, false),
                ("unsatisfied", 1, 0x10, false),
                ("mid", 3, 0x1, false),
            ];
            foreach ((string name, int prio, uint mask, bool all) in waiters)
            {
                Spawner.Spawn(_k, name, (_, _, _) =>
                {
                    uint got = all ? k_event_wait_all(ev, mask, false, K_FOREVER) : k_event_wait(ev, mask, false, K_MSEC(50));
                    woke.Add($"{name}:{got:X}");
                }, prio);
            }

            k_msleep(1);
            Assert.That(_k.GetEvent(ev).WaiterCount, Is.EqualTo(5));
            k_event_post(ev, 0x3);
            k_msleep(1);
            Assert.That(woke, Is.EqualTo(new[] { "high:3", "mid:1", "low_a:1", "low_b:2" }), "priority first, FIFO within a priority");
            Assert.That(_k.GetEvent(ev).WaiterCount, Is.EqualTo(1), "the unsatisfied waiter still waits");
            k_msleep(60);
            Assert.That(woke[^1], Is.EqualTo("unsatisfied:0"), "a timed-out wait returns 0");
        });
    }

    [Test]
    public void test_event_wait_timeout_expires_at_exact_tick()
    {
        EventHandle ev = _k.DefineEvent("event");
        ZTest.Run(_k, () =>
        {
            long start = k_uptime_ticks();
            Assert.That(k_event_wait(ev, 0x1, false, K_MSEC(10)), Is.Zero);
            Assert.That(k_uptime_ticks() - start, Is.EqualTo(101), "10 ms = 100 ticks at 10 kHz, plus the partial current tick");
            Assert.That(k_event_wait_all(ev, 0x3, false, K_TICKS(7)), Is.Zero);
        });
    }

    [Test]
    public void test_event_post_from_isr_wakes_waiter()
    {
        EventHandle ev = _k.DefineEvent("event");
        bool inIsr = false;
        _k.IrqConnect(3, 1, _ =>
        {
            inIsr = k_is_in_isr();
            k_event_post(ev, 0x8);
            k_event_set_masked(ev, 0x100, 0x100);
        }, 0);
        _k.IrqEnable(3);
        ZTest.Run(_k, () =>
        {
            Spawner.Spawn(_k, "raiser", (_, _, _) =>
            {
                k_msleep(2);
                trigger_irq(3);
            }, 4);
            Assert.That(k_event_wait_all(ev, 0x108, false, K_MSEC(100)), Is.EqualTo(0x108u));
        });
        Assert.That(inIsr, Is.True);
    }

    [Test]
    public void test_event_wait_with_timeout_in_isr_is_treated_as_no_wait()
    {
        EventHandle ev = _k.DefineEvent("event");
        uint unsatisfied = 1, satisfied = 0;
        ulong cycles = 0;
        ZTest.Run(_k, () =>
        {
            irq_offload(_ =>
            {
                ulong before = k_cycle_get_64();
                unsatisfied = k_event_wait(ev, 0x1, false, K_FOREVER);
                k_event_post(ev, 0x1);
                satisfied = k_event_wait(ev, 0x1, false, K_MSEC(10));
                cycles = k_cycle_get_64() - before;
            }, 0);
        });
        Assert.That((unsatisfied, satisfied), Is.EqualTo((0u, 1u)));
        Assert.That(cycles, Is.LessThan(2500u), "no tick passed: the ISR never waited");
    }
}
