namespace Bora.Kernel.Tests.ResourcePools;

/// <summary>
/// Thread resource pools, after zephyr tests/kernel/mem_protect/mem_protect (inherit.c), tests/kernel/queue
/// (alloc append/prepend), tests/kernel/stack, msgq and pipe (the <c>*_alloc_init</c> cases): what a thread's pool
/// is, who inherits it, what draws on it, that every allocation goes back, and that exhaustion is -ENOMEM.
/// </summary>
public sealed class ResourcePoolTests
{
    private const uint PoolBytes = 2048;

    private BoraKernel _k = null!;
    private HeapHandle _pool;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _pool = _k.DefineHeap("res_pool", PoolBytes);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private KHeap Pool => _k.GetHeap(_pool);

    [Test]
    public void test_inherit_resource_pool()
    {
        ThreadHandle child = _k.DeclareThread("child");
        StackHandle childStack = _k.DefineStack("child_stack", 1024);
        ThreadHandle orphan = _k.DeclareThread("orphan");
        ZTest.Run(_k, () =>
        {
            Assert.That(_k.GetThread(k_current_get()).ResourcePool, Is.Null, "no pool until one is assigned");
            k_thread_heap_assign(k_current_get(), _pool);
            k_thread_create(child, childStack, 1024, (_, _, _) => { }, 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_FOREVER);
            k_thread_system_pool_assign(k_current_get());
        });
        Assert.Multiple(() =>
        {
            Assert.That(_k.GetThread(child).ResourcePool, Is.SameAs(Pool), "the child inherits the pool its creator had then");
            Assert.That(_k.GetThread(_k.Threads.First(t => t.Name == "ztest_thread").Handle).ResourcePool, Is.SameAs(_k.SystemHeap));
            Assert.That(_k.GetThread(orphan).ResourcePool, Is.Null);
        });
    }

