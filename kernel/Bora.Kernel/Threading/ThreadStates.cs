namespace Bora.Kernel.Threading;

/// <summary>Scheduler state bits of a thread (Zephyr's <c>_THREAD_*</c>).</summary>
[Flags]
public enum ThreadStates
{
    /// <summary>Runnable.</summary>
    None = 0,

    /// <summary>Created but not started (delayed, or created with <c>K_FOREVER</c>).</summary>
    Prestart = 1 << 0,

    /// <summary>Waiting on a wait queue.</summary>
    Pending = 1 << 1,

    /// <summary>Suspended by <c>k_thread_suspend</c>.</summary>
    Suspended = 1 << 2,

    /// <summary>Sleeping in <c>k_sleep</c>.</summary>
    Sleeping = 1 << 3,

    /// <summary>Aborted or returned from its entry.</summary>
    Dead = 1 << 4,

    /// <summary>In the ready queue.</summary>
    Queued = 1 << 5,
}
