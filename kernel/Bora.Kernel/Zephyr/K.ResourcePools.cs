using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

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
    [Syscall]
    public static int k_stack_alloc_init(KStackHandle stack, uint num_entries)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackAllocInit(c.Thread, stack, num_entries);
    }

    /// <summary><c>k_msgq_alloc_init</c>: 0, -EINVAL (size overflows) or -ENOMEM.</summary>
    [Syscall]
    public static int k_msgq_alloc_init(MsgqHandle msgq, uint msg_size, uint max_msgs)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqAllocInit(c.Thread, msgq, msg_size, max_msgs);
    }

    /// <summary><c>k_pipe_alloc_init</c>: 0 or -ENOMEM.</summary>
    [Syscall]
    public static int k_pipe_alloc_init(PipeHandle pipe, uint size)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeAllocInit(c.Thread, pipe, size);
    }

    /// <summary><c>k_queue_alloc_append</c>: 0 or -ENOMEM.</summary>
    [Syscall]
    public static int k_queue_alloc_append(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAllocInsert(c.Thread, queue.Address, QueueType, data, append: true);
    }

    /// <summary><c>k_queue_alloc_prepend</c>: 0 or -ENOMEM.</summary>
    [Syscall]
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

    private static int z_vrfy_k_stack_alloc_init(KStackHandle stack, uint num_entries)
    {
        K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(stack, K_OBJ_STACK));
        K_OOPS(K_SYSCALL_VERIFY(num_entries > 0));
        K_OOPS(K_SYSCALL_VERIFY_MSG((ulong)num_entries * StackDataSize <= uint.MaxValue, "!size_mul_overflow(num_entries, sizeof(stack_data_t), &total_size)"));
        return k_stack_alloc_init(stack, num_entries);
    }

    private static int z_vrfy_k_msgq_alloc_init(MsgqHandle msgq, uint msg_size, uint max_msgs)
    {
        K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(msgq, K_OBJ_MSGQ));
        return k_msgq_alloc_init(msgq, msg_size, max_msgs);
    }

    private static int z_vrfy_k_pipe_alloc_init(PipeHandle pipe, uint size)
    {
        K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(pipe, K_OBJ_PIPE));
        return k_pipe_alloc_init(pipe, size);
    }

    private static int z_vrfy_k_queue_alloc_append(QueueHandle queue, uint data)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        return k_queue_alloc_append(queue, data);
    }

    private static int z_vrfy_k_queue_alloc_prepend(QueueHandle queue, uint data)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        return k_queue_alloc_prepend(queue, data);
    }
}