    [Test]
    public void test_queue_alloc_append_and_prepend_free_their_containers()
    {
        QueueHandle queue = _k.DefineQueue("queue");
        var got = new List<uint>();
        uint peeked = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), _pool);
            Assert.That(k_queue_alloc_append(queue, 0xA1), Is.Zero);
            Assert.That(k_queue_alloc_append(queue, 0xA2), Is.Zero);
            Assert.That(k_queue_alloc_prepend(queue, 0xA0), Is.Zero);
            Assert.That(Pool.AllocatedBytes, Is.GreaterThan(0u), "three containers from the pool");
            peeked = k_queue_peek_tail(queue);
            for (int i = 0; i < 3; i++)
            {
                got.Add(k_queue_get(queue, K_NO_WAIT));
            }
        });
        Assert.Multiple(() =>
        {
            Assert.That(got, Is.EqualTo(new uint[] { 0xA0, 0xA1, 0xA2 }), "the data, not the containers");
            Assert.That(peeked, Is.EqualTo(0xA2u), "peek sees the data too");
            Assert.That(Pool.AllocatedBytes, Is.Zero, "k_queue_get freed every container");
        });
    }

    [Test]
    public void test_queue_alloc_append_without_a_pool_is_enomem()
    {
        QueueHandle queue = _k.DefineQueue("queue");
        int rc = 1;
        ZTest.Run(_k, () => rc = k_queue_alloc_append(queue, 0xB0));
        Assert.That(rc, Is.EqualTo(-ENOMEM));
        Assert.That(_k.Halt, Is.Null);
    }

    [Test]
    public void test_queue_alloc_append_to_a_waiter_allocates_nothing()
    {
        QueueHandle queue = _k.DefineQueue("queue");
        ThreadHandle getter = _k.DeclareThread("getter");
        StackHandle stack = _k.DefineStack("getter_stack", 1024);
        uint received = 0;
        int rc = 1;
        ZTest.Run(_k, () =>
        {
            k_thread_create(getter, stack, 1024, (_, _, _) => received = k_queue_get(queue, K_FOREVER), 0, 0, 0, K_PRIO_COOP(0), 0, K_NO_WAIT);
            k_yield();

            // No pool: the item goes straight to the waiting thread, so nothing is allocated (queue_insert).
            rc = k_queue_alloc_append(queue, 0xC0);
            k_thread_join(getter, K_FOREVER);
        });
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.Zero);
            Assert.That(received, Is.EqualTo(0xC0u));
        });
    }

    [Test]
    public void test_fifo_and_lifo_alloc_put_exhaust_the_pool_with_enomem()
    {
        HeapHandle tiny = _k.DefineHeap("tiny_pool", 64);
        FifoHandle fifo = _k.DefineFifo("fifo");
        LifoHandle lifo = _k.DefineLifo("lifo");
        int fifoPuts = 0;
        int lastFifo = 0;
        int lifoAfter = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), tiny);
            while ((lastFifo = k_fifo_alloc_put(fifo, (uint)(0x10 + fifoPuts))) == 0)
            {
                fifoPuts++;
                Assert.That(fifoPuts, Is.LessThan(64), "a 64-byte pool cannot hold that many containers");
            }

            lifoAfter = k_lifo_alloc_put(lifo, 0x99);
            Assert.That(k_fifo_get(fifo, K_NO_WAIT), Is.EqualTo(0x10u));
            Assert.That(k_lifo_alloc_put(lifo, 0x99), Is.Zero, "the freed container is reusable");
        });
        Assert.Multiple(() =>
        {
            Assert.That(fifoPuts, Is.GreaterThan(0));
            Assert.That(lastFifo, Is.EqualTo(-ENOMEM));
            Assert.That(lifoAfter, Is.EqualTo(-ENOMEM));
        });
    }

    [Test]
    public void test_queue_alloc_append_from_an_isr_uses_the_system_heap()
    {
        QueueHandle queue = _k.DefineQueue("queue");
        int rc = 1;
        uint got = 0;
        ZTest.Run(_k, () =>
        {
            irq_offload(_ => rc = k_queue_alloc_append(queue, 0xD0), 0);
            Assert.That(_k.SystemHeap.AllocatedBytes, Is.GreaterThan(0u));
            got = k_queue_get(queue, K_NO_WAIT);
        });
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.Zero, "in an ISR z_thread_malloc draws on the system heap, whatever the interrupted thread has");
            Assert.That(got, Is.EqualTo(0xD0u));
            Assert.That(_k.SystemHeap.AllocatedBytes, Is.Zero);
        });
    }

    [Test]
    public void test_stack_alloc_init_and_cleanup()
    {
        KStackHandle stack = _k.DeclareKStack("stack");
        KStackHandle noPool = _k.DeclareKStack("stack_no_pool");
        int rc = 1;
        int rcNoPool = 0;
        int rcOverflow = 0;
        uint popped = 0;
        uint allocated = 0;
        ZTest.Run(_k, () =>
        {
            rcNoPool = k_stack_alloc_init(noPool, 4);
            k_thread_heap_assign(k_current_get(), _pool);
            rcOverflow = k_stack_alloc_init(noPool, 0x4000_0001);
            rc = k_stack_alloc_init(stack, 8);
            allocated = Pool.AllocatedBytes;
            Assert.That(k_stack_push(stack, 0x1234), Is.Zero);
            Assert.That(k_stack_pop(stack, out popped, K_NO_WAIT), Is.Zero);
            Assert.That(k_stack_cleanup(stack), Is.Zero);
        });
        Assert.Multiple(() =>
        {
            Assert.That(rcNoPool, Is.EqualTo(-ENOMEM));
            Assert.That(rcOverflow, Is.EqualTo(-ENOMEM), "a word count whose size overflows 32 bits");
            Assert.That(rc, Is.Zero);
            Assert.That(allocated, Is.GreaterThanOrEqualTo(8u * 4));
            Assert.That(popped, Is.EqualTo(0x1234u));
            Assert.That(Pool.AllocatedBytes, Is.Zero, "cleanup gave the buffer back");
            Assert.That(_k.GetKStack(stack).BufferAllocated, Is.False);
        });
    }

    [Test]
    public void test_stack_cleanup_with_a_waiter_is_eagain_and_frees_nothing()
    {
        KStackHandle stack = _k.DeclareKStack("stack");
        ThreadHandle popper = _k.DeclareThread("popper");
        StackHandle popperStack = _k.DefineStack("popper_stack", 1024);
        int rc = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), _pool);
            Assert.That(k_stack_alloc_init(stack, 4), Is.Zero);
            k_thread_create(popper, popperStack, 1024, (_, _, _) => k_stack_pop(stack, out _, K_FOREVER), 0, 0, 0, K_PRIO_COOP(0), 0, K_NO_WAIT);
            k_yield();
            rc = k_stack_cleanup(stack);
            Assert.That(Pool.AllocatedBytes, Is.GreaterThan(0u));
            k_stack_push(stack, 1);
            k_thread_join(popper, K_FOREVER);
            Assert.That(k_stack_cleanup(stack), Is.Zero);
        });
        Assert.Multiple(() =>
        {
            Assert.That(rc, Is.EqualTo(-EAGAIN));
            Assert.That(Pool.AllocatedBytes, Is.Zero);
        });
    }

    [Test]
    public void test_msgq_alloc_init_put_get_cleanup()
    {
        MsgqHandle msgq = _k.DeclareMsgq("msgq");
        MsgqHandle big = _k.DeclareMsgq("msgq_big");
        var mem = new TestMemory(_k);
        uint message = mem.Words(0xCAFE_0001, 0xCAFE_0002);
        uint received = mem.Alloc(8);
        int rc = 1;
        int rcOverflow = 0;
        int rcTooBig = 0;
        int afterCleanup = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), _pool);
            rcOverflow = k_msgq_alloc_init(big, 0x10000, 0x10001);
            rcTooBig = k_msgq_alloc_init(big, 8, PoolBytes);
            rc = k_msgq_alloc_init(msgq, 8, 4);
            Assert.That(k_msgq_put(msgq, message, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_get(msgq, received, K_NO_WAIT), Is.Zero);
            Assert.That(k_msgq_cleanup(msgq), Is.Zero);
            afterCleanup = k_msgq_put(msgq, message, K_NO_WAIT);
        });
        Assert.Multiple(() =>
        {
            Assert.That(rcOverflow, Is.EqualTo(-EINVAL), "msg_size × max_msgs overflows");
            Assert.That(rcTooBig, Is.EqualTo(-ENOMEM));
            Assert.That(rc, Is.Zero);
            Assert.That(_k.Machine.Cpu.ReadUInt32(received + 4), Is.EqualTo(0xCAFE_0002u));
            Assert.That(Pool.AllocatedBytes, Is.Zero);
            Assert.That(afterCleanup, Is.EqualTo(-ENOMSG), "a cleaned-up queue has no ring left");
        });
    }

    [Test]
    public void test_msgq_cleanup_with_a_waiter_is_ebusy()
    {
        MsgqHandle msgq = _k.DeclareMsgq("msgq");
        ThreadHandle getter = _k.DeclareThread("getter");
        StackHandle stack = _k.DefineStack("getter_stack", 1024);
        var mem = new TestMemory(_k);
        uint buffer = mem.Alloc(8);
        int rc = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), _pool);
            Assert.That(k_msgq_alloc_init(msgq, 8, 2), Is.Zero);
            k_thread_create(getter, stack, 1024, (_, _, _) => k_msgq_get(msgq, buffer, K_FOREVER), 0, 0, 0, K_PRIO_COOP(0), 0, K_NO_WAIT);
            k_yield();
            rc = k_msgq_cleanup(msgq);
            k_msgq_purge(msgq);
            k_thread_abort(getter);
        });
        Assert.That(rc, Is.EqualTo(-EBUSY));
        Assert.That(Pool.AllocatedBytes, Is.GreaterThan(0u), "nothing was freed");
    }

    [Test]
    public void test_pipe_alloc_init_and_cleanup()
    {
        PipeHandle pipe = _k.DeclarePipe("pipe");
        PipeHandle bufferless = _k.DeclarePipe("bufferless");
        var mem = new TestMemory(_k);
        uint source = mem.Words(0x0403_0201);
        int rc = 1;
        int rcZero = 1;
        uint allocatedAfterZero = 1;
        uint written = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), _pool);
            rcZero = k_pipe_alloc_init(bufferless, 0);
            allocatedAfterZero = Pool.AllocatedBytes;
            rc = k_pipe_alloc_init(pipe, 64);
            Assert.That(k_pipe_put(pipe, source, 4, out written, 4, K_NO_WAIT), Is.Zero);
            Assert.That(k_pipe_cleanup(pipe), Is.Zero);
        });
        Assert.Multiple(() =>
        {
            Assert.That(rcZero, Is.Zero);
            Assert.That(allocatedAfterZero, Is.Zero, "a bufferless pipe takes nothing from the pool");
            Assert.That(rc, Is.Zero);
            Assert.That(written, Is.EqualTo(4u));
            Assert.That(Pool.AllocatedBytes, Is.Zero);
            Assert.That(_k.GetPipe(pipe).BufferSize, Is.Zero, "cleanup leaves a bufferless pipe, as in Zephyr");
        });
    }

    [Test]
    public void test_dynamic_msgq_with_a_pool_ring_returns_both_when_its_last_holder_goes()
    {
        uint poolAfterInit = 0;
        KObject? obj = null;
        ZTest.Run(_k, () =>
        {
            k_thread_heap_assign(k_current_get(), _pool);
            var q = (MsgqHandle)k_object_alloc(K_OBJ_MSGQ);
            Assert.That(q.Address, Is.Not.Zero);
            obj = k_object_find(q);
            Assert.That(k_msgq_alloc_init(q, 16, 4), Is.Zero);
            poolAfterInit = Pool.AllocatedBytes;
            k_object_release(q);
        });
        Assert.Multiple(() =>
        {
            Assert.That(poolAfterInit, Is.GreaterThanOrEqualTo(64u + 4), "object and ring both came from the pool");
            Assert.That(obj!.IsFreed, Is.True);
            Assert.That(Pool.AllocatedBytes, Is.Zero, "unref_check ran the msgq clean-up, which freed the ring, then freed the object");
        });
    }
}
