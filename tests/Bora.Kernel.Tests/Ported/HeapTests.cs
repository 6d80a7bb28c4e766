namespace Bora.Kernel.Tests.Ported;

/// <summary>Ported from zephyr tests/kernel/mem_heap/k_heap_api and mheap_api_concept (plus Bora scenarios).</summary>
public sealed class HeapTests
{
    private const uint HeapSize = 2048;
    private const uint AllocSize1 = 1024;
    private const uint AllocSize2 = 1536;
    private const uint AllocSize3 = 2049;
    private static readonly KTimeout Timeout = K_USEC(2000);

    private BoraKernel _k = null!;
    private HeapHandle _heap;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _heap = _k.DefineHeap("k_heap_test", HeapSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    private bool InHeap(uint mem, uint bytes)
    {
        KHeap h = _k.GetHeap(_heap);
        return mem >= h.BufferStart && mem + bytes <= h.BufferStart + h.BufferSize;
    }

    [Test]
    public void test_k_heap_min_size()
    {
        HeapHandle tiny = _k.DefineHeap("tiny_heap", 1);
        ZTest.Run(_k, () =>
        {
            uint p0 = k_heap_alloc(tiny, 1, K_NO_WAIT);
            uint p1 = k_heap_alloc(tiny, 1, K_NO_WAIT);
            Assert.That(p0, Is.Not.Zero, "allocation failed");
            Assert.That(p1, Is.Zero, "second allocation unexpectedly succeeded");
            _k.Machine.Cpu.WriteByte(p0, 0xff);
            k_heap_free(tiny, p0);
        });
        KHeap h = _k.GetHeap(tiny);
        Assert.That(h.BufferSize, Is.EqualTo(BoraKernel.HeapMinSize), "Z_HEAP_MIN_SIZE");
        Assert.That(h.BufferStart % 8, Is.Zero);
    }

    [Test]
    public void test_k_heap_alloc()
    {
        ZTest.Run(_k, () =>
        {
            uint p = k_heap_alloc(_heap, AllocSize1, Timeout);
            Assert.That(p, Is.Not.Zero);
            Assert.That(InHeap(p, AllocSize1), Is.True);
            _k.Machine.Cpu.FillBlock(p, AllocSize1, (byte)'0');
            k_heap_free(_heap, p);
            Assert.That(_k.GetHeap(_heap).AllocatedBytes, Is.Zero);
        });
    }

    [Test]
    public void test_k_heap_alloc_fail()
    {
        long waited = 0;
        ZTest.Run(_k, () =>
        {
            long start = k_uptime_ticks();
            Assert.That(k_heap_alloc(_heap, AllocSize3, Timeout), Is.Zero);
            waited = k_uptime_ticks() - start;
            k_heap_free(_heap, 0);
        });
        Assert.That(waited, Is.EqualTo(20 + 1 + 1), "20 ticks (+1 partial) pended, then the final K_NO_WAIT pend kheap.c makes once the timepoint has passed");
    }

    [Test]
    public void test_k_heap_free()
    {
        ZTest.Run(_k, () =>
        {
            uint p = k_heap_alloc(_heap, AllocSize1, Timeout);
            Assert.That(p, Is.Not.Zero);
            k_heap_free(_heap, p);
            p = k_heap_alloc(_heap, AllocSize2, Timeout);
            Assert.That(p, Is.Not.Zero);
            _k.Machine.Cpu.FillBlock(p, AllocSize2, (byte)'0');
            k_heap_free(_heap, p);
        });
    }

    [Test]
    public void test_kheap_alloc_in_isr_nowait()
    {
        uint p = 1;
        bool inIsr = false;
        ZTest.Run(_k, () => irq_offload(_ =>
        {
            inIsr = k_is_in_isr();
            p = k_heap_alloc(_heap, AllocSize1, K_NO_WAIT);
            Assert.That(p, Is.Not.Zero, "k_heap_alloc operation failed");
            k_heap_free(_heap, p);
        }, 0));
        Assert.That(inIsr, Is.True);
        Assert.That(_k.GetHeap(_heap).AllocatedBytes, Is.Zero);
    }

    [Test]
    public void test_k_heap_alloc_pending()
    {
        long childGot = 0, freedAt = 0;
        ZTest.Run(_k, () =>
        {
            uint p = k_heap_alloc(_heap, AllocSize2, K_NO_WAIT);
            Assert.That(p, Is.Not.Zero);
            ThreadHandle tid = Spawner.Spawn(_k, "thread_alloc_heap", (_, _, _) =>
            {
                Assert.That(k_heap_alloc(_heap, AllocSize2, K_NO_WAIT), Is.Zero, "k_heap_alloc should fail but did not");
                uint q = k_heap_alloc(_heap, AllocSize2, K_MSEC(200));
                Assert.That(q, Is.Not.Zero, "k_heap_alloc failed to allocate memory");
                childGot = k_uptime_ticks();
                k_heap_free(_heap, q);
            }, K_PRIO_PREEMPT(5));
            k_msleep(5);
            Assert.That(_k.GetHeap(_heap).WaiterCount, Is.EqualTo(1));
            freedAt = k_uptime_ticks();
            k_heap_free(_heap, p);
            Assert.That(k_thread_join(tid, K_FOREVER), Is.Zero);
        });
        Assert.That(childGot, Is.EqualTo(freedAt), "the free woke the waiter, which retried and got the memory");
    }

    [Test]
    public void test_k_heap_alloc_pending_null()
    {
        long childStart = 0, childEnd = 0;
        uint result = 1;
        ZTest.Run(_k, () =>
        {
            uint p = k_heap_alloc(_heap, AllocSize1, K_NO_WAIT);
            uint q = k_heap_alloc(_heap, 512, K_NO_WAIT);
            Assert.That(p, Is.Not.Zero);
            Assert.That(q, Is.Not.Zero);
            ThreadHandle tid = Spawner.Spawn(_k, "thread_alloc_heap_null", (_, _, _) =>
            {
                Assert.That(k_heap_alloc(_heap, AllocSize2, K_NO_WAIT), Is.Zero);
                childStart = k_uptime_ticks();
                result = k_heap_alloc(_heap, AllocSize2, K_MSEC(200));
                childEnd = k_uptime_ticks();
            }, K_PRIO_PREEMPT(5));
            k_msleep(5);
            k_heap_free(_heap, q);
            Assert.That(_k.GetHeap(_heap).WaiterCount, Is.Zero, "the free woke every waiter");
            k_msleep(1);
            Assert.That(_k.GetHeap(_heap).WaiterCount, Is.EqualTo(1), "still too small: it pended again");
            Assert.That(k_thread_join(tid, K_FOREVER), Is.Zero);
            k_heap_free(_heap, p);
        });
        Assert.That(result, Is.Zero);
        Assert.That(childEnd - childStart, Is.EqualTo(2000 + 1 + 1), "the timepoint (2000 ticks, +1 partial), woken early by the free and re-pended to the same timepoint, then the final K_NO_WAIT pend");
    }

    [Test]
    public void test_k_heap_calloc()
    {
        ZTest.Run(_k, () =>
        {
            uint dirty = k_heap_alloc(_heap, 1024, K_NO_WAIT);
            _k.Machine.Cpu.FillBlock(dirty, 1024, 0xA5);
            k_heap_free(_heap, dirty);
            uint p = k_heap_calloc(_heap, 256, 4, Timeout);
            Assert.That(p, Is.EqualTo(dirty), "the same (dirty) block comes back");
            for (uint i = 0; i < 256; i++)
            {
                Assert.That(_k.Machine.Cpu.ReadUInt32(p + (i * 4)), Is.Zero);
            }

            k_heap_free(_heap, p);
            Assert.That(k_heap_calloc(_heap, uint.MaxValue, uint.MaxValue, K_NO_WAIT), Is.Zero, "num * size overflows");
            uint z = k_heap_calloc(_heap, 0, 0, K_NO_WAIT);
            Assert.That(z, Is.Zero, "a zero-size request returns NULL (sys_heap_alloc of 0 bytes)");
        });
    }

    [Test]
    public void test_k_heap_aligned_alloc()
    {
        var blocks = new List<(uint Mem, uint Size)>();
        ZTest.Run(_k, () =>
        {
            foreach (uint align in new uint[] { 8, 16, 32, 64, 128, 256 })
            {
                uint size = 24 + align / 4;
                uint p = k_heap_aligned_alloc(_heap, align, size, K_NO_WAIT);
                Assert.That(p, Is.Not.Zero, $"align {align}");
                Assert.That(p % align, Is.Zero, $"aligned to {align}");
                blocks.Add((p, size));
            }

            foreach ((uint mem, _) in blocks)
            {
                k_heap_free(_heap, mem);
            }

            Assert.That(_k.GetHeap(_heap).AllocatedBytes, Is.Zero, "prefixes and suffixes coalesced back");
        });
        Assert.That(blocks.All(b => InHeap(b.Mem, b.Size)), Is.True);
        Assert.That(Overlaps(blocks), Is.False);
    }

    private static bool Overlaps(List<(uint Mem, uint Size)> blocks)
    {
        var sorted = blocks.OrderBy(b => b.Mem).ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            if (sorted[i - 1].Mem + sorted[i - 1].Size > sorted[i].Mem)
            {
                return true;
            }
        }

        return false;
    }

