namespace Bora.Abi;

/// <summary>
/// A kernel object of any type (<c>const void *object</c> in <c>k_object_access_grant</c>,
/// <c>k_object_release</c>, <c>k_object_free</c>, and what <c>k_object_alloc</c> returns): its address.
/// Every typed handle converts to it implicitly; it converts back to a typed handle explicitly (a cast
/// of the <c>void *</c>), which checks nothing: the kernel validates the address when it is used.
/// </summary>
/// <param name="Address">The object's address; 0 is <c>NULL</c>.</param>
public readonly record struct KObjectHandle(uint Address)
{
    /// <summary><c>NULL</c>.</summary>
    public static KObjectHandle Null => default;

    /// <summary>Whether this is <c>NULL</c>.</summary>
    public bool IsNull => Address == 0;

    /// <summary>A thread object as a generic object.</summary>
    public static implicit operator KObjectHandle(ThreadHandle handle) => new(handle.Address);

    /// <summary>A thread stack object as a generic object.</summary>
    public static implicit operator KObjectHandle(StackHandle handle) => new(handle.Address);

    /// <summary>A semaphore as a generic object.</summary>
    public static implicit operator KObjectHandle(SemaphoreHandle handle) => new(handle.Address);

    /// <summary>A mutex as a generic object.</summary>
    public static implicit operator KObjectHandle(MutexHandle handle) => new(handle.Address);

    /// <summary>An event object as a generic object.</summary>
    public static implicit operator KObjectHandle(EventHandle handle) => new(handle.Address);

    /// <summary>A timer as a generic object.</summary>
    public static implicit operator KObjectHandle(TimerHandle handle) => new(handle.Address);

    /// <summary>A heap as a generic object.</summary>
    public static implicit operator KObjectHandle(HeapHandle handle) => new(handle.Address);

    /// <summary>A memory slab as a generic object.</summary>
    public static implicit operator KObjectHandle(MemSlabHandle handle) => new(handle.Address);

    /// <summary>A condition variable as a generic object.</summary>
    public static implicit operator KObjectHandle(CondvarHandle handle) => new(handle.Address);

    /// <summary>A message queue as a generic object.</summary>
    public static implicit operator KObjectHandle(MsgqHandle handle) => new(handle.Address);

    /// <summary>A <c>k_stack</c> as a generic object.</summary>
    public static implicit operator KObjectHandle(KStackHandle handle) => new(handle.Address);

    /// <summary>A queue as a generic object.</summary>
    public static implicit operator KObjectHandle(QueueHandle handle) => new(handle.Address);

    /// <summary>A FIFO as a generic object.</summary>
    public static implicit operator KObjectHandle(FifoHandle handle) => new(handle.Address);

    /// <summary>A LIFO as a generic object.</summary>
    public static implicit operator KObjectHandle(LifoHandle handle) => new(handle.Address);

    /// <summary>A pipe as a generic object.</summary>
    public static implicit operator KObjectHandle(PipeHandle handle) => new(handle.Address);

    /// <summary>A poll signal as a generic object.</summary>
    public static implicit operator KObjectHandle(PollSignalHandle handle) => new(handle.Address);

    /// <summary>The object as a thread handle (<c>(struct k_thread *)obj</c>).</summary>
    public static explicit operator ThreadHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a thread stack handle.</summary>
    public static explicit operator StackHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a semaphore handle.</summary>
    public static explicit operator SemaphoreHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a mutex handle.</summary>
    public static explicit operator MutexHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as an event handle.</summary>
    public static explicit operator EventHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a timer handle.</summary>
    public static explicit operator TimerHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a memory slab handle.</summary>
    public static explicit operator MemSlabHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a condition variable handle.</summary>
    public static explicit operator CondvarHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a message queue handle.</summary>
    public static explicit operator MsgqHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a <c>k_stack</c> handle.</summary>
    public static explicit operator KStackHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a queue handle.</summary>
    public static explicit operator QueueHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a pipe handle.</summary>
    public static explicit operator PipeHandle(KObjectHandle handle) => new(handle.Address);

    /// <summary>The object as a poll signal handle.</summary>
    public static explicit operator PollSignalHandle(KObjectHandle handle) => new(handle.Address);

    /// <inheritdoc/>
    public override string ToString() => $"k_object@0x{Address:X8}";
}
