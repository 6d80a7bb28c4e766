using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_event</c> API (kernel/events.c).</summary>
public static partial class K
{
    /// <summary><c>k_event_init</c>.</summary>
    [Syscall]
    public static void k_event_init(EventHandle @event)
    {
        KernelContext c = Ctx();
        c.Kernel.CallEventInit(c.Thread, @event);
    }

    /// <summary><c>k_event_post</c>: adds <paramref name="events"/>; returns the previous value of those bits.</summary>
    [Syscall]
    public static uint k_event_post(EventHandle @event, uint events)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallEventPost(c.Thread, @event, events, events);
    }

    /// <summary><c>k_event_set</c>: replaces all bits; returns the previous bits.</summary>
    [Syscall]
    public static uint k_event_set(EventHandle @event, uint events)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallEventPost(c.Thread, @event, events, uint.MaxValue);
    }

    /// <summary><c>k_event_set_masked</c>: replaces the bits under <paramref name="events_mask"/>; returns their previous value.</summary>
    [Syscall]
    public static uint k_event_set_masked(EventHandle @event, uint events, uint events_mask)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallEventPost(c.Thread, @event, events, events_mask);
    }

    /// <summary><c>k_event_clear</c>: clears <paramref name="events"/>; returns their previous value.</summary>
    [Syscall]
    public static uint k_event_clear(EventHandle @event, uint events)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallEventPost(c.Thread, @event, 0, events);
    }

    /// <summary><c>k_event_wait</c>: the desired bits that are set (any), or 0 on timeout.</summary>
    [Syscall]
    public static uint k_event_wait(EventHandle @event, uint events, bool reset, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallEventWait(c.Thread, @event, events, reset ? EventWaitOptions.Reset : EventWaitOptions.Any, timeout);
    }

    /// <summary><c>k_event_wait_all</c>: the desired bits once all are set, or 0 on timeout.</summary>
    [Syscall]
    public static uint k_event_wait_all(EventHandle @event, uint events, bool reset, KTimeout timeout)
    {
        KernelContext c = Ctx();
        EventWaitOptions options = EventWaitOptions.All | (reset ? EventWaitOptions.Reset : EventWaitOptions.Any);
        return c.Kernel.CallEventWait(c.Thread, @event, events, options, timeout);
    }

    /// <summary><c>k_event_test</c>: the bits of <paramref name="events_mask"/> that are set.</summary>
    public static uint k_event_test(EventHandle @event, uint events_mask) => k_event_wait(@event, events_mask, false, K_NO_WAIT);

    private static void z_vrfy_k_event_init(EventHandle @event)
    {
        K_OOPS(K_SYSCALL_OBJ_INIT(@event, K_OBJ_EVENT));
        k_event_init(@event);
    }

    private static uint z_vrfy_k_event_post(EventHandle @event, uint events)
    {
        K_OOPS(K_SYSCALL_OBJ(@event, K_OBJ_EVENT));
        return k_event_post(@event, events);
    }

    private static uint z_vrfy_k_event_set(EventHandle @event, uint events)
    {
        K_OOPS(K_SYSCALL_OBJ(@event, K_OBJ_EVENT));
        return k_event_set(@event, events);
    }

    private static uint z_vrfy_k_event_set_masked(EventHandle @event, uint events, uint events_mask)
    {
        K_OOPS(K_SYSCALL_OBJ(@event, K_OBJ_EVENT));
        return k_event_set_masked(@event, events, events_mask);
    }

    private static uint z_vrfy_k_event_clear(EventHandle @event, uint events)
    {
        K_OOPS(K_SYSCALL_OBJ(@event, K_OBJ_EVENT));
        return k_event_clear(@event, events);
    }

    private static uint z_vrfy_k_event_wait(EventHandle @event, uint events, bool reset, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(@event, K_OBJ_EVENT));
        return k_event_wait(@event, events, reset, timeout);
    }

    private static uint z_vrfy_k_event_wait_all(EventHandle @event, uint events, bool reset, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(@event, K_OBJ_EVENT));
        return k_event_wait_all(@event, events, reset, timeout);
    }
}