    [Test]
    public void test_k_heap_random_alloc_free_never_overlaps()
    {
        ZTest.Run(_k, () =>
        {
            var rng = new Random(5);
            var live = new List<(uint Mem, uint Size)>();
            uint initialFree = _k.GetHeap(_heap).FreeBytes;
            for (int i = 0; i < 400; i++)
            {
                if (live.Count > 0 && rng.Next(3) == 0)
                {
                    int victim = rng.Next(live.Count);
                    k_heap_free(_heap, live[victim].Mem);
                    live.RemoveAt(victim);
                    continue;
                }

                uint size = (uint)rng.Next(1, 200);
                uint align = 1u << rng.Next(2, 7);
                uint p = k_heap_aligned_alloc(_heap, align, size, K_NO_WAIT);
                if (p != 0)
                {
                    Assert.That(p % align, Is.Zero);
                    Assert.That(InHeap(p, size), Is.True);
                    live.Add((p, size));
                    Assert.That(Overlaps(live), Is.False, $"step {i}");
                }
            }

            foreach ((uint mem, _) in live)
            {
                k_heap_free(_heap, mem);
            }

            Assert.That(_k.GetHeap(_heap).FreeBytes, Is.EqualTo(initialFree), "everything coalesced");
            Assert.That(k_heap_alloc(_heap, 1900, K_NO_WAIT), Is.Not.Zero, "one big free chunk again");
        });
    }

