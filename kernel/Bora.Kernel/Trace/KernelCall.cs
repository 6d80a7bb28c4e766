namespace Bora.Kernel.Trace;

/// <summary>Kernel calls as they appear in the trace.</summary>
public enum KernelCall
{
    /// <summary><c>k_thread_create</c>.</summary>
    ThreadCreate,

    /// <summary><c>k_thread_start</c>.</summary>
    ThreadStart,

    /// <summary><c>k_thread_abort</c>.</summary>
    ThreadAbort,

    /// <summary><c>k_thread_join</c>.</summary>
    ThreadJoin,

    /// <summary><c>k_thread_suspend</c>.</summary>
    ThreadSuspend,

    /// <summary><c>k_thread_resume</c>.</summary>
    ThreadResume,

    /// <summary><c>k_thread_priority_get</c>.</summary>
    ThreadPriorityGet,

    /// <summary><c>k_thread_priority_set</c>.</summary>
    ThreadPrioritySet,

    /// <summary><c>k_thread_name_set</c>.</summary>
    ThreadNameSet,

    /// <summary><c>k_current_get</c>.</summary>
    CurrentGet,

    /// <summary><c>k_yield</c>.</summary>
    Yield,

    /// <summary><c>k_sleep</c>, <c>k_msleep</c>.</summary>
    Sleep,

    /// <summary><c>k_usleep</c>.</summary>
    USleep,

    /// <summary><c>k_wakeup</c>.</summary>
    Wakeup,

    /// <summary><c>k_busy_wait</c>.</summary>
    BusyWait,

    /// <summary><c>k_sched_lock</c>.</summary>
    SchedLock,

    /// <summary><c>k_sched_unlock</c>.</summary>
    SchedUnlock,

    /// <summary><c>k_sched_time_slice_set</c>.</summary>
    TimeSliceSet,

    /// <summary><c>k_uptime_get</c>, <c>k_uptime_ticks</c>, <c>k_cycle_get_32</c>.</summary>
    ClockGet,

    /// <summary><c>k_sem_init</c>.</summary>
    SemInit,

    /// <summary><c>k_sem_give</c>.</summary>
    SemGive,

    /// <summary><c>k_sem_take</c>.</summary>
    SemTake,

    /// <summary><c>k_sem_reset</c>.</summary>
    SemReset,

    /// <summary><c>k_sem_count_get</c>.</summary>
    SemCountGet,

    /// <summary><c>k_mutex_init</c>.</summary>
    MutexInit,

    /// <summary><c>k_mutex_lock</c>.</summary>
    MutexLock,

    /// <summary><c>k_mutex_unlock</c>.</summary>
    MutexUnlock,

    /// <summary><c>irq_lock</c>.</summary>
    IrqLock,

    /// <summary><c>irq_unlock</c>.</summary>
    IrqUnlock,

    /// <summary><c>irq_offload</c>.</summary>
    IrqOffload,

    /// <summary>Raising an interrupt line from a thread.</summary>
    IrqRaise,

    /// <summary><c>irq_enable</c>, <c>irq_disable</c>, <c>irq_connect_dynamic</c>.</summary>
    IrqConfigure,

    /// <summary><c>k_oops</c>.</summary>
    Oops,

    /// <summary><c>k_panic</c>.</summary>
    Panic,

    /// <summary>Defining a kernel object at run time.</summary>
    ObjectDefine,
}
