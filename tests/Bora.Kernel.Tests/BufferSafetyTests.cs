namespace Bora.Kernel.Tests;

/// <summary>
/// A heap or slab over a buffer that wraps the address space, leaves RAM or overlaps kernel memory
/// (kernel data, the object area, the stacks) is refused: <c>k_mem_slab_init</c> with -EINVAL,
/// <c>k_heap_init</c> (which returns nothing in Zephyr) with an oops of the caller.
/// </summary>
public sealed class BufferSafetyTests
{
    private static IEnumerable<TestCaseData> BadBuffers()
    {
        yield return new TestCaseData("kernel-data", (Func<BoraKernel, (uint, uint)>)(k => (k.Layout.KernelData.Start + 0x100, 256u))).SetName("{m}(kernel-data)");
        yield return new TestCaseData("object-area", (Func<BoraKernel, (uint, uint)>)(k => (k.Layout.Objects.Start, 256u))).SetName("{m}(object-area)");
        yield return new TestCaseData("stacks", (Func<BoraKernel, (uint, uint)>)(k => (k.Layout.Stacks.Start + 64, 512u))).SetName("{m}(stacks)");
        yield return new TestCaseData("straddles-into-objects", (Func<BoraKernel, (uint, uint)>)(k => (k.Layout.Objects.Start - 64, 128u))).SetName("{m}(straddles-into-objects)");
        yield return new TestCaseData("past-ram", (Func<BoraKernel, (uint, uint)>)(k => ((uint)k.Layout.Heap.End - 128, 256u))).SetName("{m}(past-ram)");
        yield return new TestCaseData("flash", (Func<BoraKernel, (uint, uint)>)(k => (k.Layout.Rodata.Start, 256u))).SetName("{m}(flash)");
        yield return new TestCaseData("wraps", (Func<BoraKernel, (uint, uint)>)(k => (0xFFFF_FF00u, 0x200u))).SetName("{m}(wraps)");
    }

    [TestCaseSource(nameof(BadBuffers))]
    public void MemSlabInit_OverABadBuffer_ReturnsEinval(string what, Func<BoraKernel, (uint Start, uint Size)> buffer)
    {
        using BoraKernel k = ZTest.Create();
        MemSlabHandle slab = k.DeclareMemSlab("slab");
        (uint start, uint size) = buffer(k);
        int result = 0;
        ZTest.Run(k, () => result = k_mem_slab_init(slab, start, 16, size / 16));
        Assert.That(result, Is.EqualTo(-EINVAL), what);
        Assert.That(k.GetMemSlab(slab).NumBlocks, Is.Zero, "nothing was initialised");
    }

    [TestCaseSource(nameof(BadBuffers))]
    public void HeapInit_OverABadBuffer_OopsesTheCaller(string what, Func<BoraKernel, (uint Start, uint Size)> buffer)
    {
        using BoraKernel k = ZTest.Create();
        HeapHandle heap = k.DeclareHeap("heap");
        var faults = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, r) => faults.Add(r));
        (uint start, uint size) = buffer(k);
        bool after = false;
        ZTest.Run(k, () =>
        {
            Spawner.Spawn(k, "initer", (_, _, _) =>
            {
                k_heap_init(heap, start, size);
                after = true;
            }, 1);
            k_msleep(1);
        });
        Assert.That(faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }), what);
        Assert.That(faults[0].Message, Does.Contain("k_heap_init"));
        Assert.That(after, Is.False);
        Assert.That(k.GetHeap(heap).IsInitialized, Is.False);
    }

    [Test]
    public void HeapInit_TooSmall_OopsesTheCaller()
    {
        using BoraKernel k = ZTest.Create();
        HeapHandle heap = k.DeclareHeap("heap");
        uint buffer = k.DefineBuffer("small", 32, 8);
        var faults = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, r) => faults.Add(r));
        ZTest.Run(k, () =>
        {
            Spawner.Spawn(k, "initer", (_, _, _) => k_heap_init(heap, buffer, 32), 1);
            k_msleep(1);
        });
        Assert.That(faults, Has.Count.EqualTo(1));
        Assert.That(faults[0].Message, Does.Contain("too small"));
    }

    [Test]
    public void GoodBuffers_InAppRamAndFromTheSystemHeap_AreAccepted()
    {
        using BoraKernel k = ZTest.Create();
        HeapHandle heap = k.DeclareHeap("heap");
        HeapHandle nested = k.DeclareHeap("nested");
        MemSlabHandle slab = k.DeclareMemSlab("slab");
        uint appBuffer = k.DefineBuffer("heap_buf", 1024, 8);
        uint slabBuffer = k.DefineBuffer("slab_buf", 256, 8);
        ZTest.Run(k, () =>
        {
            k_heap_init(heap, appBuffer, 1024);
            Assert.That(k_heap_alloc(heap, 100, K_NO_WAIT), Is.Not.Zero);
            uint fromMalloc = k_malloc(512);
            k_heap_init(nested, fromMalloc, 512);
            uint inner = k_heap_alloc(nested, 64, K_NO_WAIT);
            Assert.That(inner, Is.InRange(fromMalloc, fromMalloc + 512 - 64));
            Assert.That(k_mem_slab_init(slab, slabBuffer, 32, 8), Is.Zero);
            Assert.That(k_mem_slab_num_free_get(slab), Is.EqualTo(8u));
        });
    }

    [Test]
    public void MemSlabInit_WhoseSizeOverflows_ReturnsEinval()
    {
        using BoraKernel k = ZTest.Create();
        MemSlabHandle slab = k.DeclareMemSlab("slab");
        uint buffer = k.DefineBuffer("buf", 64, 8);
        int result = 0;
        ZTest.Run(k, () => result = k_mem_slab_init(slab, buffer, 0x1000_0000, 0x20));
        Assert.That(result, Is.EqualTo(-EINVAL));
    }
}
