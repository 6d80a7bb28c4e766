namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/msgq/msgq_api (+ buffer safety and ISR rules).</summary>
public sealed class MsgqTests
{
    private const uint StackSize = 1024;
    private const uint MsgSize = 4;
    private const uint MsgqLen = 2;
    private const uint Msg0 = 0xABCD;
    private const uint Msg1 = 0x1234;

    private BoraKernel _k = null!;
    private TestMemory _mem = null!;
    private MsgqHandle _msgq;
    private uint _tbuffer;
    private uint _data;
    private uint _rx;
    private ThreadHandle _tdata;
    private StackHandle _tstack;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _mem = new TestMemory(_k);
        _msgq = _k.DeclareMsgq("msgq");
        _tbuffer = _mem.Alloc(MsgSize * MsgqLen);
        _data = _mem.Words(Msg0, Msg1);
        _rx = _mem.Alloc(16);
        _tdata = _k.DeclareThread("tdata");
        _tstack = _k.DefineStack("tstack", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void InitMsgq() => Assert.That(k_msgq_init(_msgq, _tbuffer, MsgSize, MsgqLen), Is.Zero);

    private void PutMsgq()
    {
        for (uint i = 0; i < MsgqLen; i++)
        {
            Assert.That(k_msgq_put(_msgq, _data + (i * 4), K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_num_free_get(_msgq), Is.EqualTo(MsgqLen - i - 1));
            Assert.That(k_msgq_num_used_get(_msgq), Is.EqualTo(i + 1));
        }
    }

    private void GetMsgq()
    {
        for (uint i = 0; i < MsgqLen; i++)
        {
            Assert.That(k_msgq_peek(_msgq, _rx), Is.Zero);
            Assert.That(_mem.Read(_rx), Is.EqualTo(i == 0 ? Msg0 : Msg1), "peek sees the head");
            Assert.That(k_msgq_get(_msgq, _rx, K_FOREVER), Is.Zero);
            Assert.That(_mem.Read(_rx), Is.EqualTo(i == 0 ? Msg0 : Msg1));
            Assert.That(k_msgq_num_free_get(_msgq), Is.EqualTo(i + 1));
            Assert.That(k_msgq_num_used_get(_msgq), Is.EqualTo(MsgqLen - i - 1));
        }
    }

    [Test]
    public void test_msgq_thread()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            PutMsgq();
            bool done = false;
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                GetMsgq();
                done = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            Assert.That(done, Is.True);
        });
    }

    [Test]
    public void test_msgq_thread_overflow()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            PutMsgq();
            int ret = 1;
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ret = k_msgq_put(_msgq, _data + 4, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            Assert.That(_k.GetMsgq(_msgq).WaiterCount, Is.EqualTo(1), "the writer waits for room");
            Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.Read(_rx), Is.EqualTo(Msg0));
            k_sleep(K_MSEC(10));
            Assert.That(ret, Is.Zero);
            Assert.That(k_msgq_num_used_get(_msgq), Is.EqualTo(2u), "the waiting writer's message took the freed slot");
            Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.Read(_rx), Is.EqualTo(Msg1));
            Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.Zero);
            Assert.That(_mem.Read(_rx), Is.EqualTo(Msg1), "the writer's message");
        });
    }

    [Test]
    public void test_msgq_isr()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            irq_offload(_ =>
            {
                Assert.That(k_is_in_isr(), Is.True);
                for (uint i = 0; i < MsgqLen; i++)
                {
                    Assert.That(k_msgq_put(_msgq, _data + (i * 4), K_NO_WAIT), Is.Zero);
                }
            }, 0);
            irq_offload(_ =>
            {
                for (uint i = 0; i < MsgqLen; i++)
                {
                    Assert.That(k_msgq_get(_msgq, _rx + (i * 4), K_NO_WAIT), Is.Zero);
                }
            }, 0);
            Assert.That((_mem.Read(_rx), _mem.Read(_rx + 4)), Is.EqualTo((Msg0, Msg1)));
        });
    }

    [Test]
    public void test_msgq_put_fail()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            Assert.That(k_msgq_put(_msgq, _data, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_put(_msgq, _data, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_put(_msgq, _data + 4, K_NO_WAIT), Is.EqualTo(-ENOMSG));
            long start = k_uptime_get();
            Assert.That(k_msgq_put(_msgq, _data, K_MSEC(100)), Is.EqualTo(-EAGAIN));
            Assert.That(k_uptime_get() - start, Is.InRange(100, 101));
        });
    }

    [Test]
    public void test_msgq_get_fail()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.EqualTo(-ENOMSG));
            Assert.That(k_msgq_get(_msgq, _rx, K_MSEC(100)), Is.EqualTo(-EAGAIN));
            Assert.That(k_msgq_peek(_msgq, _rx), Is.EqualTo(-ENOMSG));
            Assert.That(k_msgq_peek_at(_msgq, _rx, 0), Is.EqualTo(-ENOMSG));
        });
    }

    [Test]
    public void test_msgq_purge_when_put()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            PutMsgq();
            int ret = 1;
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => ret = k_msgq_put(_msgq, _data, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            k_msgq_purge(_msgq);
            k_sleep(K_MSEC(10));
            Assert.That(ret, Is.EqualTo(-ENOMSG), "purge wakes the blocked writer with -ENOMSG");
            Assert.That(k_msgq_num_used_get(_msgq), Is.Zero);
            for (uint i = 0; i < MsgqLen; i++)
            {
                Assert.That(k_msgq_put(_msgq, _data + (i * 4), K_NO_WAIT), Is.Zero);
            }

            Assert.That(k_msgq_put(_msgq, _data, K_NO_WAIT), Is.EqualTo(-ENOMSG));
        });
    }

    [Test]
    public void test_msgq_attrs_get()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            k_msgq_get_attrs(_msgq, out MsgqAttrs attrs);
            Assert.That(attrs, Is.EqualTo(new MsgqAttrs(MsgSize, MsgqLen, 0)));
            PutMsgq();
            uint attrsAddress = _mem.Alloc(MsgqAttrs.Size);
            k_msgq_get_attrs(_msgq, attrsAddress);
            Assert.That((_mem.Read(attrsAddress), _mem.Read(attrsAddress + 4), _mem.Read(attrsAddress + 8)), Is.EqualTo((MsgSize, MsgqLen, MsgqLen)), "struct k_msgq_attrs in memory");
            k_msgq_purge(_msgq);
            k_msgq_get_attrs(_msgq, out attrs);
            Assert.That(attrs.UsedMsgs, Is.Zero);
        });
    }

    [Test]
    public void test_msgq_empty()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            Assert.That(k_msgq_num_used_get(_msgq), Is.Zero);
            Assert.That(k_msgq_num_free_get(_msgq), Is.EqualTo(MsgqLen));
            Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.EqualTo(-ENOMSG));
        });
    }

    [Test]
    public void test_msgq_full()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            PutMsgq();
            Assert.That(k_msgq_num_free_get(_msgq), Is.Zero);
            Assert.That(k_msgq_put(_msgq, _data, K_NO_WAIT), Is.EqualTo(-ENOMSG));
        });
    }

    [Test]
    public void test_msgq_pend_thread()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            int ret = 1;
            uint got = 0;
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                ret = k_msgq_get(_msgq, _rx + 8, K_FOREVER);
                got = _mem.Read(_rx + 8);
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            Assert.That(k_msgq_put(_msgq, _data + 4, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_num_used_get(_msgq), Is.Zero, "the message went straight to the waiting reader");
            k_sleep(K_MSEC(10));
            Assert.That((ret, got), Is.EqualTo((0, Msg1)));
        });
    }

    [Test]
    public void test_msgq_put_front_and_peek_at()
    {
        ZTest.Run(_k, () =>
        {
            uint ring = _mem.Alloc(4 * 4);
            Assert.That(k_msgq_init(_msgq, ring, 4, 4), Is.Zero);
            uint values = _mem.Alloc(16);
            for (uint i = 0; i < 4; i++)
            {
                _mem.Write(values + (i * 4), 100 + i);
            }

            Assert.That(k_msgq_put(_msgq, values, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_put(_msgq, values + 4, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_put_front(_msgq, values + 8), Is.Zero, "wraps below slot 0");
            Assert.That(k_msgq_put(_msgq, values + 12, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_put_front(_msgq, values), Is.EqualTo(-ENOMSG));
            uint[] expected = [102, 100, 101, 103];
            for (uint i = 0; i < 4; i++)
            {
                Assert.That(k_msgq_peek_at(_msgq, _rx, i), Is.Zero);
                Assert.That(_mem.Read(_rx), Is.EqualTo(expected[i]), $"peek_at({i})");
            }

            Assert.That(k_msgq_peek_at(_msgq, _rx, 4), Is.EqualTo(-ENOMSG));
            foreach (uint value in expected)
            {
                Assert.That(k_msgq_get(_msgq, _rx, K_NO_WAIT), Is.Zero);
                Assert.That(_mem.Read(_rx), Is.EqualTo(value));
            }
        });
    }

    [Test]
    public void test_msgq_receivers_priority_then_fifo()
    {
        var order = new List<string>();
        (string Name, int Prio)[] readers = [("r_low_a", 6), ("r_high", 2), ("r_low_b", 6)];
        ThreadHandle[] tids = [.. readers.Select(r => _k.DeclareThread(r.Name))];
        StackHandle[] stacks = [.. readers.Select(r => _k.DefineStack(r.Name + "_stack", StackSize))];
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            for (int i = 0; i < readers.Length; i++)
            {
                string name = readers[i].Name;
                uint slot = _rx + (uint)(i * 4);
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    Assert.That(k_msgq_get(_msgq, slot, K_FOREVER), Is.Zero);
                    order.Add($"{name}={_mem.Read(slot):X}");
                }, 0, 0, 0, readers[i].Prio, 0, K_NO_WAIT);
                k_sleep(K_MSEC(1));
            }

            uint msgs = _mem.Words(1, 2, 3);
            for (uint i = 0; i < 3; i++)
            {
                Assert.That(k_msgq_put(_msgq, msgs + (i * 4), K_NO_WAIT), Is.Zero);
            }

            k_sleep(K_MSEC(5));
        });
        Assert.That(order, Is.EqualTo(new[] { "r_high=1", "r_low_a=2", "r_low_b=3" }));
    }

    [Test]
    public void test_msgq_cleanup_busy()
    {
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) => k_msgq_get(_msgq, _rx, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_msgq_cleanup(_msgq), Is.EqualTo(-EBUSY));
            k_thread_abort(_tdata);
            Assert.That(k_msgq_cleanup(_msgq), Is.Zero);
        });
    }

    [Test]
    public void test_msgq_blocking_calls_from_isr_do_not_wait()
    {
        int put = 1, get = 1;
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            irq_offload(_ => get = k_msgq_get(_msgq, _rx, K_FOREVER), 0);
            PutMsgq();
            irq_offload(_ => put = k_msgq_put(_msgq, _data, K_MSEC(100)), 0);
            Assert.That(_k.GetMsgq(_msgq).WaiterCount, Is.Zero);
        });
        Assert.That((get, put), Is.EqualTo((-ENOMSG, -ENOMSG)), "from an ISR a timeout is treated as K_NO_WAIT");
    }

    [Test]
    public void test_msgq_init_rejects_unsafe_buffers()
    {
        ZTest.Run(_k, () =>
        {
            Assert.That(k_msgq_init(_msgq, _tbuffer, 0x1_0000, 0x1_0000), Is.EqualTo(-EINVAL), "msg_size × max_msgs overflows 32 bits");
            Assert.That(k_msgq_init(_msgq, 0xFFFF_FFF0, 16, 2), Is.EqualTo(-EINVAL), "the buffer wraps the address space");
            Assert.That(k_msgq_init(_msgq, _k.Layout.KernelData.Start, 4, 4), Is.EqualTo(-EINVAL), "kernel data");
            Assert.That(k_msgq_init(_msgq, _k.Layout.Objects.Start + 8, 4, 4), Is.EqualTo(-EINVAL), "the kernel-object area");
            Assert.That(k_msgq_init(_msgq, _k.Layout.Stacks.Start, 4, 4), Is.EqualTo(-EINVAL), "the stacks area");
            Assert.That(k_msgq_init(_msgq, _k.Layout.Objects.Start - 4, 4, 2), Is.EqualTo(-EINVAL), "straddles into the object area");
            Assert.That(k_msgq_init(_msgq, _tbuffer, MsgSize, MsgqLen), Is.Zero, "a buffer in app memory is fine");
        });
    }

    [Test]
    public void test_msgq_bad_data_pointer_faults_the_caller()
    {
        var faults = new List<FatalErrorReport>();
        _k.SetFatalErrorHandler((_, report) => faults.Add(report));
        bool after = false;
        ZTest.Run(_k, () =>
        {
            InitMsgq();
            k_thread_create(_tdata, _tstack, StackSize, (_, _, _) =>
            {
                k_msgq_put(_msgq, 0x6000_0000, K_NO_WAIT);
                after = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(10));
            Assert.That(k_msgq_num_used_get(_msgq), Is.Zero, "nothing was queued");
        });
        Assert.That(after, Is.False);
        Assert.That(faults, Has.Count.EqualTo(1));
        Assert.That(faults[0].Reason, Is.EqualTo(K_ERR_CPU_EXCEPTION));
        Assert.That(faults[0].ThreadName, Is.EqualTo("tdata"));
        Assert.That(faults[0].Fault!.FaultAddress, Is.EqualTo(0x6000_0000u));
    }
}
