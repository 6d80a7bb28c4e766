namespace Bora.Kernel.Objects;

/// <summary>
/// Bytes each kernel object occupies in the kernel-object area: plausible 32-bit <c>sizeof</c> values
/// of Zephyr's structs (see docs/kernel.md for the derivation).
/// </summary>
public static class KObjectSizes
{
    /// <summary><c>sizeof(struct k_sem)</c>: wait queue (8), count (4), limit (4).</summary>
    public const uint Semaphore = 16;

    /// <summary><c>sizeof(struct k_mutex)</c>: wait queue (8), owner (4), lock count (4), original priority (4).</summary>
    public const uint Mutex = 20;

    /// <summary><c>sizeof(struct k_thread)</c> on a 32-bit core without FPU context, with userspace fields.</summary>
    public const uint Thread = 160;

    /// <summary>Alignment of objects in the kernel-object area.</summary>
    public const uint Alignment = 4;

    /// <summary>The struct size of <paramref name="kind"/> (stacks have their own sizes).</summary>
    public static uint Of(KObjectKind kind) => kind switch
    {
        KObjectKind.Semaphore => Semaphore,
        KObjectKind.Mutex => Mutex,
        KObjectKind.Thread => Thread,
        KObjectKind.Event => Event,
        KObjectKind.Timer => Timer,
        KObjectKind.Heap => Heap,
        KObjectKind.MemSlab => MemSlab,
        KObjectKind.Condvar => Condvar,
        KObjectKind.MessageQueue => MessageQueue,
        KObjectKind.Stack => Stack,
        KObjectKind.Queue => Queue,
        KObjectKind.Pipe => Pipe,
        KObjectKind.PollSignal => PollSignal,
        _ => 0,
    };

    /// <summary><c>sizeof(struct k_event)</c>: wait queue (8), events (4); the spinlock is empty on one CPU.</summary>
    public const uint Event = 12;

    /// <summary>
    /// <c>sizeof(struct k_timer)</c> with <c>CONFIG_TIMEOUT_64BIT</c>: timeout (node 8, handler 4, padding 4,
    /// 64-bit ticks 8), wait queue (8), expiry and stop functions (8), period (8), status (4), user data (4).
    /// </summary>
    public const uint Timer = 56;

    /// <summary><c>sizeof(struct k_heap)</c>: <c>struct sys_heap</c> (heap pointer, init memory, init bytes: 12), wait queue (8).</summary>
    public const uint Heap = 20;

    /// <summary>
    /// <c>sizeof(struct k_mem_slab)</c> with <c>CONFIG_MEM_SLAB_TRACE_MAX_UTILIZATION</c>: wait queue (8),
    /// buffer (4), free list (4), info (blocks, block size, used, max used: 16).
    /// </summary>
    public const uint MemSlab = 32;

    /// <summary><c>sizeof(struct k_condvar)</c>: wait queue (8).</summary>
    public const uint Condvar = 8;

    /// <summary><c>sizeof(struct k_msgq)</c>: wait queue (8), msg_size, max_msgs, buffer_start, buffer_end, read_ptr, write_ptr, used_msgs, flags (4 each; no <c>CONFIG_POLL</c>).</summary>
    public const uint MessageQueue = 40;

    /// <summary><c>sizeof(struct k_stack)</c>: wait queue (8), base, next, top, flags (4 each).</summary>
    public const uint Stack = 24;

    /// <summary><c>sizeof(struct k_queue)</c> (and <c>k_fifo</c>, <c>k_lifo</c>): data list head and tail (8), wait queue (8).</summary>
    public const uint Queue = 16;

    /// <summary><c>sizeof(struct k_pipe)</c> (3.5–4.0): buffer, size, bytes_used, read_index, write_index (4 each), reader and writer wait queues (16), flags (4).</summary>
    public const uint Pipe = 40;

    /// <summary><c>sizeof(struct k_poll_signal)</c>: poll_events list (8), signaled (4), result (4).</summary>
    public const uint PollSignal = 16;
}
