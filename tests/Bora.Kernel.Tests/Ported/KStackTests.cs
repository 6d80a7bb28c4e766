namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/stack/stack (stack_api contexts, stack_fail) (+ buffer safety, ISR rules).</summary>
public sealed class KStackTests
{
    private const uint StackSize = 1024;
    private const uint StackLen = 4;

    private BoraKernel _k = null!;
    private TestMemory _mem = null!;
    private KStackHandle _stack;
    private uint _buffer;
    private ThreadHandle _tid;
    private StackHandle _threadStack;
    private uint[] _data = [0xABCD, 0x1234, 0x5678, 0x9ABC];

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _mem = new TestMemory(_k);
        _stack = _k.DeclareKStack("stack");
        _buffer = _mem.Alloc(StackLen * 4);
        _tid = _k.DeclareThread("tdata");
        _threadStack = _k.DefineStack("threadstack", StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void Init() => Assert.That(k_stack_init(_stack, _buffer, StackLen), Is.Zero);

    private void PushAll()
    {
        foreach (uint d in _data)
        {
            Assert.That(k_stack_push(_stack, d), Is.Zero);
        }
    }

    private void PopAll()
    {
        for (int i = _data.Length - 1; i >= 0; i--)
        {
            Assert.That(k_stack_pop(_stack, out uint rx, K_NO_WAIT), Is.Zero);
            Assert.That(rx, Is.EqualTo(_data[i]), "last in, first out");
        }
    }

    [Test]
    public void test_stack_thread2thread()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            bool done = false;
            k_thread_create(_tid, _threadStack, StackSize, (_, _, _) =>
            {
                PopAll();
                done = true;
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_MSEC(5));
            PushAll();
            Assert.That(_mem.Read(_buffer + 12), Is.EqualTo(_data[3]), "the words live in the caller's buffer");
            k_sleep(K_MSEC(20));
            Assert.That(done, Is.True);
        });
    }

    [Test]
    public void test_stack_thread2isr()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            irq_offload(_ => PushAll(), 0);
            irq_offload(_ => PopAll(), 0);
            Assert.That(_k.GetKStack(_stack).Count, Is.Zero);
        });
    }

    [Test]
    public void test_stack_pop_fail()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            Assert.That(k_stack_pop(_stack, out _, K_NO_WAIT), Is.EqualTo(-EBUSY));
            long start = k_uptime_get();
            Assert.That(k_stack_pop(_stack, out _, K_MSEC(100)), Is.EqualTo(-EAGAIN));
            Assert.That(k_uptime_get() - start, Is.InRange(100, 101));
        });
    }

    [Test]
    public void test_stack_push_full()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            PushAll();
            Assert.That(k_stack_push(_stack, 0xDEAD), Is.EqualTo(-Errno.ENoMem));
            Assert.That(Errno.ENoMem, Is.EqualTo(12));
            PopAll();
        });
    }

    [Test]
    public void test_stack_cleanup_error()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            k_thread_create(_tid, _threadStack, StackSize, (_, _, _) => k_stack_pop(_stack, out _, K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
            Assert.That(k_stack_cleanup(_stack), Is.EqualTo(-EAGAIN));
            Assert.That(k_stack_push(_stack, 7), Is.Zero);
            k_sleep(K_MSEC(1));
            Assert.That(k_stack_cleanup(_stack), Is.Zero);
        });
    }

    [Test]
    public void test_stack_pop_can_wait()
    {
        ZTest.Run(_k, () =>
        {
            Init();
            uint rxAddress = _mem.Alloc(4);
            int ret = 1;
            long wokeAt = 0;
            k_thread_create(_tid, _threadStack, StackSize, (_, _, _) =>
            {
                ret = k_stack_pop(_stack, rxAddress, K_FOREVER);
                wokeAt = k_uptime_get();
            }, 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(30));
            Assert.That(k_stack_push(_stack, 0x5A5A), Is.Zero);
            Assert.That(_k.GetKStack(_stack).Count, Is.Zero, "the word went to the waiter, not the buffer");
            k_sleep(K_MSEC(1));
            Assert.That((ret, _mem.Read(rxAddress)), Is.EqualTo((0, 0x5A5Au)), "stored through the popper's pointer");
            Assert.That(wokeAt, Is.EqualTo(30));
        });
    }

    [Test]
    public void test_stack_multithread_competition()
    {
        var order = new List<string>();
        (string Name, int Prio)[] poppers = [("low", 5), ("high", 1), ("mid", 3), ("low2", 5)];
        ThreadHandle[] tids = [.. poppers.Select(p => _k.DeclareThread(p.Name))];
        StackHandle[] stacks = [.. poppers.Select(p => _k.DefineStack(p.Name + "_stack", StackSize))];
        ZTest.Run(_k, () =>
        {
            Init();
            for (int i = 0; i < poppers.Length; i++)
            {
                string name = poppers[i].Name;
                k_thread_create(tids[i], stacks[i], StackSize, (_, _, _) =>
                {
                    Assert.That(k_stack_pop(_stack, out uint v, K_FOREVER), Is.Zero);
                    order.Add($"{name}:{v}");
                }, 0, 0, 0, poppers[i].Prio, 0, K_NO_WAIT);
                k_sleep(K_MSEC(1));
            }

            for (uint v = 1; v <= 4; v++)
            {
                k_stack_push(_stack, v);
            }

            k_sleep(K_MSEC(5));
        });
        Assert.That(order, Is.EqualTo(new[] { "high:1", "mid:2", "low:3", "low2:4" }));
    }

    [Test]
    public void test_stack_pop_from_isr_with_timeout_returns_ebusy()
    {
        int ret = 1;
        ZTest.Run(_k, () =>
        {
            Init();
            irq_offload(_ => ret = k_stack_pop(_stack, out _, K_FOREVER), 0);
        });
        Assert.That(ret, Is.EqualTo(-EBUSY), "an ISR cannot wait: like k_sem_take, the timeout is treated as K_NO_WAIT");
    }

    [Test]
    public void test_stack_init_rejects_unsafe_buffers()
    {
        ZTest.Run(_k, () =>
        {
            Assert.That(k_stack_init(_stack, _buffer, 0x4000_0001), Is.EqualTo(-EINVAL), "num_entries × 4 overflows 32 bits");
            Assert.That(k_stack_init(_stack, 0xFFFF_FFF8, 4), Is.EqualTo(-EINVAL), "wraps the address space");
            Assert.That(k_stack_init(_stack, _k.Layout.KernelData.Start + 64, 4), Is.EqualTo(-EINVAL), "kernel data");
            Assert.That(k_stack_init(_stack, _k.Layout.Objects.Start, 4), Is.EqualTo(-EINVAL), "kernel objects");
            Assert.That(k_stack_init(_stack, _k.Layout.Stacks.Start + 256, 4), Is.EqualTo(-EINVAL), "thread stacks");
            Init();
        });
    }

    [Test]
    public void test_stack_pop_to_bad_pointer_faults_the_caller()
    {
        var faults = new List<FatalErrorReport>();
        _k.SetFatalErrorHandler((_, report) => faults.Add(report));
        ZTest.Run(_k, () =>
        {
            Init();
            k_stack_push(_stack, 42);
            k_thread_create(_tid, _threadStack, StackSize, (_, _, _) => k_stack_pop(_stack, 0x6000_0000, K_NO_WAIT), 0, 0, 0, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
            k_sleep(K_MSEC(1));
        });
        Assert.That(faults.Select(f => (f.ThreadName, f.Reason, f.Fault!.FaultAddress)), Is.EqualTo(new[] { ("tdata", K_ERR_CPU_EXCEPTION, (uint?)0x6000_0000u) }));
    }

    [Test]
    public void test_stack_defined_statically()
    {
        KStackHandle defined = _k.DefineKStack("kstack", 2);
        ZTest.Run(_k, () =>
        {
            Assert.That(k_stack_push(defined, 1), Is.Zero);
            Assert.That(k_stack_push(defined, 2), Is.Zero);
            Assert.That(k_stack_push(defined, 3), Is.EqualTo(-Errno.ENoMem));
            Assert.That(k_stack_pop(defined, out uint v, K_NO_WAIT), Is.Zero);
            Assert.That(v, Is.EqualTo(2u));
        });
        Assert.That(_k.Layout.KernelData.Contains(_k.GetKStack(defined).Base), Is.True, "K_STACK_DEFINE's buffer is kernel data");
    }
}
