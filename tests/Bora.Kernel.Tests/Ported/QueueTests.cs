namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/queue (+ ISR rules, link words in simulated memory).</summary>
public sealed class QueueTests
{
    private const uint StackSize = 1024;
    private const int ListLen = 2;

    private BoraKernel _k = null!;
    private TestMemory _mem = null!;
    private QueueHandle _queue;
    private uint[] _data = [];
    private uint[] _dataP = [];
    private uint[] _dataL = [];
    private uint _slist;
    private ThreadHandle _tid;
    private ThreadHandle _tid2;
    private StackHandle _stack1;
    private StackHandle _stack2;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _mem = new TestMemory(_k);
        _queue = _k.DefineQueue("queue");
        _data = Items(ListLen, 0x100);
        _dataP = Items(ListLen, 0x200);
        _dataL = Items(ListLen, 0x300);
        _slist = _mem.Alloc(8);
        _tid = _k.DeclareThread("tdata");
        _tid2 = _k.DeclareThread("tdata2");
        _stack1 = _k.DefineStack("tstack", StackSize);
        _stack2 = _k.DefineStack("tstack2", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    /// <summary>Items of two words: the reserved link word, then a payload.</summary>
    private uint[] Items(int count, uint payloadBase) => [.. Enumerable.Range(0, count).Select(i => _mem.Words(0xFFFF_FFFF, payloadBase + (uint)i))];

    private void LinkList(uint[] items)
    {
        for (int i = 0; i < items.Length; i++)
        {
            _mem.Write(items[i], i + 1 < items.Length ? items[i + 1] : 0);
        }
    }

    private void TqueueAppend()
    {
        k_queue_insert(_queue, k_queue_peek_tail(_queue), _data[0]);
        for (int i = 1; i < ListLen; i++)
        {
            k_queue_append(_queue, _data[i]);
        }

        for (int i = ListLen - 1; i >= 0; i--)
        {
            k_queue_prepend(_queue, _dataP[i]);
        }

        LinkList(_dataL);
        Assert.That(k_queue_append_list(_queue, _dataL[0], _dataL[ListLen - 1]), Is.Zero);
    }

    private void TqueueGet()
    {
        foreach (uint[] set in new[] { _dataP, _data, _dataL })
        {
            foreach (uint expected in set)
            {
                uint rx = k_queue_get(_queue, K_NO_WAIT);
                Assert.That(rx, Is.EqualTo(expected));
                Assert.That(_mem.Read(rx + 4), Is.EqualTo(_mem.Read(expected + 4)));
            }
        }

        Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.Zero);
    }

