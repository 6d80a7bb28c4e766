using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled message queue API. Data arguments are addresses in simulated memory.</summary>
public static partial class K
{
    /// <summary><c>ENOMSG</c>.</summary>
    public const int ENOMSG = Errno.ENoMsg;

    /// <summary><c>k_msgq_init</c>: 0, or -EINVAL for a buffer that overflows, wraps or overlaps kernel memory (Zephyr's is void and asserts).</summary>
    public static int k_msgq_init(MsgqHandle msgq, uint buffer, uint msg_size, uint max_msgs)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqInit(c.Thread, msgq, buffer, msg_size, max_msgs);
    }

    /// <summary><c>k_msgq_put</c>: 0, -ENOMSG or -EAGAIN.</summary>
    [Syscall]
    public static int k_msgq_put(MsgqHandle msgq, uint data, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqPut(c.Thread, msgq, data, timeout, atBack: true);
    }

    /// <summary><c>k_msgq_put_front</c>: 0 or -ENOMSG (never waits).</summary>
    public static int k_msgq_put_front(MsgqHandle msgq, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqPut(c.Thread, msgq, data, KTimeout.NoWait, atBack: false);
    }

    /// <summary><c>k_msgq_get</c>: 0, -ENOMSG or -EAGAIN.</summary>
    [Syscall]
    public static int k_msgq_get(MsgqHandle msgq, uint data, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqGet(c.Thread, msgq, data, timeout);
    }

    /// <summary><c>k_msgq_peek</c>: 0 or -ENOMSG.</summary>
    [Syscall]
    public static int k_msgq_peek(MsgqHandle msgq, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqPeekAt(c.Thread, msgq, data, 0);
    }

    /// <summary><c>k_msgq_peek_at</c>: 0 or -ENOMSG.</summary>
    [Syscall]
    public static int k_msgq_peek_at(MsgqHandle msgq, uint data, uint idx)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqPeekAt(c.Thread, msgq, data, idx);
    }

    /// <summary><c>k_msgq_purge</c>.</summary>
    [Syscall]
    public static void k_msgq_purge(MsgqHandle msgq)
    {
        KernelContext c = Ctx();
        c.Kernel.CallMsgqPurge(c.Thread, msgq);
    }

    /// <summary><c>k_msgq_get_attrs</c> into a <c>struct k_msgq_attrs</c> at <paramref name="attrs"/>.</summary>
    [Syscall]
    public static void k_msgq_get_attrs(MsgqHandle msgq, uint attrs)
    {
        KernelContext c = Ctx();
        _ = c.Kernel.CallMsgqGetAttrs(c.Thread, msgq, attrs);
    }

    /// <summary><c>k_msgq_get_attrs</c> into a local.</summary>
    public static void k_msgq_get_attrs(MsgqHandle msgq, out MsgqAttrs attrs)
    {
        KernelContext c = Ctx();
        attrs = c.Kernel.CallMsgqGetAttrs(c.Thread, msgq, 0);
    }

    /// <summary><c>k_msgq_num_free_get</c>.</summary>
    [Syscall]
    public static uint k_msgq_num_free_get(MsgqHandle msgq)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqNumUsed(c.Thread, msgq, free: true);
    }

    /// <summary><c>k_msgq_num_used_get</c>.</summary>
    [Syscall]
    public static uint k_msgq_num_used_get(MsgqHandle msgq)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqNumUsed(c.Thread, msgq, free: false);
    }

    /// <summary><c>k_msgq_cleanup</c>: 0 or -EBUSY.</summary>
    public static int k_msgq_cleanup(MsgqHandle msgq)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMsgqCleanup(c.Thread, msgq);
    }

    private static int z_vrfy_k_msgq_put(MsgqHandle msgq, uint data, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        K_OOPS(K_SYSCALL_MEMORY_READ(new UserPtr(data), MsgSizeOf(msgq)));
        return k_msgq_put(msgq, data, timeout);
    }

    private static int z_vrfy_k_msgq_get(MsgqHandle msgq, uint data, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(data), MsgSizeOf(msgq)));
        return k_msgq_get(msgq, data, timeout);
    }

    private static int z_vrfy_k_msgq_peek(MsgqHandle msgq, uint data)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(data), MsgSizeOf(msgq)));
        return k_msgq_peek(msgq, data);
    }

    private static int z_vrfy_k_msgq_peek_at(MsgqHandle msgq, uint data, uint idx)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(data), MsgSizeOf(msgq)));
        return k_msgq_peek_at(msgq, data, idx);
    }

    private static void z_vrfy_k_msgq_purge(MsgqHandle msgq)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        k_msgq_purge(msgq);
    }

    private static void z_vrfy_k_msgq_get_attrs(MsgqHandle msgq, uint attrs)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(attrs), MsgqAttrs.Size));
        k_msgq_get_attrs(msgq, attrs);
    }

    private static uint z_vrfy_k_msgq_num_free_get(MsgqHandle msgq)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        return k_msgq_num_free_get(msgq);
    }

    private static uint z_vrfy_k_msgq_num_used_get(MsgqHandle msgq)
    {
        K_OOPS(K_SYSCALL_OBJ(msgq, K_OBJ_MSGQ));
        return k_msgq_num_used_get(msgq);
    }

    /// <summary><c>msgq->msg_size</c> of a validated queue (read in the kernel, never from the caller).</summary>
    private static uint MsgSizeOf(MsgqHandle msgq) => Ctx().Kernel.GetMsgq(msgq).MsgSize;
}
