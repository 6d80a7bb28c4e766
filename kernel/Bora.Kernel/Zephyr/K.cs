using System.Diagnostics.CodeAnalysis;
using Bora.Kernel.Syscalls;

namespace Bora.Kernel.Zephyr;

/// <summary>
/// Zephyr-spelled kernel API for code running in kernel threads and ISRs
/// (<c>using static Bora.Kernel.Zephyr.K;</c>). Each member reads the calling host thread's
/// <see cref="KernelContext"/> and forwards to the kernel; no logic lives here. Called from a host
/// thread that runs no kernel thread, every member throws <see cref="InvalidOperationException"/>.
/// </summary>
public static partial class K
{
    /// <summary><c>K_NO_WAIT</c>.</summary>
    public static readonly KTimeout K_NO_WAIT = KTimeout.NoWait;

    /// <summary><c>K_FOREVER</c>.</summary>
    public static readonly KTimeout K_FOREVER = KTimeout.Forever;

    /// <summary><c>K_TICKS_FOREVER</c>.</summary>
    public const int K_TICKS_FOREVER = TickCounts.Forever;

    /// <summary><c>K_ESSENTIAL</c>.</summary>
    public const ThreadOptions K_ESSENTIAL = ThreadOptions.Essential;

    /// <summary><c>K_FP_REGS</c>.</summary>
    public const ThreadOptions K_FP_REGS = ThreadOptions.FpRegs;

    /// <summary><c>K_USER</c>.</summary>
    public const ThreadOptions K_USER = ThreadOptions.User;

    /// <summary><c>K_INHERIT_PERMS</c>.</summary>
    public const ThreadOptions K_INHERIT_PERMS = ThreadOptions.InheritPerms;

    /// <summary><c>CONFIG_NUM_COOP_PRIORITIES</c>.</summary>
    public const int CONFIG_NUM_COOP_PRIORITIES = Priorities.NumCoopPriorities;

    /// <summary><c>CONFIG_NUM_PREEMPT_PRIORITIES</c>.</summary>
    public const int CONFIG_NUM_PREEMPT_PRIORITIES = Priorities.NumPreemptPriorities;

    /// <summary><c>K_HIGHEST_THREAD_PRIO</c>.</summary>
    public const int K_HIGHEST_THREAD_PRIO = Priorities.Highest;

    /// <summary><c>K_LOWEST_THREAD_PRIO</c>.</summary>
    public const int K_LOWEST_THREAD_PRIO = Priorities.Idle;

    /// <summary><c>K_LOWEST_APPLICATION_THREAD_PRIO</c>.</summary>
    public const int K_LOWEST_APPLICATION_THREAD_PRIO = Priorities.LowestApplication;

    /// <summary><c>K_IDLE_PRIO</c>.</summary>
    public const int K_IDLE_PRIO = Priorities.Idle;

    /// <summary><c>K_ERR_CPU_EXCEPTION</c>.</summary>
    public const FatalReason K_ERR_CPU_EXCEPTION = FatalReason.CpuException;

    /// <summary><c>K_ERR_SPURIOUS_IRQ</c>.</summary>
    public const FatalReason K_ERR_SPURIOUS_IRQ = FatalReason.SpuriousIrq;

    /// <summary><c>K_ERR_STACK_CHK_FAIL</c>.</summary>
    public const FatalReason K_ERR_STACK_CHK_FAIL = FatalReason.StackCheckFail;

    /// <summary><c>K_ERR_KERNEL_OOPS</c>.</summary>
    public const FatalReason K_ERR_KERNEL_OOPS = FatalReason.KernelOops;

    /// <summary><c>K_ERR_KERNEL_PANIC</c>.</summary>
    public const FatalReason K_ERR_KERNEL_PANIC = FatalReason.KernelPanic;

    /// <summary><c>EPERM</c>.</summary>
    public const int EPERM = Errno.EPerm;

