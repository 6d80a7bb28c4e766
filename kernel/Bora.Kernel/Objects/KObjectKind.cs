namespace Bora.Kernel.Objects;

/// <summary>The type of a kernel object (Zephyr's <c>K_OBJ_*</c>).</summary>
public enum KObjectKind
{
    /// <summary><c>struct k_thread</c>.</summary>
    Thread,

    /// <summary><c>struct k_sem</c>.</summary>
    Semaphore,

    /// <summary><c>struct k_mutex</c>.</summary>
    Mutex,

    /// <summary>A thread stack object (<c>K_THREAD_STACK_DEFINE</c>).</summary>
    ThreadStack,

    /// <summary><c>struct k_event</c>.</summary>
    Event,

    /// <summary><c>struct k_timer</c>.</summary>
    Timer,

    /// <summary><c>struct k_heap</c>.</summary>
    Heap,

    /// <summary><c>struct k_mem_slab</c>.</summary>
    MemSlab,

    /// <summary><c>struct k_condvar</c>.</summary>
    Condvar,

    /// <summary><c>struct k_msgq</c>.</summary>
    MessageQueue,

    /// <summary><c>struct k_stack</c> (the data stack object, not a thread stack).</summary>
    Stack,

    /// <summary><c>struct k_queue</c> (also <c>struct k_fifo</c> and <c>struct k_lifo</c>, which wrap it).</summary>
    Queue,

    /// <summary><c>struct k_pipe</c>.</summary>
    Pipe,

    /// <summary><c>struct k_poll_signal</c>.</summary>
    PollSignal,

    /// <summary>
    /// <c>K_OBJ_ANY</c>: in a validation, "any type". No object has this type, and <c>k_object_alloc</c> of it
    /// returns <c>NULL</c>.
    /// </summary>
    Any = -1,
}
