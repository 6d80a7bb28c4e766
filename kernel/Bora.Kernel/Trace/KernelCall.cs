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

    /// <summary><c>k_event_init</c>.</summary>
    EventInit,

    /// <summary><c>k_event_post</c>, <c>k_event_set</c>, <c>k_event_set_masked</c>, <c>k_event_clear</c>.</summary>
    EventPost,

    /// <summary><c>k_event_wait</c>, <c>k_event_wait_all</c>, <c>k_event_test</c>.</summary>
    EventWait,

    /// <summary><c>k_timer_init</c>.</summary>
    TimerInit,

    /// <summary><c>k_timer_start</c>.</summary>
    TimerStart,

    /// <summary><c>k_timer_stop</c>.</summary>
    TimerStop,

    /// <summary><c>k_timer_status_get</c>, <c>k_timer_status_sync</c>.</summary>
    TimerStatus,

    /// <summary><c>k_timer_remaining_ticks</c>, <c>k_timer_expires_ticks</c>, <c>k_timer_user_data_get</c>/<c>_set</c>.</summary>
    TimerQuery,

    /// <summary><c>k_heap_init</c>.</summary>
    HeapInit,

    /// <summary><c>k_heap_alloc</c>, <c>k_heap_aligned_alloc</c>, <c>k_heap_calloc</c>, <c>k_malloc</c>, <c>k_calloc</c>, <c>k_aligned_alloc</c>.</summary>
    HeapAlloc,

    /// <summary><c>k_heap_free</c>, <c>k_free</c>.</summary>
    HeapFree,

    /// <summary><c>k_mem_slab_init</c>.</summary>
    MemSlabInit,

    /// <summary><c>k_mem_slab_alloc</c>.</summary>
    MemSlabAlloc,

    /// <summary><c>k_mem_slab_free</c>.</summary>
    MemSlabFree,

    /// <summary><c>k_mem_slab_num_used_get</c>, <c>k_mem_slab_num_free_get</c>, <c>k_mem_slab_max_used_get</c>.</summary>
    MemSlabQuery,

    /// <summary><c>k_condvar_init</c>.</summary>
    CondvarInit,

    /// <summary><c>k_condvar_signal</c>.</summary>
    CondvarSignal,

    /// <summary><c>k_condvar_broadcast</c>.</summary>
    CondvarBroadcast,

    /// <summary><c>k_condvar_wait</c>.</summary>
    CondvarWait,

    /// <summary><c>k_msgq_init</c>.</summary>
    MsgqInit,

    /// <summary><c>k_msgq_put</c>, <c>k_msgq_put_front</c>.</summary>
    MsgqPut,

    /// <summary><c>k_msgq_get</c>.</summary>
    MsgqGet,

    /// <summary><c>k_msgq_peek</c>, <c>k_msgq_peek_at</c>.</summary>
    MsgqPeek,

    /// <summary><c>k_msgq_purge</c>.</summary>
    MsgqPurge,

    /// <summary><c>k_msgq_get_attrs</c>, <c>k_msgq_num_free_get</c>, <c>k_msgq_num_used_get</c>.</summary>
    MsgqQuery,

    /// <summary><c>k_msgq_cleanup</c>.</summary>
    MsgqCleanup,

    /// <summary><c>k_stack_init</c>.</summary>
    StackInit,

    /// <summary><c>k_stack_push</c>.</summary>
    StackPush,

    /// <summary><c>k_stack_pop</c>.</summary>
    StackPop,

    /// <summary><c>k_stack_cleanup</c>.</summary>
    StackCleanup,

    /// <summary><c>k_queue_init</c>, <c>k_fifo_init</c>, <c>k_lifo_init</c>.</summary>
    QueueInit,

    /// <summary><c>k_queue_append</c>, <c>k_queue_prepend</c>, <c>k_queue_insert</c>, <c>k_fifo_put</c>, <c>k_lifo_put</c>.</summary>
    QueueInsert,

    /// <summary><c>k_queue_append_list</c>, <c>k_queue_merge_slist</c>.</summary>
    QueueAppendList,

    /// <summary><c>k_queue_get</c>, <c>k_fifo_get</c>, <c>k_lifo_get</c>.</summary>
    QueueGet,

    /// <summary><c>k_queue_cancel_wait</c>.</summary>
    QueueCancelWait,

    /// <summary><c>k_queue_is_empty</c>, <c>k_queue_peek_head</c>, <c>k_queue_peek_tail</c>.</summary>
    QueuePeek,

    /// <summary><c>k_queue_remove</c>.</summary>
    QueueRemove,

    /// <summary><c>k_queue_unique_append</c>.</summary>
    QueueUniqueAppend,

    /// <summary><c>k_pipe_init</c>.</summary>
    PipeInit,

    /// <summary><c>k_pipe_put</c>.</summary>
    PipePut,

    /// <summary><c>k_pipe_get</c>.</summary>
    PipeGet,

    /// <summary><c>k_pipe_flush</c>.</summary>
    PipeFlush,

    /// <summary><c>k_pipe_buffer_flush</c>.</summary>
    PipeBufferFlush,

    /// <summary><c>k_pipe_read_avail</c>, <c>k_pipe_write_avail</c>.</summary>
    PipeAvail,

    /// <summary><c>k_pipe_cleanup</c>.</summary>
    PipeCleanup,

    /// <summary><c>k_poll</c>.</summary>
    Poll,

    /// <summary><c>k_poll_signal_init</c>.</summary>
    PollSignalInit,

    /// <summary><c>k_poll_signal_raise</c>.</summary>
    PollSignalRaise,

    /// <summary><c>k_poll_signal_reset</c>.</summary>
    PollSignalReset,

    /// <summary><c>k_poll_signal_check</c>.</summary>
    PollSignalCheck,

    /// <summary><c>k_thread_heap_assign</c> / <c>k_thread_system_pool_assign</c>.</summary>
    ThreadHeapAssign,

    /// <summary><c>k_stack_alloc_init</c>.</summary>
    StackAllocInit,

    /// <summary><c>k_msgq_alloc_init</c>.</summary>
    MsgqAllocInit,

    /// <summary><c>k_pipe_alloc_init</c>.</summary>
    PipeAllocInit,

    /// <summary><c>k_queue_alloc_append</c> / <c>k_queue_alloc_prepend</c>.</summary>
    QueueAllocInsert,

    /// <summary><c>k_object_access_grant</c>.</summary>
    ObjectAccessGrant,

    /// <summary><c>k_object_access_revoke</c>.</summary>
    ObjectAccessRevoke,

    /// <summary><c>k_object_release</c>.</summary>
    ObjectRelease,

    /// <summary><c>k_object_access_all_grant</c>.</summary>
    ObjectAccessAllGrant,

    /// <summary><c>k_object_alloc</c>, <c>k_object_alloc_size</c>.</summary>
    ObjectAlloc,

    /// <summary><c>k_object_free</c>.</summary>
    ObjectFree,

    /// <summary><c>k_str_out</c>.</summary>
    StrOut,
}
