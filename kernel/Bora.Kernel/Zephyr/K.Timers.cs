using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_timer</c> API (kernel/timer.c).</summary>
public static partial class K
{
    /// <summary><c>k_timer_init</c> with C# functions (registered in text on first use; <see langword="null"/> for none).</summary>
    public static void k_timer_init(TimerHandle timer, TimerHandler? expiry_fn, TimerHandler? stop_fn)
    {
        KernelContext c = Ctx();
        c.Kernel.CallTimerInit(c.Thread, timer, c.Kernel.TimerFunctionAddress(expiry_fn), c.Kernel.TimerFunctionAddress(stop_fn));
    }

    /// <summary><c>k_timer_init</c> with functions given as code addresses (0 for none).</summary>
    public static void k_timer_init(TimerHandle timer, uint expiry_fn, uint stop_fn)
    {
        KernelContext c = Ctx();
        c.Kernel.CallTimerInit(c.Thread, timer, expiry_fn, stop_fn);
    }

    /// <summary><c>k_timer_start</c>.</summary>
    [Syscall]
    public static void k_timer_start(TimerHandle timer, KTimeout duration, KTimeout period)
    {
        KernelContext c = Ctx();
        c.Kernel.CallTimerStart(c.Thread, timer, duration, period);
    }

    /// <summary><c>k_timer_stop</c>.</summary>
    [Syscall]
    public static void k_timer_stop(TimerHandle timer)
    {
        KernelContext c = Ctx();
        c.Kernel.CallTimerStop(c.Thread, timer);
    }

    /// <summary><c>k_timer_status_get</c>: expiries since the last read (and resets the count).</summary>
    [Syscall]
    public static uint k_timer_status_get(TimerHandle timer)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallTimerStatusGet(c.Thread, timer);
    }

    /// <summary><c>k_timer_status_sync</c>: waits for an expiry or a stop; an oops from an ISR.</summary>
    [Syscall]
    public static uint k_timer_status_sync(TimerHandle timer)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallTimerStatusSync(c.Thread, timer);
    }

    /// <summary><c>k_timer_remaining_ticks</c>.</summary>
    [Syscall]
    public static long k_timer_remaining_ticks(TimerHandle timer)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallTimerTicks(c.Thread, timer, expires: false);
    }

    /// <summary><c>k_timer_remaining_get</c>: milliseconds (floor) until the next expiry, 0 when stopped.</summary>
    public static uint k_timer_remaining_get(TimerHandle timer)
    {
        KernelContext c = Ctx();
        return (uint)c.Kernel.Clock.TicksToMsFloor(c.Kernel.CallTimerTicks(c.Thread, timer, expires: false));
    }

    /// <summary><c>k_timer_expires_ticks</c>: the uptime tick of the next expiry.</summary>
    [Syscall]
    public static long k_timer_expires_ticks(TimerHandle timer)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallTimerTicks(c.Thread, timer, expires: true);
    }

    /// <summary><c>k_timer_user_data_set</c>.</summary>
    [Syscall]
    public static void k_timer_user_data_set(TimerHandle timer, uint user_data)
    {
        KernelContext c = Ctx();
        c.Kernel.CallTimerUserData(c.Thread, timer, user_data);
    }

    /// <summary><c>k_timer_user_data_get</c>.</summary>
    [Syscall]
    public static uint k_timer_user_data_get(TimerHandle timer)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallTimerUserData(c.Thread, timer, null);
    }

    private static void z_vrfy_k_timer_start(TimerHandle timer, KTimeout duration, KTimeout period)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        k_timer_start(timer, duration, period);
    }

    private static void z_vrfy_k_timer_stop(TimerHandle timer)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        k_timer_stop(timer);
    }

    private static uint z_vrfy_k_timer_status_get(TimerHandle timer)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        return k_timer_status_get(timer);
    }

    private static uint z_vrfy_k_timer_status_sync(TimerHandle timer)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        return k_timer_status_sync(timer);
    }

    private static long z_vrfy_k_timer_remaining_ticks(TimerHandle timer)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        return k_timer_remaining_ticks(timer);
    }

    private static long z_vrfy_k_timer_expires_ticks(TimerHandle timer)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        return k_timer_expires_ticks(timer);
    }

    private static void z_vrfy_k_timer_user_data_set(TimerHandle timer, uint user_data)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        k_timer_user_data_set(timer, user_data);
    }

    private static uint z_vrfy_k_timer_user_data_get(TimerHandle timer)
    {
        K_OOPS(K_SYSCALL_OBJ(timer, K_OBJ_TIMER));
        return k_timer_user_data_get(timer);
    }
}
