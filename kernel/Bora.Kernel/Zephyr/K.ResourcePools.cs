namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled thread resource pools and the calls that allocate from them.</summary>
public static partial class K
{
    /// <summary><c>ENOMEM</c>.</summary>
    public const int ENOMEM = Errno.ENoMem;

    /// <summary><c>k_thread_heap_assign</c>: <paramref name="thread"/> (and the threads it creates from now on) allocate from <paramref name="heap"/>.</summary>
    public static void k_thread_heap_assign(ThreadHandle thread, HeapHandle heap)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadHeapAssign(c.Thread, thread, c.Kernel.PoolHeap(c.Thread, heap));
    }

    /// <summary><c>k_thread_system_pool_assign</c>: <paramref name="thread"/> allocates from the system heap (<c>k_malloc</c>'s).</summary>
    public static void k_thread_system_pool_assign(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadHeapAssign(c.Thread, thread, c.Kernel.SystemHeap);
    }

    /// <summary><c>k_stack_alloc_init</c>: 0 or -ENOMEM.</summary>
    public static int k_stack_alloc_init(KStackHandle stack, uint num_entries)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackAllocInit(c.Thread, stack, num_entries);
    }

    /// <summary><c>k_msgq_alloc_init</c>: 0, -EINVAL (size overflows) or -ENOMEM.</summary>
    public static int k_msgq_alloc_init(MsgqHandle msgq, uint msg_size, uint max_msgs)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqAllocInit(c.Thread, msgq, msg_size, max_msgs);
    }

    /// <summary><c>k_pipe_alloc_init</c>: 0 or -ENOMEM.</summary>
    public static int k_pipe_alloc_init(PipeHandle pipe, uint size)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeAllocInit(c.Thread, pipe, size);
    }

    /// <summary><c>k_queue_alloc_append</c>: 0 or -ENOMEM.</summary>
    public static int k_queue_alloc_append(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAllocInsert(c.Thread, queue.Address, QueueType, data, append: true);
    }

    /// <summary><c>k_queue_alloc_prepend</c>: 0 or -ENOMEM.</summary>
    public static int k_queue_alloc_prepend(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAllocInsert(c.Thread, queue.Address, QueueType, data, append: false);
    }

    /// <summary><c>k_fifo_alloc_put</c>: 0 or -ENOMEM.</summary>
    public static int k_fifo_alloc_put(FifoHandle fifo, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAllocInsert(c.Thread, fifo.Address, FifoType, data, append: true);
    }

    /// <summary><c>k_lifo_alloc_put</c>: 0 or -ENOMEM.</summary>
    public static int k_lifo_alloc_put(LifoHandle lifo, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAllocInsert(c.Thread, lifo.Address, LifoType, data, append: false);
    }
}
