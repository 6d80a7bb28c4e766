namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_mem_slab</c> API (kernel/mem_slab.c); pointers are addresses, 0 is NULL.</summary>
public static partial class K
{
    /// <summary><c>k_mem_slab_init</c>: 0 or -EINVAL.</summary>
    public static int k_mem_slab_init(MemSlabHandle slab, uint buffer, uint block_size, uint num_blocks)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMemSlabInit(c.Thread, slab, buffer, block_size, num_blocks);
    }

    /// <summary><c>k_mem_slab_alloc</c>: 0 with <paramref name="mem"/> set, -ENOMEM or -EAGAIN (then <paramref name="mem"/> is 0).</summary>
    public static int k_mem_slab_alloc(MemSlabHandle slab, out uint mem, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMemSlabAlloc(c.Thread, slab, timeout, out mem);
    }

    /// <summary><c>k_mem_slab_free</c>.</summary>
    public static void k_mem_slab_free(MemSlabHandle slab, uint mem)
    {
        KernelContext c = Ctx();
        c.Kernel.CallMemSlabFree(c.Thread, slab, mem);
    }

    /// <summary><c>k_mem_slab_num_used_get</c>.</summary>
    public static uint k_mem_slab_num_used_get(MemSlabHandle slab)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMemSlabQuery(c.Thread, slab, s => s.NumUsed);
    }

    /// <summary><c>k_mem_slab_num_free_get</c>.</summary>
    public static uint k_mem_slab_num_free_get(MemSlabHandle slab)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMemSlabQuery(c.Thread, slab, s => s.NumFree);
    }

    /// <summary><c>k_mem_slab_max_used_get</c>.</summary>
    public static uint k_mem_slab_max_used_get(MemSlabHandle slab)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMemSlabQuery(c.Thread, slab, s => s.MaxUsed);
    }
}
