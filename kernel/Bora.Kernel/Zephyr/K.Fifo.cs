namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_fifo</c> and <c>k_lifo</c> macros: a <c>k_queue</c> at the same address.</summary>
public static partial class K
{
    private const string FifoType = "k_fifo";
    private const string LifoType = "k_lifo";

    /// <summary><c>k_fifo_init</c>.</summary>
    public static void k_fifo_init(FifoHandle fifo)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInit(c.Thread, fifo.Address, FifoType);
    }

    /// <summary><c>k_fifo_cancel_wait</c>.</summary>
    public static void k_fifo_cancel_wait(FifoHandle fifo)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueCancelWait(c.Thread, fifo.Address, FifoType);
    }

    /// <summary><c>k_fifo_put</c>.</summary>
    public static void k_fifo_put(FifoHandle fifo, uint data)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInsert(c.Thread, fifo.Address, FifoType, 0, data, append: true);
    }

    /// <summary><c>k_fifo_put_list</c>: 0 or -EINVAL.</summary>
    public static int k_fifo_put_list(FifoHandle fifo, uint head, uint tail)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAppendList(c.Thread, fifo.Address, FifoType, head, tail);
    }

    /// <summary><c>k_fifo_put_slist</c> with the <c>sys_slist_t</c> at <paramref name="list"/>: 0 or -EINVAL.</summary>
    public static int k_fifo_put_slist(FifoHandle fifo, uint list)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueMergeSlist(c.Thread, fifo.Address, FifoType, list);
    }

    /// <summary><c>k_fifo_get</c>: an item address, or 0 (NULL).</summary>
    public static uint k_fifo_get(FifoHandle fifo, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueGet(c.Thread, fifo.Address, FifoType, timeout);
    }

    /// <summary><c>k_fifo_is_empty</c>: non-zero when empty.</summary>
    public static int k_fifo_is_empty(FifoHandle fifo)
    {
        KernelContext c = Ctx();
        return (int)c.Kernel.CallQueuePeek(c.Thread, fifo.Address, FifoType, 0);
    }

    /// <summary><c>k_fifo_peek_head</c>.</summary>
    public static uint k_fifo_peek_head(FifoHandle fifo)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueuePeek(c.Thread, fifo.Address, FifoType, 1);
    }

    /// <summary><c>k_fifo_peek_tail</c>.</summary>
    public static uint k_fifo_peek_tail(FifoHandle fifo)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueuePeek(c.Thread, fifo.Address, FifoType, 2);
    }

    /// <summary><c>k_lifo_init</c>.</summary>
    public static void k_lifo_init(LifoHandle lifo)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInit(c.Thread, lifo.Address, LifoType);
    }

    /// <summary><c>k_lifo_put</c>.</summary>
    public static void k_lifo_put(LifoHandle lifo, uint data)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInsert(c.Thread, lifo.Address, LifoType, 0, data, append: false);
    }

    /// <summary><c>k_lifo_get</c>: an item address, or 0 (NULL).</summary>
    public static uint k_lifo_get(LifoHandle lifo, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueGet(c.Thread, lifo.Address, LifoType, timeout);
    }
}
