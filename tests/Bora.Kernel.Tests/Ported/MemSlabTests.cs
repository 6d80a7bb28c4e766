namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/mem_slab/mslab_api and mslab_concept (plus Bora scenarios).</summary>
public sealed class MemSlabTests
{
    private const uint BlkSize = 16;
    private const uint BlkNum = 3;
    private const uint BlkAlign = 8;
    private const int TimeoutMs = 2000;

    private BoraKernel _k = null!;
    private MemSlabHandle _kmslab;
    private MemSlabHandle _mslab;
    private uint _tslab;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _kmslab = _k.DefineMemSlab("kmslab", BlkSize, BlkNum, BlkAlign);
        _mslab = _k.DeclareMemSlab("mslab");
        _tslab = _k.DefineBuffer("tslab", BlkSize * BlkNum, BlkAlign);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private void Setup() => Assert.That(k_mem_slab_init(_mslab, _tslab, BlkSize, BlkNum), Is.Zero);

    [Test]
    public void test_mslab_kinit()
    {
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mem_slab_init(_mslab, _tslab, BlkSize + 1, BlkNum), Is.EqualTo(-EINVAL), "block size not word aligned");
            Assert.That(k_mem_slab_init(_mslab, _tslab + 2, BlkSize, BlkNum), Is.EqualTo(-EINVAL), "buffer not word aligned");
            Assert.That(k_mem_slab_init(_mslab, _tslab, 0, BlkNum), Is.EqualTo(-EINVAL), "zero block size (Zephyr would loop forever)");
            Assert.That(k_mem_slab_init(_mslab, _tslab, BlkSize, BlkNum), Is.Zero);
            Assert.That(k_mem_slab_num_used_get(_mslab), Is.Zero);
            Assert.That(k_mem_slab_num_free_get(_mslab), Is.EqualTo(BlkNum));
        });
    }

    [Test]
    public void test_mslab_kdefine()
    {
        ZTest.Run(_k, () =>
        {
            Assert.That(k_mem_slab_num_used_get(_kmslab), Is.Zero);
            Assert.That(k_mem_slab_num_free_get(_kmslab), Is.EqualTo(BlkNum));
        });
        Assert.That(_k.GetMemSlab(_kmslab).Buffer % BlkAlign, Is.Zero);
        Assert.That(_k.Layout.KernelData.Contains(_k.GetMemSlab(_kmslab).Buffer), Is.True, "K_MEM_SLAB_DEFINE's buffer is kernel RAM");
    }

    [Test]
    public void test_mslab_alloc_free_thread()
    {
        ZTest.Run(_k, () =>
        {
            Setup();
            var blocks = new uint[BlkNum];
            for (int i = 0; i < BlkNum; i++)
            {
                Assert.That(k_mem_slab_alloc(_mslab, out blocks[i], K_NO_WAIT), Is.Zero);
                Assert.That(blocks[i], Is.EqualTo(_tslab + ((uint)i * BlkSize)), "the free list runs in address order");
            }

            foreach (uint b in blocks)
            {
                k_mem_slab_free(_mslab, b);
            }

            Assert.That(k_mem_slab_num_free_get(_mslab), Is.EqualTo(BlkNum));
        });
    }

    [Test]
    public void test_mslab_alloc_align()
    {
        ZTest.Run(_k, () =>
        {
            Setup();
            foreach (MemSlabHandle slab in new[] { _mslab, _kmslab })
            {
                var blocks = new uint[BlkNum];
                for (int i = 0; i < BlkNum; i++)
                {
                    Assert.That(k_mem_slab_alloc(slab, out blocks[i], K_NO_WAIT), Is.Zero);
                    Assert.That(blocks[i] % BlkAlign, Is.Zero);
                }

                foreach (uint b in blocks)
                {
                    k_mem_slab_free(slab, b);
                }
            }
        });
    }

    [Test]
    public void test_mslab_alloc_timeout()
    {
        ZTest.Run(_k, () =>
        {
            Setup();
            var blocks = new uint[BlkNum];
            for (int i = 0; i < BlkNum; i++)
            {
                Assert.That(k_mem_slab_alloc(_mslab, out blocks[i], K_NO_WAIT), Is.Zero);
            }

            Assert.That(k_mem_slab_alloc(_mslab, out uint fail, K_NO_WAIT), Is.EqualTo(-Errno.ENoMem));
            Assert.That(fail, Is.Zero);
            long tms = k_uptime_get();
            long ticks = k_uptime_ticks();
            Assert.That(k_mem_slab_alloc(_mslab, out fail, K_MSEC(TimeoutMs)), Is.EqualTo(-EAGAIN));
            Assert.That(k_uptime_delta(ref tms), Is.GreaterThanOrEqualTo(TimeoutMs));
            Assert.That(k_uptime_ticks() - ticks, Is.EqualTo((TimeoutMs * 10) + 1), "exactly the timeout (+ the partial tick)");
            foreach (uint b in blocks)
            {
                k_mem_slab_free(_mslab, b);
            }
        });
    }

    [Test]
    public void test_mslab_used_get()
    {
        ZTest.Run(_k, () =>
        {
            Setup();
            foreach (MemSlabHandle slab in new[] { _mslab, _kmslab })
            {
                var blocks = new uint[BlkNum];
                for (uint i = 0; i < BlkNum; i++)
                {
                    Assert.That(k_mem_slab_alloc(slab, out blocks[i], K_NO_WAIT), Is.Zero);
                    Assert.That(k_mem_slab_num_used_get(slab), Is.EqualTo(i + 1));
                    Assert.That(k_mem_slab_num_free_get(slab), Is.EqualTo(BlkNum - 1 - i));
                }

                Assert.That(k_mem_slab_alloc(slab, out _, K_NO_WAIT), Is.EqualTo(-Errno.ENoMem));
                Assert.That(k_mem_slab_num_free_get(slab), Is.Zero);
                Assert.That(k_mem_slab_num_used_get(slab), Is.EqualTo(BlkNum));
                Assert.That(k_mem_slab_alloc(slab, out _, K_MSEC(TimeoutMs)), Is.EqualTo(-EAGAIN));
                Assert.That(k_mem_slab_num_used_get(slab), Is.EqualTo(BlkNum));
                for (uint i = 0; i < BlkNum; i++)
                {
                    k_mem_slab_free(slab, blocks[i]);
                    Assert.That(k_mem_slab_num_free_get(slab), Is.EqualTo(i + 1));
                    Assert.That(k_mem_slab_num_used_get(slab), Is.EqualTo(BlkNum - 1 - i));
                }
            }
        });
    }

    [Test]
    public void test_mslab_pending()
    {
        SemaphoreHandle helperDone = _k.DefineSemaphore("SEM_HELPERDONE", 0, 1);
        SemaphoreHandle regressDone = _k.DefineSemaphore("SEM_REGRESSDONE", 0, 1);
        uint handed = 0, gotBlock = 1;
        ZTest.Run(_k, () =>
        {
            Spawner.Spawn(_k, "HELPER", (_, _, _) =>
            {
                var ptr = new uint[BlkNum];
                k_sem_take(regressDone, K_FOREVER);
                for (uint i = 0; i < BlkNum; i++)
                {
                    Assert.That(k_mem_slab_num_used_get(_kmslab), Is.EqualTo(i));
                    Assert.That(k_mem_slab_alloc(_kmslab, out ptr[i], K_NO_WAIT), Is.Zero);
                }

                k_sem_give(helperDone);
                k_sem_take(regressDone, K_FOREVER);
                handed = ptr[0];
                k_mem_slab_free(_kmslab, ptr[0]);
                k_sem_take(regressDone, K_FOREVER);
                for (int i = 1; i < BlkNum; i++)
                {
                    k_mem_slab_free(_kmslab, ptr[i]);
                }

                k_sem_give(helperDone);
            }, 7);
            k_sem_give(regressDone);
            k_sem_take(helperDone, K_FOREVER);
            Assert.That(k_mem_slab_alloc(_kmslab, out uint b, K_MSEC(20)), Is.EqualTo(-EAGAIN));
            k_sem_give(regressDone);
            Assert.That(k_mem_slab_alloc(_kmslab, out b, K_FOREVER), Is.Zero);
            gotBlock = b;
            Assert.That(k_mem_slab_num_used_get(_kmslab), Is.EqualTo(BlkNum), "the freed block went straight to the waiter");
            k_sem_give(regressDone);
            k_sem_take(helperDone, K_FOREVER);
            k_mem_slab_free(_kmslab, b);
            Assert.That(k_mem_slab_num_used_get(_kmslab), Is.Zero);
        });
        Assert.That(gotBlock, Is.EqualTo(handed));
    }

    [Test]
    public void test_mslab_max_used_get()
    {
        ZTest.Run(_k, () =>
        {
            Setup();
            Assert.That(k_mem_slab_max_used_get(_mslab), Is.Zero);
            Assert.That(k_mem_slab_alloc(_mslab, out uint a, K_NO_WAIT), Is.Zero);
            Assert.That(k_mem_slab_alloc(_mslab, out uint b, K_NO_WAIT), Is.Zero);
            k_mem_slab_free(_mslab, a);
            Assert.That(k_mem_slab_alloc(_mslab, out a, K_NO_WAIT), Is.Zero);
            k_mem_slab_free(_mslab, a);
            k_mem_slab_free(_mslab, b);
            Assert.That(k_mem_slab_max_used_get(_mslab), Is.EqualTo(2u));
            Assert.That(k_mem_slab_num_used_get(_mslab), Is.Zero);
        });
    }

    [Test]
    public void test_mslab_alloc_wait_prio()
    {
        var order = new List<string>();
        ZTest.Run(_k, () =>
        {
            Setup();
            var blocks = new uint[BlkNum];
            for (int i = 0; i < BlkNum; i++)
            {
                k_mem_slab_alloc(_mslab, out blocks[i], K_NO_WAIT);
            }

            (string Name, int Prio, int TimeoutMs)[] waiters = [("low", 5, 1000), ("high_first", 2, 1000), ("high_second", 2, 1000), ("timeout", 1, 10)];
            foreach ((string name, int prio, int timeout) in waiters)
            {
                Spawner.Spawn(_k, name, (_, _, _) =>
                {
                    int ret = k_mem_slab_alloc(_mslab, out uint block, K_MSEC(timeout));
                    order.Add($"{name}:{ret}:{(block == 0 ? "null" : "block")}");
                }, prio);
            }

            k_msleep(20);
            Assert.That(order, Is.EqualTo(new[] { "timeout:-11:null" }));
            foreach (uint b in blocks)
            {
                k_mem_slab_free(_mslab, b);
            }

            k_msleep(1);
            Assert.That(k_mem_slab_num_used_get(_mslab), Is.EqualTo(BlkNum));
        });
        Assert.That(order, Is.EqualTo(new[] { "timeout:-11:null", "high_first:0:block", "high_second:0:block", "low:0:block" }));
    }

    [Test]
    public void test_mslab_free_list_is_threaded_through_the_blocks()
    {
        ZTest.Run(_k, () =>
        {
            Setup();
            PhysicalMemoryReader read = _k.Machine.Bus.Memory.ReadUInt32;
            Assert.That(read(_tslab), Is.EqualTo(_tslab + BlkSize));
            Assert.That(read(_tslab + BlkSize), Is.EqualTo(_tslab + (2 * BlkSize)));
            Assert.That(read(_tslab + (2 * BlkSize)), Is.Zero, "the last block ends the list");
            Assert.That(k_mem_slab_alloc(_mslab, out uint a, K_NO_WAIT), Is.Zero);
            _k.Machine.Bus.Memory.WriteUInt32(_tslab + BlkSize, _tslab + (2 * BlkSize) + 4);
            Assert.That(k_mem_slab_alloc(_mslab, out uint b, K_NO_WAIT), Is.Zero);
            Assert.That(_k.GetMemSlab(_mslab).FreeList, Is.EqualTo(_tslab + (2 * BlkSize) + 4), "the next pointer is read from simulated memory, as Zephyr does (so corruption shows)");
            k_mem_slab_free(_mslab, a);
            Assert.That(read(a), Is.EqualTo(_tslab + (2 * BlkSize) + 4), "free pushes the old head into the block");
            _ = b;
        });
    }

    private delegate uint PhysicalMemoryReader(uint address);

    [Test]
    public void test_mslab_alloc_free_isr()
    {
        int noWait = 1, timed = 1;
        ZTest.Run(_k, () =>
        {
            Setup();
            var blocks = new uint[BlkNum];
            irq_offload(_ =>
            {
                for (int i = 0; i < BlkNum; i++)
                {
                    Assert.That(k_mem_slab_alloc(_mslab, out blocks[i], K_NO_WAIT), Is.Zero);
                }

                noWait = k_mem_slab_alloc(_mslab, out _, K_NO_WAIT);
                timed = k_mem_slab_alloc(_mslab, out _, K_FOREVER);
                foreach (uint b in blocks)
                {
                    k_mem_slab_free(_mslab, b);
                }
            }, 0);
            Assert.That(k_mem_slab_num_used_get(_mslab), Is.Zero);
        });
        Assert.That((noWait, timed), Is.EqualTo((-Errno.ENoMem, -Errno.ENoMem)), "in an ISR a timeout is treated as K_NO_WAIT");
    }

    [Test]
    public void test_mslab_free_invalid_pointer_oopses()
    {
        var reasons = new List<FatalReason>();
        _k.SetFatalErrorHandler((r, _) => reasons.Add(r));
        bool after = false;
        ZTest.Run(_k, () =>
        {
            Setup();
            Spawner.Spawn(_k, "bad_free", (_, _, _) =>
            {
                k_mem_slab_alloc(_mslab, out uint a, K_NO_WAIT);
                k_mem_slab_free(_mslab, a + 4);
                after = true;
            }, 1);
            k_msleep(1);
        });
        Assert.That(reasons, Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
        Assert.That(after, Is.False);
    }
}