    [Test]
    public void test_k_heap_alloc_with_timeout_in_isr_is_no_wait()
    {
        uint got = 1;
        ulong cycles = 0;
        ZTest.Run(_k, () =>
        {
            uint p = k_heap_alloc(_heap, AllocSize2, K_NO_WAIT);
            irq_offload(_ =>
            {
                ulong before = k_cycle_get_64();
                got = k_heap_alloc(_heap, AllocSize2, K_FOREVER);
                cycles = k_cycle_get_64() - before;
            }, 0);
            k_heap_free(_heap, p);
        });
        Assert.That(got, Is.Zero);
        Assert.That(cycles, Is.LessThan(2500u), "no tick passed");
    }

    [Test]
    public void test_k_heap_free_of_foreign_pointer_oopses()
    {
        var reasons = new List<FatalReason>();
        _k.SetFatalErrorHandler((r, _) => reasons.Add(r));
        bool after = false;
        ZTest.Run(_k, () =>
        {
            Spawner.Spawn(_k, "bad_free", (_, _, _) =>
            {
                uint p = k_heap_alloc(_heap, 16, K_NO_WAIT);
                k_heap_free(_heap, p);
                k_heap_free(_heap, p);
                after = true;
            }, 1);
            k_msleep(1);
        });
        Assert.That(reasons, Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
        Assert.That(after, Is.False);
    }

    [Test]
    public void test_mheap_malloc_free()
    {
        ZTest.Run(_k, () =>
        {
            var blocks = new List<uint>();
            uint p;
            while ((p = k_malloc(200)) != 0)
            {
                Assert.That(_k.Layout.Heap.Contains(p), Is.True, "the system heap is the layout's heap area");
                Assert.That(p % 8, Is.Zero);
                blocks.Add(p);
            }

            Assert.That(blocks.Count, Is.InRange(250, 320), "64 KiB of 200-byte blocks (plus headers) before NULL");
            int count = blocks.Count;
            foreach (uint b in blocks)
            {
                k_free(b);
            }

            blocks.Clear();
            while ((p = k_malloc(200)) != 0)
            {
                blocks.Add(p);
            }

            Assert.That(blocks, Has.Count.EqualTo(count), "every block came back");
            blocks.ForEach(k_free);
            k_free(0);
        });
    }

    [Test]
    public void test_mheap_calloc()
    {
        ZTest.Run(_k, () =>
        {
            Assert.That(k_calloc(uint.MaxValue, 2), Is.Zero, "nmemb * size overflows");
            Assert.That(k_calloc(0x10000, 0x10000), Is.Zero);
            uint p = k_calloc(64, 4);
            Assert.That(p, Is.Not.Zero);
            for (uint i = 0; i < 64; i++)
            {
                Assert.That(_k.Machine.Cpu.ReadUInt32(p + (i * 4)), Is.Zero);
            }

            Assert.That(_k.Machine.Cpu.ReadUInt32(p - 4), Is.EqualTo(_k.SystemHeap.Address), "the heap reference sits below the block");
            k_free(p);
        });
    }

    [Test]
    public void test_k_aligned_alloc()
    {
        ZTest.Run(_k, () =>
        {
            foreach (uint align in new uint[] { 4, 8, 16, 64, 256, 1024 })
            {
                uint p = k_aligned_alloc(align, 100);
                Assert.That(p, Is.Not.Zero);
                Assert.That(p % align, Is.Zero, $"align {align}");
                k_free(p);
            }

            Assert.That(k_aligned_alloc(12, 16), Is.Zero, "not a power of two");
            Assert.That(k_aligned_alloc(2, 16), Is.Zero, "not a multiple of sizeof(void *)");
            Assert.That(_k.SystemHeap.AllocatedBytes, Is.Zero);
        });
    }

    [Test]
    public void test_mheap_malloc_exhausted_returns_null_without_waiting()
    {
        ZTest.Run(_k, () =>
        {
            long start = k_uptime_ticks();
            Assert.That(k_malloc(_k.Layout.Heap.Size), Is.Zero);
            Assert.That(k_malloc(uint.MaxValue), Is.Zero, "size + the heap reference overflows");
            Assert.That(k_uptime_ticks(), Is.EqualTo(start));
        });
    }

    [Test]
    public void test_mheap_malloc_free_isr()
    {
        uint p = 0;
        ZTest.Run(_k, () =>
        {
            irq_offload(_ => p = k_malloc(64), 0);
            Assert.That(p, Is.Not.Zero);
            irq_offload(_ => k_free(p), 0);
            Assert.That(_k.SystemHeap.AllocatedBytes, Is.Zero);
        });
    }
}
