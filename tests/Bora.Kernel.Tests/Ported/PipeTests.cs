namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/pipe/pipe and pipe_api as of Zephyr 3.5–4.0 (+ buffer safety, ISR rules).</summary>
public sealed class PipeTests
{
    private const uint StackSize = 1024;
    private const uint PipeLen = 16;
    private const uint BytesToWrite = 4;

    private BoraKernel _k = null!;
    private TestMemory _mem = null!;
    private PipeHandle _pipe;
    private uint _ring;
    private uint _tx;
    private uint _rx;
    private ThreadHandle _tid;
    private ThreadHandle _tid2;
    private StackHandle _stack1;
    private StackHandle _stack2;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _mem = new TestMemory(_k);
        _pipe = _k.DeclarePipe("pipe");
        _ring = _mem.Alloc(PipeLen);
        _tx = _mem.Alloc(64);
        _rx = _mem.Alloc(64);
        for (uint i = 0; i < 64; i++)
        {
            _k.Machine.Bus.Memory.Write(_tx + i, [(byte)i]);
        }

        _tid = _k.DeclareThread("tdata");
        _tid2 = _k.DeclareThread("tdata2");
        _stack1 = _k.DefineStack("tstack", StackSize);
        _stack2 = _k.DefineStack("tstack2", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void Init(uint size = PipeLen) => Assert.That(k_pipe_init(_pipe, size == 0 ? 0 : _ring, size), Is.Zero);

    private static byte[] Expected(uint from, uint count) => [.. Enumerable.Range((int)from, (int)count).Select(i => (byte)i)];

    [Test]
    public void test_pipe_thread2thread()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            bool done = false;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                for (uint i = 0; i < PipeLen; i += BytesToWrite)
                {
                    Assert.That(k_pipe_get(_pipe, _rx + i, BytesToWrite, out uint read, 1, K_FOREVER), Is.Zero);
                    Assert.That(read, Is.EqualTo(BytesToWrite));
                }

                done = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            for (uint i = 0; i < PipeLen; i += BytesToWrite)
            {
                Assert.That(k_pipe_put(_pipe, _tx + i, BytesToWrite, out uint written, 1, K_NO_WAIT), Is.Zero);
                Assert.That(written, Is.EqualTo(BytesToWrite));
            }

            k_sleep(K_MSEC(5));
            Assert.That(done, Is.True);
            Assert.That(_mem.ReadBytes(_rx, (int)PipeLen), Is.EqualTo(Expected(0, PipeLen)));
        });
    }

    [Test]
    public void test_pipe_put_fail()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            Assert.That(k_pipe_put(_pipe, _tx, PipeLen, out uint written, PipeLen, K_NO_WAIT), Is.Zero);
            Assert.That(written, Is.EqualTo(PipeLen));
            Assert.That(k_pipe_put(_pipe, _tx, PipeLen, out written, 1, K_NO_WAIT), Is.EqualTo(-EIO));
            Assert.That(written, Is.Zero);
            long start = k_uptime_get();
            Assert.That(k_pipe_put(_pipe, _tx, PipeLen, out written, 1, K_MSEC(50)), Is.EqualTo(-EAGAIN));
            Assert.That(k_uptime_get() - start, Is.InRange(50, 51));
            Assert.That(written, Is.Zero);
            Assert.That(k_pipe_put(_pipe, _tx, 1, out _, 2, K_NO_WAIT), Is.EqualTo(-EINVAL), "min_xfer above the request");
        });
    }

    [Test]
    public void test_pipe_get_fail()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            uint countAddress = _mem.Alloc(4);
            _mem.Write(countAddress, 0xFFFF);
            Assert.That(k_pipe_get(_pipe, _rx, PipeLen, countAddress, 1, K_NO_WAIT), Is.EqualTo(-EIO));
            Assert.That(_mem.Read(countAddress), Is.Zero, "*bytes_read = 0");
            Assert.That(k_pipe_get(_pipe, _rx, PipeLen, countAddress, 1, K_MSEC(20)), Is.EqualTo(-EAGAIN));
            Assert.That(k_pipe_get(_pipe, _rx, PipeLen, 0, 1, K_NO_WAIT), Is.EqualTo(-EINVAL), "bytes_read is NULL");
            Assert.That(k_pipe_get(_pipe, _rx, 1, countAddress, 2, K_NO_WAIT), Is.EqualTo(-EINVAL), "min_xfer above the request");
        });
    }

    [Test]
    public void test_pipe_get_on_empty_pipe()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            Assert.That(k_pipe_get(_pipe, _rx, 4, out uint read, 0, K_NO_WAIT), Is.Zero, "min_xfer 0 always succeeds");
            Assert.That(read, Is.Zero);
            Assert.That(k_pipe_get(_pipe, _rx, 4, out read, 1, K_NO_WAIT), Is.EqualTo(-EIO));
        });
    }

    [Test]
    public void test_pipe_block_put()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int ret = 1;
            uint written = 0;
            long doneAt = 0;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                ret = k_pipe_put(_pipe, _tx, 24, out written, 24, K_FOREVER);
                doneAt = k_uptime_get();
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            Assert.That(k_pipe_read_avail(_pipe), Is.EqualTo(PipeLen), "16 bytes fit, 8 wait with the writer");
            Assert.That(_k.GetPipe(_pipe).WriterCount, Is.EqualTo(1));
            Assert.That(k_pipe_get(_pipe, _rx, 12, out uint read, 12, K_NO_WAIT), Is.Zero);
            Assert.That(read, Is.EqualTo(12u));
            k_sleep(K_MSEC(1));
            Assert.That((ret, written, doneAt), Is.EqualTo((0, 24u, 10L)), "the read made room and the ring was refilled from the writer");
            Assert.That(k_pipe_read_avail(_pipe), Is.EqualTo(12u));
            Assert.That(k_pipe_get(_pipe, _rx + 12, 12, out read, 12, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.ReadBytes(_rx, 24), Is.EqualTo(Expected(0, 24)));
        });
    }

    [Test]
    public void test_pipe_reader_wait()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int ret = 1;
            uint read = 0;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => ret = k_pipe_get(_pipe, _rx, 8, out read, 8, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_pipe_put(_pipe, _tx, 5, out uint written, 5, K_NO_WAIT), Is.Zero);
            Assert.That((written, k_pipe_read_avail(_pipe)), Is.EqualTo((5u, 0u)), "straight to the waiting reader, not the ring");
            k_sleep(K_MSEC(1));
            Assert.That(ret, Is.EqualTo(1), "the reader still wants 3 bytes");
            Assert.That(k_pipe_put(_pipe, _tx + 5, 6, out written, 6, K_NO_WAIT), Is.Zero);
            Assert.That((written, k_pipe_read_avail(_pipe)), Is.EqualTo((6u, 3u)), "3 to the reader, 3 into the ring");
            k_sleep(K_MSEC(1));
            Assert.That((ret, read), Is.EqualTo((0, 8u)));
            Assert.That(_mem.ReadBytes(_rx, 8), Is.EqualTo(Expected(0, 8)));
        });
    }

    [Test]
    public void test_half_pipe_put_get()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            var results = new (int Ret, uint Read)[2];
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => results[0] = (k_pipe_get(_pipe, _rx, PipeLen / 2, out uint r, 1, K_FOREVER), 0), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_thread_create(_tid2, _stack2, StackSize, (_, _, _) => results[1] = (k_pipe_get(_pipe, _rx + 32, PipeLen / 2, out uint r, 1, K_FOREVER), 0), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_pipe_put(_pipe, _tx, PipeLen, out uint written, 1, K_NO_WAIT), Is.Zero);
            Assert.That(written, Is.EqualTo(PipeLen), "two waiting readers take half each");
            Assert.That(k_pipe_read_avail(_pipe), Is.Zero);
            k_sleep(K_MSEC(1));
            Assert.That(results.Select(r => r.Ret), Is.All.Zero);
            Assert.That(_mem.ReadBytes(_rx, 8), Is.EqualTo(Expected(0, 8)), "the first waiter (FIFO) got the first half");
            Assert.That(_mem.ReadBytes(_rx + 32, 8), Is.EqualTo(Expected(8, 8)));
        });
    }

    [Test]
    public void test_pipe_get_min_xfer()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            Assert.That(k_pipe_put(_pipe, _tx, 3, out _, 3, K_NO_WAIT), Is.Zero);
            Assert.That(k_pipe_get(_pipe, _rx, 8, out uint read, 4, K_NO_WAIT), Is.EqualTo(-EIO), "3 < min_xfer 4: nothing is read");
            Assert.That(k_pipe_read_avail(_pipe), Is.EqualTo(3u));
            long start = k_uptime_get();
            Assert.That(k_pipe_get(_pipe, _rx, 8, out read, 2, K_MSEC(30)), Is.Zero, "a finite timeout returns at once with >= min_xfer");
            Assert.That((read, k_uptime_get() - start), Is.EqualTo((3u, 0L)));
        });
    }

    [Test]
    public void test_pipe_put_min_xfer()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            Assert.That(k_pipe_put(_pipe, _tx, 12, out uint written, 12, K_NO_WAIT), Is.Zero);
            Assert.That(k_pipe_put(_pipe, _tx, 8, out written, 5, K_NO_WAIT), Is.EqualTo(-EIO), "4 bytes free < 5");
            Assert.That(written, Is.Zero);
            Assert.That(k_pipe_put(_pipe, _tx, 8, out written, 3, K_NO_WAIT), Is.Zero, "partial write");
            Assert.That((written, k_pipe_write_avail(_pipe)), Is.EqualTo((4u, 0u)));
        });
    }

    [Test]
    public void test_pipe_forever_timeout_partial_then_complete()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int ret = 1;
            uint read = 0;
            long doneAt = 0;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                ret = k_pipe_get(_pipe, _rx, 10, out read, 1, K_FOREVER);
                doneAt = k_uptime_get();
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(5));
            k_pipe_put(_pipe, _tx, 4, out _, 4, K_NO_WAIT);
            k_sleep(K_MSEC(5));
            Assert.That(ret, Is.EqualTo(1), "with K_FOREVER a reader waits for the whole request");
            k_pipe_put(_pipe, _tx + 4, 6, out _, 6, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That((ret, read, doneAt), Is.EqualTo((0, 10u, 10L)));
        });
    }

    [Test]
    public void test_pipe_timeout_partial_returns_zero()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int ret = 1;
            uint read = 0;
            long doneAt = 0;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) =>
            {
                ret = k_pipe_get(_pipe, _rx, 10, out read, 3, K_MSEC(40));
                doneAt = k_uptime_get();
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(5));
            k_pipe_put(_pipe, _tx, 4, out _, 4, K_NO_WAIT);
            k_sleep(K_MSEC(60));
            Assert.That((ret, read), Is.EqualTo((0, 4u)), "timed out with >= min_xfer: success with a partial count");
            Assert.That(doneAt, Is.InRange(40, 41));
            Assert.That(_mem.ReadBytes(_rx, 4), Is.EqualTo(Expected(0, 4)));
        });
    }

    [Test]
    public void test_pipe_avail_no_buffer()
    {
        ZTest.Run(_k, () =>
        {
            Init(0);
            Assert.That((k_pipe_read_avail(_pipe), k_pipe_write_avail(_pipe)), Is.EqualTo((0u, 0u)));
            Assert.That(k_pipe_put(_pipe, _tx, 4, out uint written, 1, K_NO_WAIT), Is.EqualTo(-EIO), "no buffer and no reader");
            int ret = 1;
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => ret = k_pipe_put(_pipe, _tx, 6, out written, 6, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_pipe_get(_pipe, _rx, 6, out uint read, 6, K_NO_WAIT), Is.Zero, "direct transfer from the waiting writer");
            k_sleep(K_MSEC(1));
            Assert.That((ret, written, read), Is.EqualTo((0, 6u, 6u)));
            Assert.That(_mem.ReadBytes(_rx, 6), Is.EqualTo(Expected(0, 6)));
        });
    }

    [Test]
    public void test_pipe_avail_r_lt_w()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            k_pipe_put(_pipe, _tx, 10, out _, 10, K_NO_WAIT);
            k_pipe_get(_pipe, _rx, 3, out _, 3, K_NO_WAIT);
            Assert.That((k_pipe_read_avail(_pipe), k_pipe_write_avail(_pipe)), Is.EqualTo((7u, 9u)));
        });
    }

    [Test]
    public void test_pipe_avail_w_lt_r()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            k_pipe_put(_pipe, _tx, 12, out _, 12, K_NO_WAIT);
            k_pipe_get(_pipe, _rx, 10, out _, 10, K_NO_WAIT);
            k_pipe_put(_pipe, _tx + 12, 10, out _, 10, K_NO_WAIT);
            Assert.That((k_pipe_read_avail(_pipe), k_pipe_write_avail(_pipe)), Is.EqualTo((12u, 4u)), "the write index wrapped below the read index");
            Assert.That(k_pipe_get(_pipe, _rx, 12, out uint read, 12, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.ReadBytes(_rx, 12), Is.EqualTo(Expected(10, 12)), "read across the wrap");
        });
    }

    [Test]
    public void test_pipe_avail_r_eq_w_full()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            k_pipe_put(_pipe, _tx, PipeLen, out _, PipeLen, K_NO_WAIT);
            Assert.That((k_pipe_read_avail(_pipe), k_pipe_write_avail(_pipe)), Is.EqualTo((PipeLen, 0u)));
        });
    }

    [Test]
    public void test_pipe_avail_r_eq_w_empty()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            k_pipe_put(_pipe, _tx, 5, out _, 5, K_NO_WAIT);
            k_pipe_get(_pipe, _rx, 5, out _, 5, K_NO_WAIT);
            Assert.That((k_pipe_read_avail(_pipe), k_pipe_write_avail(_pipe)), Is.EqualTo((0u, PipeLen)));
        });
    }

    [Test]
    public void test_pipe_flush()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int ret = 1;
            uint written = 0;
            k_pipe_put(_pipe, _tx, PipeLen, out _, PipeLen, K_NO_WAIT);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => ret = k_pipe_put(_pipe, _tx, 8, out written, 8, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(_k.GetPipe(_pipe).WriterCount, Is.EqualTo(1));
            k_pipe_flush(_pipe);
            Assert.That((k_pipe_read_avail(_pipe), _k.GetPipe(_pipe).WriterCount), Is.EqualTo((0u, 0)), "the ring and the waiting writer's data are gone");
            k_sleep(K_MSEC(1));
            Assert.That((ret, written), Is.EqualTo((0, 8u)), "a flushed writer completes");
        });
    }

    [Test]
    public void test_pipe_buffer_flush()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int ret = 1;
            k_pipe_put(_pipe, _tx, PipeLen, out _, PipeLen, K_NO_WAIT);
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => ret = k_pipe_put(_pipe, _tx + 20, 8, out _, 8, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            k_pipe_buffer_flush(_pipe);
            Assert.That(k_pipe_read_avail(_pipe), Is.EqualTo(8u), "the waiting writer refilled the emptied ring");
            k_sleep(K_MSEC(1));
            Assert.That(ret, Is.Zero);
            Assert.That(k_pipe_get(_pipe, _rx, 8, out _, 8, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.ReadBytes(_rx, 8), Is.EqualTo(Expected(20, 8)));
        });
    }

    [Test]
    public void test_pipe_cleanup()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => k_pipe_get(_pipe, _rx, 4, out _, 4, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_pipe_cleanup(_pipe), Is.EqualTo(-EAGAIN));
            k_pipe_put(_pipe, _tx, 4, out _, 4, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_pipe_cleanup(_pipe), Is.Zero);
        });
    }

    [Test]
    public void test_pipe_isr()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            int put = 1, get = 1, blocked = 1;
            uint written = 0, read = 0;
            irq_offload(_ => put = k_pipe_put(_pipe, _tx, 6, out written, 6, K_NO_WAIT), 0);
            irq_offload(_ => get = k_pipe_get(_pipe, _rx, 6, out read, 6, K_NO_WAIT), 0);
            irq_offload(_ => blocked = k_pipe_get(_pipe, _rx, 6, out _, 1, K_FOREVER), 0);
            Assert.That((put, written, get, read), Is.EqualTo((0, 6u, 0, 6u)));
            Assert.That(blocked, Is.EqualTo(-EIO), "from an ISR a timeout is treated as K_NO_WAIT");
            Assert.That(_k.GetPipe(_pipe).ReaderCount, Is.Zero);
            Assert.That(_mem.ReadBytes(_rx, 6), Is.EqualTo(Expected(0, 6)));
        });
    }

    [Test]
    public void test_pipe_defined_statically()
    {
        PipeHandle defined = _k.DefinePipe("kpipe", 8);
        ZTest.Run(_k, () =>
        {
            Assert.That(k_pipe_write_avail(defined), Is.EqualTo(8u));
            Assert.That(k_pipe_put(defined, _tx, 8, out uint written, 8, K_NO_WAIT), Is.Zero);
            Assert.That(k_pipe_get(defined, _rx, 8, out uint read, 8, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.ReadBytes(_rx, 8), Is.EqualTo(Expected(0, 8)));
        });
        Assert.That(_k.Layout.KernelData.Contains(_k.GetPipe(defined).Buffer), Is.True, "K_PIPE_DEFINE's ring is kernel data");
    }

    [Test]
    public void test_pipe_init_rejects_unsafe_buffers()
    {
        ZTest.Run(_k, () =>
        {
            Assert.That(k_pipe_init(_pipe, 0, 16), Is.EqualTo(-EINVAL), "a NULL buffer with a size");
            Assert.That(k_pipe_init(_pipe, 0xFFFF_FF00, 0x200), Is.EqualTo(-EINVAL), "wraps the address space");
            Assert.That(k_pipe_init(_pipe, _k.Layout.KernelData.Start, 16), Is.EqualTo(-EINVAL), "kernel data");
            Assert.That(k_pipe_init(_pipe, _k.Layout.Objects.Start + 32, 16), Is.EqualTo(-EINVAL), "kernel objects");
            Assert.That(k_pipe_init(_pipe, (uint)_k.Layout.Stacks.End - 8, 16), Is.EqualTo(-EINVAL), "the end of the stacks area");
            Assert.That(k_pipe_init(_pipe, 0, 0), Is.Zero, "no buffer: direct transfer only");
            Init();
        });
    }

    [Test]
    public void test_pipe_readers_served_priority_then_fifo()
    {
        var order = new List<string>();
        (string Name, int Prio)[] readers = [("low_a", 6), ("high", 2), ("low_b", 6)];
        ThreadHandle[] tids = [.. readers.Select(r => _k.DeclareThread(r.Name))];
        StackHandle[] stacks = [.. readers.Select(r => _k.DefineStack(r.Name + "_stack", StackSize))];
        ZTest.Run(_k, () =>
        {
            Init(0);
            for (int i = 0; i < readers.Length; i++)
            {
                string name = readers[i].Name;
                uint dest = _rx + (uint)(i * 8);
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    Assert.That(k_pipe_get(_pipe, dest, 2, out uint read, 2, K_FOREVER), Is.Zero);
                    order.Add($"{name}:{string.Join(',', _mem.ReadBytes(dest, (int)read))}");
                }, 0, 0, 0, readers[i].Prio, 0, K_NO_WAIT);
                k_sleep(K_MSEC(1));
            }

            Assert.That(k_pipe_put(_pipe, _tx, 6, out uint written, 6, K_NO_WAIT), Is.Zero);
            Assert.That(written, Is.EqualTo(6u));
            k_sleep(K_MSEC(1));
        });
        Assert.That(order, Is.EqualTo(new[] { "high:0,1", "low_a:2,3", "low_b:4,5" }));
    }

    [Test]
    public void test_pipe_bad_destination_faults_the_reader()
    {
        var faults = new List<FatalErrorReport>();
        _k.SetFatalErrorHandler((_, report) => faults.Add(report));
        ZTest.Run(_k, () =>
        {
            Init();
            k_thread_create(_tid, _stack1, StackSize, (_, _, _) => k_pipe_get(_pipe, 0x6000_0000, 4, out _, 4, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_pipe_put(_pipe, _tx, 4, out _, 4, K_NO_WAIT), Is.Zero, "the writer is not blamed for the reader's pointer");
            k_sleep(K_MSEC(1));
        });
        Assert.That(faults.Select(f => (f.ThreadName, f.Reason, f.Fault!.FaultAddress)), Is.EqualTo(new[] { ("tdata", K_ERR_CPU_EXCEPTION, (uint?)0x6000_0000u) }));
    }
}
