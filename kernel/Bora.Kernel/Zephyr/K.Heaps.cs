namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_heap</c> and system-heap API (kernel/kheap.c, kernel/mempool.c); pointers are addresses, 0 is NULL.</summary>
public static partial class K
{
    /// <summary><c>k_heap_init</c>: a bad buffer is an oops of the caller.</summary>
    public static void k_heap_init(HeapHandle h, uint mem, uint bytes)
    {
        KernelContext c = Ctx();
        c.Kernel.CallHeapInit(c.Thread, h, mem, bytes);
    }

    /// <summary><c>k_heap_alloc</c>: the block, or 0.</summary>
    public static uint k_heap_alloc(HeapHandle h, uint bytes, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallHeapAlloc(c.Thread, h, 4, bytes, timeout);
    }

    /// <summary><c>k_heap_aligned_alloc</c>: the block aligned to <paramref name="align"/>, or 0.</summary>
    public static uint k_heap_aligned_alloc(HeapHandle h, uint align, uint bytes, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallHeapAlloc(c.Thread, h, align, bytes, timeout);
    }

    /// <summary><c>k_heap_calloc</c>: a zeroed block, or 0 (also when <paramref name="num"/> × <paramref name="size"/> overflows).</summary>
    public static uint k_heap_calloc(HeapHandle h, uint num, uint size, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallHeapCalloc(c.Thread, h, num, size, timeout);
    }

    /// <summary><c>k_heap_free</c>.</summary>
    public static void k_heap_free(HeapHandle h, uint mem)
    {
        KernelContext c = Ctx();
        c.Kernel.CallHeapFree(c.Thread, h, mem);
    }

    /// <summary><c>k_malloc</c>: a block from the system heap, or 0.</summary>
    public static uint k_malloc(uint size)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMalloc(c.Thread, 4, size, zero: false);
    }

    /// <summary><c>k_calloc</c>: a zeroed block from the system heap, or 0 (also on overflow).</summary>
    public static uint k_calloc(uint nmemb, uint size)
    {
        KernelContext c = Ctx();
        ulong bounds = (ulong)nmemb * size;
        return bounds > uint.MaxValue ? 0 : c.Kernel.CallMalloc(c.Thread, 4, bounds, zero: true);
    }

    /// <summary><c>k_aligned_alloc</c>: a block aligned to <paramref name="align"/> (a power-of-two multiple of 4), or 0.</summary>
    public static uint k_aligned_alloc(uint align, uint size)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMalloc(c.Thread, align, size, zero: false);
    }

    /// <summary><c>k_free</c>.</summary>
    public static void k_free(uint ptr)
    {
        KernelContext c = Ctx();
        c.Kernel.CallFree(c.Thread, ptr);
    }
}
