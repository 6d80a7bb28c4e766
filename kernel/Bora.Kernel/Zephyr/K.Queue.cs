using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>
/// Zephyr-spelled <c>k_queue</c> API. Items are addresses in simulated memory whose first word the
/// kernel uses as the link pointer; NULL is 0.
/// </summary>
public static partial class K
{
    private const string QueueType = "k_queue";

    /// <summary><c>k_queue_init</c>.</summary>
    [Syscall]
    public static void k_queue_init(QueueHandle queue)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInit(c.Thread, queue.Address, QueueType);
    }

    /// <summary><c>k_queue_append</c>.</summary>
    public static void k_queue_append(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInsert(c.Thread, queue.Address, QueueType, 0, data, append: true);
    }

    /// <summary><c>k_queue_prepend</c>.</summary>
    public static void k_queue_prepend(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInsert(c.Thread, queue.Address, QueueType, 0, data, append: false);
    }

    /// <summary><c>k_queue_insert</c>: after <paramref name="prev"/> (0: at the head).</summary>
    public static void k_queue_insert(QueueHandle queue, uint prev, uint data)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueInsert(c.Thread, queue.Address, QueueType, prev, data, append: false);
    }

    /// <summary><c>k_queue_append_list</c>: 0 or -EINVAL.</summary>
    public static int k_queue_append_list(QueueHandle queue, uint head, uint tail)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueAppendList(c.Thread, queue.Address, QueueType, head, tail);
    }

    /// <summary><c>k_queue_merge_slist</c> with the <c>sys_slist_t</c> at <paramref name="list"/>: 0 or -EINVAL.</summary>
    public static int k_queue_merge_slist(QueueHandle queue, uint list)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueMergeSlist(c.Thread, queue.Address, QueueType, list);
    }

    /// <summary><c>k_queue_get</c>: an item address, or 0 (NULL).</summary>
    [Syscall]
    public static uint k_queue_get(QueueHandle queue, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueGet(c.Thread, queue.Address, QueueType, timeout);
    }

    /// <summary><c>k_queue_cancel_wait</c>.</summary>
    [Syscall]
    public static void k_queue_cancel_wait(QueueHandle queue)
    {
        KernelContext c = Ctx();
        c.Kernel.CallQueueCancelWait(c.Thread, queue.Address, QueueType);
    }

    /// <summary><c>k_queue_is_empty</c>: non-zero when empty.</summary>
    [Syscall]
    public static int k_queue_is_empty(QueueHandle queue)
    {
        KernelContext c = Ctx();
        return (int)c.Kernel.CallQueuePeek(c.Thread, queue.Address, QueueType, 0);
    }

    /// <summary><c>k_queue_peek_head</c>.</summary>
    [Syscall]
    public static uint k_queue_peek_head(QueueHandle queue)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueuePeek(c.Thread, queue.Address, QueueType, 1);
    }

    /// <summary><c>k_queue_peek_tail</c>.</summary>
    [Syscall]
    public static uint k_queue_peek_tail(QueueHandle queue)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueuePeek(c.Thread, queue.Address, QueueType, 2);
    }

    /// <summary><c>k_queue_remove</c>: whether the item was queued.</summary>
    public static bool k_queue_remove(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueRemove(c.Thread, queue.Address, QueueType, data);
    }

    /// <summary><c>k_queue_unique_append</c>: false when the item was already queued.</summary>
    public static bool k_queue_unique_append(QueueHandle queue, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallQueueUniqueAppend(c.Thread, queue.Address, QueueType, data);
    }

    private static void z_vrfy_k_queue_init(QueueHandle queue)
    {
        K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(queue, K_OBJ_QUEUE));
        k_queue_init(queue);
    }

    private static void z_vrfy_k_queue_cancel_wait(QueueHandle queue)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        k_queue_cancel_wait(queue);
    }

    private static uint z_vrfy_k_queue_get(QueueHandle queue, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        return k_queue_get(queue, timeout);
    }

    private static int z_vrfy_k_queue_is_empty(QueueHandle queue)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        return k_queue_is_empty(queue);
    }

    private static uint z_vrfy_k_queue_peek_head(QueueHandle queue)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        return k_queue_peek_head(queue);
    }

    private static uint z_vrfy_k_queue_peek_tail(QueueHandle queue)
    {
        K_OOPS(K_SYSCALL_OBJ(queue, K_OBJ_QUEUE));
        return k_queue_peek_tail(queue);
    }
}
