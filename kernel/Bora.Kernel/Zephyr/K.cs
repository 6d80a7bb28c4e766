using System.Diagnostics.CodeAnalysis;
using System.Text;
using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

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

    /// <summary>
    /// <c>k_thread_create</c> (a syscall) with an entry given as a code address (a function pointer). From user mode the
    /// verifier requires a thread object and a stack object the caller holds, neither in use, a stack size that fits the
    /// stack object, <c>K_USER</c> without <c>K_ESSENTIAL</c>, and a valid priority no higher than the caller's; any
    /// failure is an oops (docs/syscalls.md).
    /// </summary>
    [Syscall]
    public static ThreadHandle k_thread_create(ThreadHandle new_thread, StackHandle stack, uint stack_size, uint entry, uint p1, uint p2, uint p3, int prio, ThreadOptions options, KTimeout delay)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallThreadCreate(c.Thread, new_thread, stack, stack_size, entry, p1, p2, p3, prio, options, delay);
    }

    private static ThreadHandle z_vrfy_k_thread_create(ThreadHandle new_thread, StackHandle stack, uint stack_size, uint entry, uint p1, uint p2, uint p3, int prio, ThreadOptions options, KTimeout delay)
    {
        KernelContext c = Ctx();

        // The thread and stack objects must be uninitialised: not running, not in use.
        K_OOPS(K_SYSCALL_OBJ_NEVER_INIT(new_thread, K_OBJ_THREAD));
        string? badStack = c.Kernel.ObjectValidationCheck(c.Thread, stack.Address, K_OBJ_THREAD_STACK_ELEMENT, _OBJ_INIT_FALSE);
        K_OOPS(K_SYSCALL_VERIFY_MSG(badStack is null, $"bad stack object: {badStack}"));

        // K_THREAD_STACK_RESERVED + stack_size in a 32-bit size_t, then against the object's size.
        var stackObject = (ThreadStack)c.Kernel.FindObject(stack.Address)!;
        uint reserved = stackObject.BufferStart - stackObject.Address;
        ulong total = (ulong)reserved + stack_size;
        K_OOPS(K_SYSCALL_VERIFY_MSG(total <= uint.MaxValue, $"stack size overflow ({stack_size}+{reserved})"));
        uint objectSize = reserved + stackObject.BufferSize;
        K_OOPS(K_SYSCALL_VERIFY_MSG(total <= objectSize, $"stack size {total} is too big, max is {objectSize}"));

        // User threads may only create user threads, never essential ones, at the caller's priority or lower.
        K_OOPS(K_SYSCALL_VERIFY((options & K_USER) != 0));
        K_OOPS(K_SYSCALL_VERIFY((options & K_ESSENTIAL) == 0));
        K_OOPS(K_SYSCALL_VERIFY_MSG(Priorities.IsValidApplication(prio), $"invalid thread priority {prio}"));
        K_OOPS(K_SYSCALL_VERIFY_MSG(prio >= c.Thread.Priority, $"thread priority {prio} is higher than the caller's {c.Thread.Priority}"));
        return k_thread_create(new_thread, stack, stack_size, entry, p1, p2, p3, prio, options, delay);
    }

    /// <summary><c>k_thread_start</c> (a syscall; the verifier checks the thread object).</summary>
    [Syscall]
    public static void k_thread_start(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadStart(c.Thread, thread);
    }

    private static void z_vrfy_k_thread_start(ThreadHandle thread)
    {
        K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
        k_thread_start(thread);
    }

    /// <summary>
    /// <c>k_thread_abort</c> (a syscall): from user mode an uninitialised (exited, never created) thread object is a
    /// no-op, an essential thread an oops.
    /// </summary>
    [Syscall]
    public static void k_thread_abort(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadAbort(c.Thread, thread);
    }

    private static void z_vrfy_k_thread_abort(ThreadHandle thread)
    {
        if (ThreadObjectUninitialized(thread))
        {
            return;
        }

        K_OOPS(K_SYSCALL_VERIFY_MSG(!Ctx().Kernel.GetThread(thread).IsEssential, $"aborting essential thread 0x{thread.Address:X8}"));
        k_thread_abort(thread);
    }

    /// <summary><c>k_thread_join</c> (a syscall): 0, -EBUSY, -EDEADLK or -EAGAIN; from user mode 0 at once for an uninitialised thread object.</summary>
    [Syscall]
    public static int k_thread_join(ThreadHandle thread, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallThreadJoin(c.Thread, thread, timeout);
    }

    private static int z_vrfy_k_thread_join(ThreadHandle thread, KTimeout timeout) =>
        ThreadObjectUninitialized(thread) ? 0 : k_thread_join(thread, timeout);

    /// <summary>
    /// <c>thread_obj_validate</c> (kernel/sched.c): true when <paramref name="thread"/> is a thread object the caller
    /// holds that is not initialised (never created, or exited: "do nothing, return success"); false when it is live;
    /// any other validation failure is an oops.
    /// </summary>
    private static bool ThreadObjectUninitialized(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        int ret = c.Kernel.ObjectValidate(c.Thread, thread.Address, K_OBJ_THREAD, _OBJ_INIT_TRUE);
        if (ret == 0 || ret == -Errno.EInval)
        {
            return ret != 0;
        }

        string why = c.Kernel.DescribeObjectError(c.Thread, thread.Address, K_OBJ_THREAD, ret);
        K_OOPS(K_SYSCALL_VERIFY_MSG(false, $"access denied: {why}"));
        return false;
    }

    /// <summary><c>k_thread_suspend</c> (a syscall; the verifier checks the thread object).</summary>
    [Syscall]
    public static void k_thread_suspend(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadSuspend(c.Thread, thread);
    }

    private static void z_vrfy_k_thread_suspend(ThreadHandle thread)
    {
        K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
        k_thread_suspend(thread);
    }

    /// <summary><c>k_thread_resume</c> (a syscall; the verifier checks the thread object).</summary>
    [Syscall]
    public static void k_thread_resume(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadResume(c.Thread, thread);
    }

    private static void z_vrfy_k_thread_resume(ThreadHandle thread)
    {
        K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
        k_thread_resume(thread);
    }

    /// <summary><c>k_thread_priority_get</c> (a syscall; the verifier checks the thread object).</summary>
    [Syscall]
    public static int k_thread_priority_get(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallThreadPriorityGet(c.Thread, thread);
    }

    private static int z_vrfy_k_thread_priority_get(ThreadHandle thread)
    {
        K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
        return k_thread_priority_get(thread);
    }

    /// <summary>
    /// <c>k_thread_priority_set</c> (a syscall): from user mode the priority must be valid and no higher than the
    /// thread's current one (<c>CONFIG_USERSPACE_THREAD_MAY_RAISE_PRIORITY</c> off).
    /// </summary>
    [Syscall]
    public static void k_thread_priority_set(ThreadHandle thread, int prio)
    {
        KernelContext c = Ctx();
        c.Kernel.CallThreadPrioritySet(c.Thread, thread, prio);
    }

    private static void z_vrfy_k_thread_priority_set(ThreadHandle thread, int prio)
    {
        K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
        K_OOPS(K_SYSCALL_VERIFY_MSG(Priorities.IsValidApplication(prio), $"invalid thread priority {prio}"));
        int current = Ctx().Kernel.GetThread(thread).Priority;
        K_OOPS(K_SYSCALL_VERIFY_MSG(prio >= current, $"thread priority may only be downgraded ({prio} < {current})"));
        k_thread_priority_set(thread, prio);
    }

    /// <summary><c>k_thread_name_set</c>: 0; names are truncated to CONFIG_THREAD_MAX_NAME_LEN - 1 (31) characters.</summary>
    public static int k_thread_name_set(ThreadHandle thread, string name)
    {
        KernelContext c = Ctx();
        ArgumentNullException.ThrowIfNull(name);
        return c.Kernel.CallThreadNameSet(c.Thread, thread, name);
    }

    /// <summary>
    /// <c>k_thread_name_set</c> (the syscall): the name is the terminated string at <paramref name="str"/> (read in kernel
    /// mode, at most 31 characters kept); a <c>NULL</c> thread names the caller. 0. From user mode: <c>-EINVAL</c> for a
    /// thread object the caller may not use, <c>-EFAULT</c> for a string it cannot read or that is not terminated within
    /// <c>CONFIG_THREAD_MAX_NAME_LEN</c> (32) bytes.
    /// </summary>
    [Syscall]
    public static int k_thread_name_set(ThreadHandle thread, UserPtr str)
    {
        KernelContext c = Ctx();
        var name = new StringBuilder();
        for (uint i = 0; i < ThreadMaxNameLen - 1; i++)
        {
            byte b = c.Kernel.Machine.Cpu.ReadByte(str.Address + i);
            if (b == 0)
            {
                break;
            }

            name.Append((char)b);
        }

        return c.Kernel.CallThreadNameSet(c.Thread, thread.Address == 0 ? c.Thread.Handle : thread, name.ToString());
    }

    private static int z_vrfy_k_thread_name_set(ThreadHandle thread, UserPtr str)
    {
        if (thread.Address != 0 && K_SYSCALL_OBJ(thread, K_OBJ_THREAD))
        {
            return -Errno.EInval;
        }

        Span<byte> name = stackalloc byte[(int)ThreadMaxNameLen];
        if (k_usermode_string_copy(name, str, ThreadMaxNameLen) != 0)
        {
            return -Errno.EFault;
        }

        KernelContext c = Ctx();
        string text = Encoding.Latin1.GetString(name[..name.IndexOf((byte)0)]);
        return c.Kernel.CallThreadNameSet(c.Thread, thread.Address == 0 ? c.Thread.Handle : thread, text);
    }

    /// <summary><c>CONFIG_THREAD_MAX_NAME_LEN</c>.</summary>
    private const uint ThreadMaxNameLen = 32;

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

    /// <summary><c>k_wakeup</c> (a syscall; the verifier checks the thread object).</summary>
    [Syscall]
    public static void k_wakeup(ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallWakeup(c.Thread, thread);
    }

    private static void z_vrfy_k_wakeup(ThreadHandle thread)
    {
        K_OOPS(K_SYSCALL_OBJ(thread, K_OBJ_THREAD));
        k_wakeup(thread);
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

    /// <summary><c>k_sem_init</c>: 0, or -EINVAL. A syscall: the verifier checks the object in any init state.</summary>
    [Syscall]
    public static int k_sem_init(SemaphoreHandle sem, uint initial_count, uint limit)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallSemInit(c.Thread, sem, initial_count, limit);
    }

    private static int z_vrfy_k_sem_init(SemaphoreHandle sem, uint initial_count, uint limit)
    {
        K_OOPS(K_SYSCALL_OBJ_INIT(sem, K_OBJ_SEM));
        return k_sem_init(sem, initial_count, limit);
    }

    /// <summary><c>k_sem_give</c>. A syscall: the verifier checks the object.</summary>
    [Syscall]
    public static void k_sem_give(SemaphoreHandle sem)
    {
        KernelContext c = Ctx();
        c.Kernel.CallSemGive(c.Thread, sem);
    }

    private static void z_vrfy_k_sem_give(SemaphoreHandle sem)
    {
        K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
        k_sem_give(sem);
    }

    /// <summary><c>k_sem_take</c>: 0, -EBUSY or -EAGAIN. A syscall: the verifier checks the object.</summary>
    [Syscall]
    public static int k_sem_take(SemaphoreHandle sem, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallSemTake(c.Thread, sem, timeout);
    }

    private static int z_vrfy_k_sem_take(SemaphoreHandle sem, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
        return k_sem_take(sem, timeout);
    }

    /// <summary><c>k_sem_reset</c>. A syscall: the verifier checks the object.</summary>
    [Syscall]
    public static void k_sem_reset(SemaphoreHandle sem)
    {
        KernelContext c = Ctx();
        c.Kernel.CallSemReset(c.Thread, sem);
    }

    private static void z_vrfy_k_sem_reset(SemaphoreHandle sem)
    {
        K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
        k_sem_reset(sem);
    }

    /// <summary><c>k_sem_count_get</c>. A syscall: the verifier checks the object.</summary>
    [Syscall]
    public static uint k_sem_count_get(SemaphoreHandle sem)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallSemCountGet(c.Thread, sem);
    }

    private static uint z_vrfy_k_sem_count_get(SemaphoreHandle sem)
    {
        K_OOPS(K_SYSCALL_OBJ(sem, K_OBJ_SEM));
        return k_sem_count_get(sem);
    }

    /// <summary><c>k_mutex_init</c>. A syscall: the verifier checks the object in any init state.</summary>
    [Syscall]
    public static int k_mutex_init(MutexHandle mutex)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMutexInit(c.Thread, mutex);
    }

    private static int z_vrfy_k_mutex_init(MutexHandle mutex)
    {
        K_OOPS(K_SYSCALL_OBJ_INIT(mutex, K_OBJ_MUTEX));
        return k_mutex_init(mutex);
    }

    /// <summary><c>k_mutex_lock</c>: 0, -EBUSY, -EAGAIN (or -EPERM from an ISR). A syscall: the verifier checks the object.</summary>
    [Syscall]
    public static int k_mutex_lock(MutexHandle mutex, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMutexLock(c.Thread, mutex, timeout);
    }

    private static int z_vrfy_k_mutex_lock(MutexHandle mutex, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(mutex, K_OBJ_MUTEX));
        return k_mutex_lock(mutex, timeout);
    }

    /// <summary><c>k_mutex_unlock</c>: 0, -EINVAL or -EPERM. A syscall: the verifier checks the object.</summary>
    [Syscall]
    public static int k_mutex_unlock(MutexHandle mutex)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallMutexUnlock(c.Thread, mutex);
    }

    private static int z_vrfy_k_mutex_unlock(MutexHandle mutex)
    {
        K_OOPS(K_SYSCALL_OBJ(mutex, K_OBJ_MUTEX));
        return k_mutex_unlock(mutex);
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