    /// <summary><c>EINVAL</c>.</summary>
    public const int EINVAL = Errno.EInval;

    /// <summary><c>EBUSY</c>.</summary>
    public const int EBUSY = Errno.EBusy;

    /// <summary><c>EAGAIN</c>.</summary>
    public const int EAGAIN = Errno.EAgain;

    /// <summary><c>EDEADLK</c>.</summary>
    public const int EDEADLK = Errno.EDeadLk;

    /// <summary><c>EBADF</c>.</summary>
    public const int EBADF = Errno.EBadF;

    /// <summary><c>K_MSEC(ms)</c>.</summary>
    public static KTimeout K_MSEC(long ms) => KTimeout.FromMilliseconds(ms);

    /// <summary><c>K_USEC(us)</c>.</summary>
    public static KTimeout K_USEC(long us) => KTimeout.FromMicroseconds(us);

    /// <summary><c>K_SECONDS(s)</c>.</summary>
    public static KTimeout K_SECONDS(long s) => KTimeout.FromSeconds(s);

    /// <summary><c>K_MINUTES(m)</c>.</summary>
    public static KTimeout K_MINUTES(long m) => KTimeout.FromSeconds(m * 60);

    /// <summary><c>K_HOURS(h)</c>.</summary>
    public static KTimeout K_HOURS(long h) => KTimeout.FromSeconds(h * 3600);

    /// <summary><c>K_TICKS(t)</c>.</summary>
    public static KTimeout K_TICKS(long t) => KTimeout.FromTicks(t);

    /// <summary><c>K_TIMEOUT_ABS_TICKS(t)</c>.</summary>
    public static KTimeout K_TIMEOUT_ABS_TICKS(long t) => KTimeout.AbsoluteTicks(t);

    /// <summary><c>K_TIMEOUT_EQ(a, b)</c>.</summary>
    public static bool K_TIMEOUT_EQ(KTimeout a, KTimeout b) => a == b || (a.IsNoWait && b.IsNoWait);

    /// <summary><c>K_PRIO_COOP(x)</c>.</summary>
    public static int K_PRIO_COOP(int x) => Priorities.Coop(x);

    /// <summary><c>K_PRIO_PREEMPT(x)</c>.</summary>
    public static int K_PRIO_PREEMPT(int x) => Priorities.Preempt(x);

    private static KernelContext Ctx([System.Runtime.CompilerServices.CallerMemberName] string api = "") => KernelContext.Require(api);

    /// <summary><c>k_thread_create</c> with a C# entry (registered in text on first use).</summary>
    public static ThreadHandle k_thread_create(ThreadHandle new_thread, StackHandle stack, uint stack_size, ThreadEntry entry, uint p1, uint p2, uint p3, int prio, ThreadOptions options, KTimeout delay)
    {
        KernelContext c = Ctx();
        ArgumentNullException.ThrowIfNull(entry);
        return c.Kernel.CallThreadCreate(c.Thread, new_thread, stack, stack_size, c.Kernel.EntryAddressOf(entry), p1, p2, p3, prio, options, delay);
    }

