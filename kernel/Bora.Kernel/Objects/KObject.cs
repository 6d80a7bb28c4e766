namespace Bora.Kernel.Objects;

/// <summary>
/// A kernel object: it occupies its Zephyr struct's size at <see cref="Address"/> in the
/// kernel-object area; its state lives in C#.
/// </summary>
public abstract class KObject
{
    private protected KObject(BoraKernel kernel, uint address, uint size, KObjectKind kind, string name)
    {
        Kernel = kernel;
        Address = address;
        Size = size;
        Kind = kind;
        Name = name;
    }

    /// <summary>The address that identifies the object.</summary>
    public uint Address { get; }

    /// <summary>Bytes the object occupies.</summary>
    public uint Size { get; }

    /// <summary>The object's type.</summary>
    public KObjectKind Kind { get; }

    /// <summary>The symbol name it was defined with.</summary>
    public string Name { get; }

    /// <summary>The Zephyr type name (<c>k_sem</c>, <c>k_mutex</c>, ...).</summary>
    public string ZephyrTypeName => Kind switch
    {
        KObjectKind.Semaphore => "k_sem",
        KObjectKind.Mutex => "k_mutex",
        KObjectKind.Thread => "k_thread",
        KObjectKind.Event => "k_event",
        KObjectKind.Timer => "k_timer",
        KObjectKind.Heap => "k_heap",
        KObjectKind.MemSlab => "k_mem_slab",
        KObjectKind.Condvar => "k_condvar",
        KObjectKind.MessageQueue => "k_msgq",
        KObjectKind.Stack => "k_stack",
        KObjectKind.Queue => "k_queue",
        KObjectKind.Pipe => "k_pipe",
        KObjectKind.PollSignal => "k_poll_signal",
        _ => "k_thread_stack",
    };

    private protected BoraKernel Kernel { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{ZephyrTypeName} '{Name}' @0x{Address:X8}";
}