    [Test]
    public void test_queue_thread2thread()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            TqueueAppend();
            Assert.That(_mem.Read(_dataP[ListLen - 1]), Is.EqualTo(_data[0]), "the kernel wrote the link word in the item");
            bool done = false;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                TqueueGet();
                done = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(5));
            Assert.That(done, Is.True);
        });
    }

    [Test]
    public void test_queue_thread2isr()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            TqueueAppend();
            irq_offload(_ => TqueueGet(), 0);
        });
    }

    [Test]
    public void test_queue_isr2thread()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            irq_offload(_ => TqueueAppend(), 0);
            TqueueGet();
        });
    }

    [Test]
    public void test_queue_get_2threads()
    {
        var got = new uint[2];
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => got[0] = k_queue_get(_queue, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_thread_create(_tid2, _stack2, StackSize, (_, _, _) => got[1] = k_queue_get(_queue, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            k_queue_append(_queue, _data[0]);
            k_queue_append(_queue, _data[1]);
            k_sleep(K_MSEC(1));
            Assert.That(k_queue_is_empty(_queue), Is.Not.Zero, "both items went straight to the waiters");
        });
        Assert.That(got, Is.EqualTo(new[] { _data[0], _data[1] }), "FIFO among equal-priority waiters");
    }

    [Test]
    public void test_queue_get_fail()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.Zero);
            long start = k_uptime_get();
            Assert.That(k_queue_get(_queue, K_MSEC(10)), Is.Zero);
            Assert.That(k_uptime_get() - start, Is.InRange(10, 11));
        });
    }

    [Test]
    public void test_queue_append_list_error()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            LinkList(_dataL);
            Assert.That(k_queue_append_list(_queue, 0, 0), Is.EqualTo(-EINVAL));
            Assert.That(k_queue_append_list(_queue, 0, _dataL[1]), Is.EqualTo(-EINVAL));
            Assert.That(k_queue_append_list(_queue, _dataL[0], 0), Is.EqualTo(-EINVAL));
            Assert.That(k_queue_is_empty(_queue), Is.Not.Zero);
        });
    }

    [Test]
    public void test_queue_merge_list_error()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            _mem.Write(_slist, 0);
            _mem.Write(_slist + 4, 0);
            Assert.That(k_queue_merge_slist(_queue, _slist), Is.EqualTo(-EINVAL), "an empty sys_slist_t");
            LinkList(_dataL);
            _mem.Write(_slist, _dataL[0]);
            _mem.Write(_slist + 4, _dataL[ListLen - 1]);
            Assert.That(k_queue_merge_slist(_queue, _slist), Is.Zero);
            Assert.That((_mem.Read(_slist), _mem.Read(_slist + 4)), Is.EqualTo((0u, 0u)), "the source list is emptied");
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_dataL[0]));
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_dataL[1]));
        });
    }

    [Test]
    public void test_queue_remove()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            foreach (uint item in _data.Concat(_dataP))
            {
                k_queue_append(_queue, item);
            }

            Assert.That(k_queue_remove(_queue, _dataP[1]), Is.True, "the tail");
            Assert.That(k_queue_peek_tail(_queue), Is.EqualTo(_dataP[0]));
            Assert.That(k_queue_remove(_queue, _data[0]), Is.True, "the head");
            Assert.That(k_queue_peek_head(_queue), Is.EqualTo(_data[1]));
            Assert.That(k_queue_remove(_queue, _data[0]), Is.False, "no longer queued");
            Assert.That(k_queue_remove(_queue, _dataL[0]), Is.False, "never queued");
            Assert.That(_mem.Read(_data[0]), Is.Zero, "a removed item's link word is cleared");
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_data[1]));
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_dataP[0]));
            Assert.That(k_queue_is_empty(_queue), Is.Not.Zero);
        });
    }

    [Test]
    public void test_queue_unique_append()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            Assert.That(k_queue_unique_append(_queue, _data[0]), Is.True);
            Assert.That(k_queue_unique_append(_queue, _data[0]), Is.False);
            Assert.That(k_queue_unique_append(_queue, _data[1]), Is.True);
            Assert.That(k_queue_unique_append(_queue, _data[0]), Is.False);
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_data[0]));
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_data[1]));
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.Zero);
        });
    }

    [Test]
    public void test_queue_peek_and_is_empty()
    {
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            Assert.That((k_queue_is_empty(_queue), k_queue_peek_head(_queue), k_queue_peek_tail(_queue)), Is.EqualTo((1, 0u, 0u)));
            k_queue_append(_queue, _data[0]);
            k_queue_append(_queue, _data[1]);
            Assert.That((k_queue_is_empty(_queue), k_queue_peek_head(_queue), k_queue_peek_tail(_queue)), Is.EqualTo((0, _data[0], _data[1])));
            k_queue_insert(_queue, _data[0], _dataP[0]);
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_data[0]));
            Assert.That(k_queue_get(_queue, K_NO_WAIT), Is.EqualTo(_dataP[0]), "inserted after data[0]");
        });
    }

    [Test]
    public void test_queue_cancel_wait()
    {
        uint got = 1;
        long at = 0;
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                got = k_queue_get(_queue, K_FOREVER);
                at = k_uptime_get();
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(20));
            k_queue_cancel_wait(_queue);
            k_sleep(K_MSEC(1));
        });
        Assert.That((got, at), Is.EqualTo((0u, 20L)), "k_queue_cancel_wait makes the waiter's get return NULL at once");
    }

    [Test]
    public void test_queue_get_from_isr_with_timeout_returns_null()
    {
        uint got = 1;
        ZTest.Run(_k, () =>
        {
            k_queue_init(_queue);
            irq_offload(_ => got = k_queue_get(_queue, K_FOREVER), 0);
            Assert.That(_k.GetQueue(_queue.Address).WaiterCount, Is.Zero);
        });
        Assert.That(got, Is.Zero, "an ISR cannot wait: the timeout is treated as K_NO_WAIT");
    }

    [Test]
    public void test_queue_item_queued_twice_is_an_oops()
    {
        var faults = new List<FatalReason>();
        _k.SetFatalErrorHandler((reason, _) => faults.Add(reason));
        bool after = false;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                k_queue_append(_queue, _data[0]);
                k_queue_append(_queue, _data[0]);
                k_queue_remove(_queue, _data[1]);
                after = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(5));
        });
        Assert.That((faults.SingleOrDefault(), after), Is.EqualTo((K_ERR_KERNEL_OOPS, false)), "the walk detects the loop instead of spinning forever");
    }

    [Test]
    public void test_queue_bad_item_pointer_faults_the_caller()
    {
        var faults = new List<FatalErrorReport>();
        _k.SetFatalErrorHandler((_, report) => faults.Add(report));
        ZTest.Run(_k, () =>
        {
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => k_queue_append(_queue, 0x6000_0000), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(5));
            Assert.That(k_queue_is_empty(_queue), Is.Not.Zero, "the failed append left the queue unchanged");
        });
        Assert.That(faults.Select(f => (f.Reason, f.Fault!.FaultAddress)), Is.EqualTo(new[] { (K_ERR_CPU_EXCEPTION, (uint?)0x6000_0000u) }));
    }
}
