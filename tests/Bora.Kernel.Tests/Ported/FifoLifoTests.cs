namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/fifo (fifo_api, fifo_timeout) and tests/kernel/lifo (lifo_api, lifo_usage).</summary>
public sealed class FifoLifoTests
{
    private const uint StackSize = 1024;
    private const int ListLen = 2;

    private BoraKernel _k = null!;
    private TestMemory _mem = null!;
    private FifoHandle _fifo;
    private LifoHandle _lifo;
    private uint[] _data = [];
    private ThreadHandle _tid;
    private StackHandle _stack1;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _mem = new TestMemory(_k);
        _fifo = _k.DefineFifo("fifo");
        _lifo = _k.DefineLifo("lifo");
        _data = [.. Enumerable.Range(0, ListLen).Select(i => _mem.Words(0, 0xF0 + (uint)i))];
        _tid = _k.DeclareThread("tdata");
        _stack1 = _k.DefineStack("tstack", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void FifoPut()
    {
        foreach (uint item in _data)
        {
            k_fifo_put(_fifo, item);
        }
    }

    private void FifoGet()
    {
        foreach (uint item in _data)
        {
            Assert.That(k_fifo_get(_fifo, K_NO_WAIT), Is.EqualTo(item));
        }
    }

    private void LifoPut()
    {
        foreach (uint item in _data)
        {
            k_lifo_put(_lifo, item);
        }
    }

    private void LifoGet()
    {
        foreach (uint item in _data.Reverse())
        {
            Assert.That(k_lifo_get(_lifo, K_NO_WAIT), Is.EqualTo(item));
        }
    }

    [Test]
    public void test_fifo_thread2thread()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            bool done = false;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                foreach (uint item in _data)
                {
                    Assert.That(k_fifo_get(_fifo, K_FOREVER), Is.EqualTo(item));
                }

                done = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            FifoPut();
            k_sleep(K_MSEC(1));
            Assert.That(done, Is.True);
        });
    }

    [Test]
    public void test_fifo_thread2isr()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            FifoPut();
            irq_offload(_ => FifoGet(), 0);
            Assert.That(k_fifo_is_empty(_fifo), Is.Not.Zero);
        });
    }

    [Test]
    public void test_fifo_isr2thread()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            irq_offload(_ => FifoPut(), 0);
            FifoGet();
        });
    }

    [Test]
    public void test_fifo_is_empty_thread()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            Assert.That(k_fifo_is_empty(_fifo), Is.Not.Zero);
            k_fifo_put(_fifo, _data[0]);
            Assert.That(k_fifo_is_empty(_fifo), Is.Zero);
            Assert.That((k_fifo_peek_head(_fifo), k_fifo_peek_tail(_fifo)), Is.EqualTo((_data[0], _data[0])));
            k_fifo_get(_fifo, K_FOREVER);
            Assert.That(k_fifo_is_empty(_fifo), Is.Not.Zero);
        });
    }

    [Test]
    public void test_fifo_is_empty_isr()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            irq_offload(_ =>
            {
                Assert.That(k_fifo_is_empty(_fifo), Is.Not.Zero);
                k_fifo_put(_fifo, _data[0]);
                Assert.That(k_fifo_is_empty(_fifo), Is.Zero);
                k_fifo_get(_fifo, K_NO_WAIT);
                Assert.That(k_fifo_is_empty(_fifo), Is.Not.Zero);
            }, 0);
        });
    }

    [Test]
    public void test_fifo_cancel_wait()
    {
        uint got = 1;
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => got = k_fifo_get(_fifo, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(5));
            k_fifo_cancel_wait(_fifo);
            k_sleep(K_MSEC(1));
        });
        Assert.That(got, Is.Zero);
    }

    [Test]
    public void test_fifo_put_list_and_slist()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            _mem.Write(_data[0], _data[1]);
            _mem.Write(_data[1], 0);
            Assert.That(k_fifo_put_list(_fifo, _data[0], _data[1]), Is.Zero);
            FifoGet();
            uint slist = _mem.Alloc(8);
            _mem.Write(_data[0], _data[1]);
            _mem.Write(_data[1], 0);
            _mem.Write(slist, _data[0]);
            _mem.Write(slist + 4, _data[1]);
            Assert.That(k_fifo_put_slist(_fifo, slist), Is.Zero);
            FifoGet();
            Assert.That(k_fifo_put_slist(_fifo, slist), Is.EqualTo(-EINVAL), "the slist was emptied");
        });
    }

    [Test]
    public void test_timeout_empty_fifo()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            foreach (int ms in new[] { 10, 25, 50 })
            {
                long start = k_uptime_ticks();
                Assert.That(k_fifo_get(_fifo, K_MSEC(ms)), Is.Zero);
                Assert.That(k_uptime_ticks() - start, Is.InRange((ms * 10) + 1, (ms * 10) + 2), $"{ms} ms");
            }
        });
    }

    [Test]
    public void test_timeout_non_empty_fifo()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            k_fifo_put(_fifo, _data[0]);
            long start = k_uptime_ticks();
            Assert.That(k_fifo_get(_fifo, K_MSEC(100)), Is.EqualTo(_data[0]));
            Assert.That(k_uptime_ticks() - start, Is.Zero, "an item is there: no wait");
        });
    }

    [Test]
    public void test_timeout_fifo_thread()
    {
        ZTest.Run(_k, () =>
        {
            k_fifo_init(_fifo);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                k_sleep(K_MSEC(20));
                k_fifo_put(_fifo, _data[1]);
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            long start = k_uptime_get();
            Assert.That(k_fifo_get(_fifo, K_MSEC(50)), Is.EqualTo(_data[1]));
            Assert.That(k_uptime_get() - start, Is.EqualTo(20), "woken by the put at 20 ms");
        });
    }

    [Test]
    public void test_lifo_thread2thread()
    {
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            LifoPut();
            bool done = false;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                LifoGet();
                done = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(done, Is.True);
        });
    }

    [Test]
    public void test_lifo_thread2isr()
    {
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            LifoPut();
            irq_offload(_ => LifoGet(), 0);
        });
    }

    [Test]
    public void test_lifo_isr2thread()
    {
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            irq_offload(_ => LifoPut(), 0);
            LifoGet();
        });
    }

    [Test]
    public void test_lifo_wait()
    {
        uint got = 0;
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => got = k_lifo_get(_lifo, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            k_lifo_put(_lifo, _data[1]);
            k_sleep(K_MSEC(1));
        });
        Assert.That(got, Is.EqualTo(_data[1]));
    }

    [Test]
    public void test_timeout_empty_lifo()
    {
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            long start = k_uptime_get();
            Assert.That(k_lifo_get(_lifo, K_MSEC(40)), Is.Zero);
            Assert.That(k_uptime_get() - start, Is.InRange(40, 41));
        });
    }

    [Test]
    public void test_timeout_non_empty_lifo()
    {
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            LifoPut();
            Assert.That(k_lifo_get(_lifo, K_MSEC(40)), Is.EqualTo(_data[1]));
        });
    }

    [Test]
    public void test_lifo_get_fail()
    {
        ZTest.Run(_k, () =>
        {
            k_lifo_init(_lifo);
            Assert.That(k_lifo_get(_lifo, K_NO_WAIT), Is.Zero);
            irq_offload(_ => Assert.That(k_lifo_get(_lifo, K_FOREVER), Is.Zero, "from an ISR: no wait"), 0);
        });
    }
}
