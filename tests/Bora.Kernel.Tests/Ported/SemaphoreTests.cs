namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/semaphore/semaphore and sema_api.</summary>
public sealed class SemaphoreTests
{
    private const uint SemInitVal = 0;
    private const uint SemMaxVal = 10;
    private const uint StackSize = 1024;

    private BoraKernel _k = null!;
    private SemaphoreHandle _simpleSem;
    private SemaphoreHandle _lowPrioSem;
    private SemaphoreHandle _midPrioSem;
    private SemaphoreHandle _highPrioSem;
    private SemaphoreHandle _multipleThreadSem;
    private ThreadHandle _semTid;
    private ThreadHandle _semTid1;
    private ThreadHandle _semTid2;
    private StackHandle _stack1;
    private StackHandle _stack2;
    private StackHandle _stack3;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _simpleSem = _k.DefineSemaphore("simple_sem", SemInitVal, SemMaxVal);
        _lowPrioSem = _k.DefineSemaphore("low_prio_sem", SemInitVal, SemMaxVal);
        _midPrioSem = _k.DefineSemaphore("mid_prio_sem", SemInitVal, SemMaxVal);
        _highPrioSem = _k.DefineSemaphore("high_prio_sem", SemInitVal, SemMaxVal);
        _multipleThreadSem = _k.DefineSemaphore("multiple_thread_sem", SemInitVal, SemMaxVal);
        _semTid = _k.DeclareThread("sem_tid");
        _semTid1 = _k.DeclareThread("sem_tid_1");
        _semTid2 = _k.DeclareThread("sem_tid_2");
        _stack1 = _k.DefineStack("stack_1", StackSize);
        _stack2 = _k.DefineStack("stack_2", StackSize);
        _stack3 = _k.DefineStack("stack_3", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void IsrSemGive(uint unused) => k_sem_give(_simpleSem);

    private void IsrSemTake(uint unused) => k_sem_take(_simpleSem, K_NO_WAIT);

    [Test]
    public void test_simple_sem_from_isr()
    {
        ZTest.Run(_k, () =>
        {
            for (uint i = 0; i < 5; i++)
            {
                irq_offload(IsrSemGive, 0);
                Assert.That(k_sem_count_get(_simpleSem), Is.EqualTo(i + 1), "signal count mismatch");
            }
        });
    }

    [Test]
    public void test_simple_sem_from_task()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            for (uint i = 0; i < 5; i++)
            {
                k_sem_give(_simpleSem);
                Assert.That(k_sem_count_get(_simpleSem), Is.EqualTo(i + 1));
            }
        });
    }

    [Test]
    public void test_sem_take_no_wait()
    {
        ZTest.Run(_k, () =>
        {
            for (int i = 0; i < 5; i++)
            {
                k_sem_give(_simpleSem);
            }

            for (int i = 4; i >= 0; i--)
            {
                Assert.That(k_sem_take(_simpleSem, K_NO_WAIT), Is.Zero);
                Assert.That(k_sem_count_get(_simpleSem), Is.EqualTo((uint)i));
            }
        });
    }

    [Test]
    public void test_sem_take_no_wait_fails()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            for (int i = 4; i >= 0; i--)
            {
                Assert.That(k_sem_take(_simpleSem, K_NO_WAIT), Is.EqualTo(-EBUSY));
                Assert.That(k_sem_count_get(_simpleSem), Is.Zero);
            }
        });
    }

    [Test]
    public void test_sem_take_timeout_fails()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            for (int i = 4; i >= 0; i--)
            {
                Assert.That(k_sem_take(_simpleSem, K_MSEC(100)), Is.EqualTo(-EAGAIN));
            }
        });
    }

    [Test]
    public void test_sem_take_timeout()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_semTid, _stack1, StackSize, (_, _, _) => k_sem_give(_simpleSem), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sem_reset(_simpleSem);
            ret = k_sem_take(_simpleSem, K_MSEC(100));
            k_thread_abort(_semTid);
        });
        Assert.That(ret, Is.Zero);
    }

    [Test]
    public void test_sem_take_timeout_forever()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_semTid, _stack1, StackSize, (_, _, _) =>
            {
                k_sleep(K_MSEC(100));
                k_sem_give(_simpleSem);
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sem_reset(_simpleSem);
            ret = k_sem_take(_simpleSem, K_FOREVER);
            k_thread_abort(_semTid);
        });
        Assert.That(ret, Is.Zero);
    }

    [Test]
    public void test_sem_take_timeout_isr()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_semTid, _stack1, StackSize, (_, _, _) => irq_offload(IsrSemGive, 0), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sem_reset(_simpleSem);
            ret = k_sem_take(_simpleSem, K_MSEC(100));
            k_thread_abort(_semTid);
        });
        Assert.That(ret, Is.Zero);
    }

    [Test]
    public void test_sem_take_multiple()
    {
        void Helper(SemaphoreHandle own)
        {
            Assert.That(k_sem_take(own, K_FOREVER), Is.Zero);
            Assert.That(k_sem_take(_multipleThreadSem, K_FOREVER), Is.Zero);
            k_sem_give(own);
        }

        ZTest.Run(_k, () =>
        {
            k_thread_create(_semTid, _stack1, StackSize, (_, _, _) => Helper(_lowPrioSem), 0, 0, 0, K_PRIO_PREEMPT(3), 0, K_NO_WAIT);
            k_thread_create(_semTid1, _stack2, StackSize, (_, _, _) => Helper(_midPrioSem), 0, 0, 0, K_PRIO_PREEMPT(2), 0, K_NO_WAIT);
            k_thread_create(_semTid2, _stack3, StackSize, (_, _, _) => Helper(_highPrioSem), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_sleep(K_MSEC(20));
            k_sem_give(_highPrioSem);
            k_sem_give(_midPrioSem);
            k_sem_give(_lowPrioSem);
            k_sleep(K_MSEC(200));

            k_sem_give(_multipleThreadSem);
            k_sleep(K_MSEC(200));
            Assert.That(k_sem_count_get(_highPrioSem), Is.EqualTo(1u), "higher priority thread didn't execute");
            Assert.That(k_sem_count_get(_midPrioSem), Is.Zero, "medium priority thread shouldn't have executed");
            Assert.That(k_sem_count_get(_lowPrioSem), Is.Zero, "low priority thread shouldn't have executed");

            k_sem_give(_multipleThreadSem);
            k_sleep(K_MSEC(200));
            Assert.That(k_sem_count_get(_midPrioSem), Is.EqualTo(1u), "medium priority thread didn't execute");
            Assert.That(k_sem_count_get(_lowPrioSem), Is.Zero);

            k_sem_give(_multipleThreadSem);
            k_sleep(K_MSEC(200));
            Assert.That(k_sem_count_get(_lowPrioSem), Is.EqualTo(1u), "low priority thread didn't execute");
        });
    }

    [Test]
    public void test_sem_give_take_from_isr()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            for (uint i = 0; i < SemMaxVal; i++)
            {
                irq_offload(IsrSemGive, 0);
                Assert.That(k_sem_count_get(_simpleSem), Is.EqualTo(i + 1));
            }

            for (uint i = SemMaxVal; i > 0; i--)
            {
                irq_offload(IsrSemTake, 0);
                Assert.That(k_sem_count_get(_simpleSem), Is.EqualTo(i - 1));
            }
        });
    }

    [Test]
    public void test_sem_multiple_threads_wait()
    {
        const int Total = 5;
        var tids = new ThreadHandle[Total];
        var stacks = new StackHandle[Total];
        for (int i = 0; i < Total; i++)
        {
            tids[i] = _k.DeclareThread($"multiple_tid_{i}");
            stacks[i] = _k.DefineStack($"multiple_stack_{i}", StackSize);
        }

        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            k_sem_reset(_multipleThreadSem);
            for (int repeat = 0; repeat < 2; repeat++)
            {
                for (int i = 0; i < Total; i++)
                {
                    k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                    {
                        k_sem_take(_multipleThreadSem, K_FOREVER);
                        k_sem_give(_simpleSem);
                    }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
                }

                k_sleep(K_MSEC(500));
                for (int i = 0; i < Total; i++)
                {
                    k_sem_give(_multipleThreadSem);
                }

                k_sleep(K_MSEC(500));
                for (int i = 0; i < Total; i++)
                {
                    Assert.That(k_sem_take(_simpleSem, K_FOREVER), Is.Zero, "some threads didn't get multiple_thread_sem");
                }

                Assert.That(k_sem_count_get(_simpleSem), Is.Zero);
                Assert.That(k_sem_count_get(_multipleThreadSem), Is.Zero);
            }
        });
    }

    [Test]
    public void test_sem_measure_timeouts()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            long start = k_uptime_get();
            Assert.That(k_sem_take(_simpleSem, K_SECONDS(1)), Is.EqualTo(-EAGAIN));
            long end = k_uptime_get();
            Assert.That(end - start, Is.GreaterThanOrEqualTo(1000));

            start = k_uptime_get();
            Assert.That(k_sem_take(_simpleSem, K_NO_WAIT), Is.EqualTo(-EBUSY));
            end = k_uptime_get();
            Assert.That(end - start, Is.LessThan(1));
        });
    }

    [Test]
    public void test_sem_measure_timeout_from_thread()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            k_sem_reset(_multipleThreadSem);
            k_thread_create(_semTid, _stack1, StackSize, (_, _, _) =>
            {
                k_sem_give(_simpleSem);
                k_sem_give(_multipleThreadSem);
            }, 0, 0, 0, K_PRIO_PREEMPT(3), 0, K_NO_WAIT);
            k_sem_take(_simpleSem, K_FOREVER);
            long start = k_uptime_get();
            Assert.That(k_sem_take(_multipleThreadSem, K_SECONDS(1)), Is.Zero);
            long end = k_uptime_get();
            Assert.That(end - start, Is.LessThanOrEqualTo(1000));
        });
    }

    [Test]
    public void test_sem_multiple_take_and_timeouts()
    {
        const int Total = 3;
        var tids = new ThreadHandle[Total];
        var stacks = new StackHandle[Total];
        for (int i = 0; i < Total; i++)
        {
            tids[i] = _k.DeclareThread($"multiple_tid_{i}");
            stacks[i] = _k.DefineStack($"multiple_stack_{i}", StackSize);
        }

        var finishOrder = new List<int>();
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            for (int i = 0; i < Total; i++)
            {
                int timeout = (i + 1) * 100;
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    long start = k_uptime_get();
                    k_sem_take(_simpleSem, K_MSEC(timeout));
                    long end = k_uptime_get();
                    Assert.That(end - start, Is.GreaterThanOrEqualTo(timeout), "time mismatch");
                    finishOrder.Add(timeout);
                }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            }

            for (int i = 0; i < Total; i++)
            {
                Assert.That(k_thread_join(tids[i], K_FOREVER), Is.Zero);
            }
        });
        Assert.That(finishOrder, Is.EqualTo(new[] { 100, 200, 300 }));
    }

    [Test]
    public void test_k_sem_init()
    {
        SemaphoreHandle sem = _k.DeclareSemaphore("sema");
        ZTest.Run(_k, () =>
        {
            Assert.That(k_sem_init(sem, 0, 10), Is.Zero);
            Assert.That(k_sem_init(sem, 0, 0), Is.EqualTo(-EINVAL), "limit 0");
            Assert.That(k_sem_init(sem, 11, 10), Is.EqualTo(-EINVAL), "initial above limit");
            Assert.That(k_sem_count_get(sem), Is.Zero);
        });
    }

    [Test]
    public void test_k_sem_correct_count_limit()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            for (int i = 0; i < SemMaxVal + 5; i++)
            {
                k_sem_give(_simpleSem);
            }

            Assert.That(k_sem_count_get(_simpleSem), Is.EqualTo(SemMaxVal), "the count stops at the limit");
        });
    }

    [Test]
    public void test_k_sem_reset()
    {
        ZTest.Run(_k, () =>
        {
            k_sem_give(_simpleSem);
            k_sem_give(_simpleSem);
            k_sem_reset(_simpleSem);
            Assert.That(k_sem_count_get(_simpleSem), Is.Zero);
            Assert.That(k_sem_take(_simpleSem, K_NO_WAIT), Is.EqualTo(-EBUSY));
            k_sem_give(_simpleSem);
            Assert.That(k_sem_take(_simpleSem, K_NO_WAIT), Is.Zero);
        });
    }

    [Test]
    public void test_sem_reset_wakes_waiters_with_eagain()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_semTid, _stack1, StackSize, (_, _, _) => ret = k_sem_take(_simpleSem, K_FOREVER), 0, 0, 0, K_PRIO_COOP(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            k_sem_reset(_simpleSem);
            k_sleep(K_MSEC(10));
        });
        Assert.That(ret, Is.EqualTo(-EAGAIN));
    }

    [Test]
    public void test_sem_take_from_isr_with_timeout_returns_ebusy()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            k_sem_reset(_simpleSem);
            irq_offload(_ => ret = k_sem_take(_simpleSem, K_MSEC(10)), 0);
        });
        Assert.That(ret, Is.EqualTo(-EBUSY), "an ISR cannot wait: Bora returns -EBUSY where Zephyr asserts");
    }

    [Test]
    public void test_sem_give_wakes_waiters_by_priority_then_fifo()
    {
        var order = new List<string>();
        ThreadHandle[] tids = [_semTid, _semTid1, _semTid2];
        StackHandle[] stacks = [_stack1, _stack2, _stack3];
        int[] prios = [5, 3, 5];
        string[] names = ["first5", "prio3", "second5"];
        ZTest.Run(_k, () =>
        {
            for (int i = 0; i < 3; i++)
            {
                string name = names[i];
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    k_sem_take(_simpleSem, K_FOREVER);
                    order.Add(name);
                }, 0, 0, 0, prios[i], 0, K_NO_WAIT);
                k_sleep(K_MSEC(1));
            }

            for (int i = 0; i < 3; i++)
            {
                k_sem_give(_simpleSem);
                k_sleep(K_MSEC(1));
            }
        });
        Assert.That(order, Is.EqualTo(new[] { "prio3", "first5", "second5" }));
    }
}