    /// <summary><c>k_thread_create</c> with an entry given as a code address (a function pointer).</summary>
    public static ThreadHandle k_thread_create(ThreadHandle new_thread, StackHandle stack, uint stack_size, uint entry, uint p1, uint p2, uint p3, int prio, ThreadOptions options, KTimeout delay)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallThreadCreate(c.Thread, new_thread, stack, stack_size, entry, p1, p2, p3, prio, options, delay);
    }

    /// <summary><c>k_thread_start</c>.</summary>
    public static void k_thread_start(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadStart(c.Thread, thread);
    }

    /// <summary><c>k_thread_abort</c>.</summary>
    public static void k_thread_abort(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadAbort(c.Thread, thread);
    }

    /// <summary><c>k_thread_join</c>: 0, -EBUSY, -EDEADLK or -EAGAIN.</summary>
    public static int k_thread_join(ThreadHandle thread, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallThreadJoin(c.Thread, thread, timeout);
    }

    /// <summary><c>k_thread_suspend</c>.</summary>
    public static void k_thread_suspend(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadSuspend(c.Thread, thread);
    }

    /// <summary><c>k_thread_resume</c>.</summary>
    public static void k_thread_resume(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadResume(c.Thread, thread);
    }

    /// <summary><c>k_thread_priority_get</c>.</summary>
    public static int k_thread_priority_get(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallThreadPriorityGet(c.Thread, thread);
    }

    /// <summary><c>k_thread_priority_set</c>.</summary>
    public static void k_thread_priority_set(ThreadHandle thread, int prio)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadPrioritySet(c.Thread, thread, prio);
    }

    /// <summary><c>k_thread_name_set</c>: 0; names are truncated to CONFIG_THREAD_MAX_NAME_LEN - 1 (31) characters.</summary>
    public static int k_thread_name_set(ThreadHandle thread, string name)
    {
        KernelContext c = Ctx();
        ArgumentNullException.ThrowIfNull(name);
        return c.Kernel.CallThreadNameSet(c.Thread, thread, name);
    }

    /// <summary><c>k_thread_name_get</c>.</summary>
    public static string k_thread_name_get(ThreadHandle thread) => Ctx().Kernel.GetThread(thread).ThreadName;

    /// <summary><c>k_current_get</c>.</summary>
    public static ThreadHandle k_current_get() => Ctx().Thread.Handle;

    /// <summary><c>k_is_in_isr</c>.</summary>
    public static bool k_is_in_isr() => Ctx().Kernel.InIsr;

    /// <summary><c>k_is_preempt_thread</c>: true for a preemptible thread with the scheduler unlocked, outside ISRs.</summary>
    public static bool k_is_preempt_thread()
    {
        KernelContext c = Ctx();
        return !c.Kernel.InIsr && c.Thread.Priority >= 0 && c.Thread.SchedLocked == 0;
    }

    /// <summary><c>k_yield</c>.</summary>
    [Syscall]
    public static void k_yield()
    {
        KernelContext c = Ctx();
        c.Kernel.CallYield(c.Thread);
    }

    /// <summary><c>k_sleep</c>: 0, the milliseconds left when woken early, or <c>K_TICKS_FOREVER</c> after <c>K_FOREVER</c>.</summary>
    [Syscall]
    public static int k_sleep(KTimeout timeout)
    {
        KernelContext c = Ctx();
        long left = c.Kernel.CallSleep(c.Thread, timeout, Trace.KernelCall.Sleep);
        return left == TickCounts.Forever && timeout.IsForever ? K_TICKS_FOREVER : (int)c.Kernel.Clock.TicksToMsCeil(left);
    }

    /// <summary><c>k_msleep</c>.</summary>
    public static int k_msleep(int ms) => k_sleep(K_MSEC(ms));

    /// <summary><c>k_usleep</c>: 0 or the microseconds left when woken early.</summary>
    [Syscall]
    public static int k_usleep(int us)
    {
        KernelContext c = Ctx();
        long left = c.Kernel.CallSleep(c.Thread, K_USEC(us), Trace.KernelCall.USleep);
        return (int)c.Kernel.Clock.TicksToUsCeil(left);
    }

    /// <summary><c>k_wakeup</c>.</summary>
    public static void k_wakeup(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallWakeup(c.Thread, thread);
    }

    /// <summary><c>k_busy_wait</c>.</summary>
    [Syscall]
    public static void k_busy_wait(uint usec_to_wait)
    {
        KernelContext c = Ctx();
        c.Kernel.CallBusyWait(c.Thread, usec_to_wait);
    }

    /// <summary><c>k_sched_lock</c>.</summary>
    public static void k_sched_lock()
    {
        KernelContext c = Ctx();
        c.Kernel.CallSchedLock(c.Thread);
    }

    /// <summary><c>k_sched_unlock</c>.</summary>
    public static void k_sched_unlock()
    {
        KernelContext c = Ctx();
        c.Kernel.CallSchedUnlock(c.Thread);
    }

    /// <summary><c>k_sched_time_slice_set</c>.</summary>
    public static void k_sched_time_slice_set(int slice, int prio)
    {
        KernelContext c = Ctx();
        c.Kernel.CallTimeSliceSet(c.Thread, slice, prio);
    }

    /// <summary><c>k_uptime_ticks</c>.</summary>
    [Syscall]
    public static long k_uptime_ticks()
    {
        KernelContext c = Ctx();
        return c.Kernel.CallUptimeTicks(c.Thread);
    }

    /// <summary><c>k_uptime_get</c>: milliseconds since boot (floor of the tick count).</summary>
    public static long k_uptime_get()
    {
        KernelContext c = Ctx();
        return c.Kernel.Clock.TicksToMsFloor(c.Kernel.CallUptimeTicks(c.Thread));
    }

    /// <summary><c>k_uptime_get_32</c>.</summary>
    public static uint k_uptime_get_32() => (uint)k_uptime_get();

    /// <summary><c>k_uptime_delta</c>: milliseconds since <paramref name="reftime"/>, which it updates.</summary>
    public static long k_uptime_delta(ref long reftime)
    {
        long now = k_uptime_get();
        long delta = now - reftime;
        reftime = now;
        return delta;
    }

    /// <summary><c>k_cycle_get_32</c>.</summary>
    public static uint k_cycle_get_32()
    {
        KernelContext c = Ctx();
        return (uint)c.Kernel.CallCycles(c.Thread);
    }

    /// <summary><c>k_cycle_get_64</c>.</summary>
    public static ulong k_cycle_get_64()
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCycles(c.Thread);
    }

    /// <summary><c>sys_clock_hw_cycles_per_sec</c>.</summary>
    public static uint sys_clock_hw_cycles_per_sec() => (uint)Ctx().Kernel.Clock.CyclesPerSecond;

    /// <summary><c>CONFIG_SYS_CLOCK_TICKS_PER_SEC</c> of the calling thread's kernel.</summary>
    public static uint CONFIG_SYS_CLOCK_TICKS_PER_SEC() => Ctx().Kernel.Clock.TicksPerSecond;

    /// <summary><c>k_ms_to_ticks_ceil32</c>.</summary>
    public static uint k_ms_to_ticks_ceil32(uint ms) => (uint)Ctx().Kernel.Clock.MsToTicksCeil(ms);

    /// <summary><c>k_ticks_to_ms_floor64</c>.</summary>
    public static long k_ticks_to_ms_floor64(long ticks) => Ctx().Kernel.Clock.TicksToMsFloor(ticks);

    /// <summary><c>k_sem_init</c>: 0, or -EINVAL.</summary>
    public static int k_sem_init(SemaphoreHandle sem, uint initial_count, uint limit)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallSemInit(c.Thread, sem, initial_count, limit);
    }

    /// <summary><c>k_sem_give</c>.</summary>
    public static void k_sem_give(SemaphoreHandle sem)
    {
        KernelContext c = Ctx();
        c.Kernel.CallSemGive(c.Thread, sem);
    }

    /// <summary><c>k_sem_take</c>: 0, -EBUSY or -EAGAIN.</summary>
    public static int k_sem_take(SemaphoreHandle sem, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallSemTake(c.Thread, sem, timeout);
    }

    /// <summary><c>k_sem_reset</c>.</summary>
    public static void k_sem_reset(SemaphoreHandle sem)
    {
        KernelContext c = Ctx();
        c.Kernel.CallSemReset(c.Thread, sem);
    }

    /// <summary><c>k_sem_count_get</c>.</summary>
    public static uint k_sem_count_get(SemaphoreHandle sem)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallSemCountGet(c.Thread, sem);
    }

    /// <summary><c>k_mutex_init</c>.</summary>
    public static int k_mutex_init(MutexHandle mutex)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMutexInit(c.Thread, mutex);
    }

    /// <summary><c>k_mutex_lock</c>: 0, -EBUSY, -EAGAIN (or -EPERM from an ISR).</summary>
    public static int k_mutex_lock(MutexHandle mutex, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMutexLock(c.Thread, mutex, timeout);
    }

    /// <summary><c>k_mutex_unlock</c>: 0, -EINVAL or -EPERM.</summary>
    public static int k_mutex_unlock(MutexHandle mutex)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMutexUnlock(c.Thread, mutex);
    }

    /// <summary><c>irq_lock</c>.</summary>
    public static uint irq_lock()
    {
        KernelContext c = Ctx();
        return c.Kernel.CallIrqLock(c.Thread);
    }

    /// <summary><c>irq_unlock</c>.</summary>
    public static void irq_unlock(uint key)
    {
        KernelContext c = Ctx();
        c.Kernel.CallIrqUnlock(c.Thread, key);
    }

    /// <summary><c>irq_offload</c>: runs <paramref name="routine"/> in ISR context, synchronously.</summary>
    public static void irq_offload(IsrHandler routine, uint parameter)
    {
        KernelContext c = Ctx();
        ArgumentNullException.ThrowIfNull(routine);
        c.Kernel.CallIrqOffload(c.Thread, routine, parameter);
    }

    /// <summary><c>irq_connect_dynamic</c>: returns the line.</summary>
    public static int irq_connect_dynamic(int irq, int priority, IsrHandler routine, uint parameter, uint flags)
    {
        KernelContext c = Ctx();
        ArgumentNullException.ThrowIfNull(routine);
        c.Kernel.CallIrqConnect(c.Thread, irq, priority, routine, parameter);
        return irq;
    }

    /// <summary><c>irq_enable</c>.</summary>
    public static void irq_enable(int irq)
    {
        KernelContext c = Ctx();
        c.Kernel.CallIrqEnable(c.Thread, irq, true);
    }

    /// <summary><c>irq_disable</c>.</summary>
    public static void irq_disable(int irq)
    {
        KernelContext c = Ctx();
        c.Kernel.CallIrqEnable(c.Thread, irq, false);
    }

    /// <summary><c>irq_is_enabled</c>.</summary>
    public static bool irq_is_enabled(int irq) => Ctx().Kernel.IrqIsEnabled(irq);

    /// <summary>Pends interrupt line <paramref name="irq"/> (the tests' <c>trigger_irq</c> helper; <c>NVIC_SetPendingIRQ</c> on Cortex-M).</summary>
    public static void trigger_irq(int irq)
    {
        KernelContext c = Ctx();
        c.Kernel.CallIrqRaise(c.Thread, irq);
    }

    /// <summary><c>k_oops</c>: from a user thread in user mode it goes through the gate (<c>user_fault</c>) and is delivered as <c>K_ERR_KERNEL_OOPS</c>.</summary>
    [DoesNotReturn]
    public static void k_oops()
    {
        KernelContext c = Ctx();
        UserExcept(FatalReason.KernelOops);
        c.Kernel.CallExcept(c.Thread, FatalReason.KernelOops);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary><c>k_panic</c>: from a user thread in user mode it goes through the gate (<c>user_fault</c>) and is delivered as <c>K_ERR_KERNEL_OOPS</c>.</summary>
    [DoesNotReturn]
    public static void k_panic()
    {
        KernelContext c = Ctx();
        UserExcept(FatalReason.KernelPanic);
        c.Kernel.CallExcept(c.Thread, FatalReason.KernelPanic);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary><c>k_fatal_halt</c>: halts the system (for fatal error handlers).</summary>
    [DoesNotReturn]
    public static void k_fatal_halt(FatalReason reason) => Ctx().Kernel.FatalHalt(reason, $"k_fatal_halt({(int)reason})", null);
}
