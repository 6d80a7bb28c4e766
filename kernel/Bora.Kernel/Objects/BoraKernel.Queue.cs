namespace Bora.Kernel;

/// <summary>Queues, FIFOs and LIFOs: definition (host API) and kernel calls. A FIFO or LIFO is a queue at the same address.</summary>
public sealed partial class BoraKernel
{
    /// <summary>Defines an initialised queue (<c>K_QUEUE_DEFINE</c>).</summary>
    public QueueHandle DefineQueue(string name) => new(DefineQueueCore(name, QueueFlavor.Queue, nameof(DefineQueue)));

    /// <summary>Defines an initialised FIFO (<c>K_FIFO_DEFINE</c>).</summary>
    public FifoHandle DefineFifo(string name) => new(DefineQueueCore(name, QueueFlavor.Fifo, nameof(DefineFifo)));

    /// <summary>Defines an initialised LIFO (<c>K_LIFO_DEFINE</c>).</summary>
    public LifoHandle DefineLifo(string name) => new(DefineQueueCore(name, QueueFlavor.Lifo, nameof(DefineLifo)));

    /// <summary>The queue (or FIFO, or LIFO) at <paramref name="address"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a queue.</exception>
    public KQueue GetQueue(uint address) =>
        _objects.GetValueOrDefault(address) as KQueue ?? throw new ArgumentException($"0x{address:X8} is not a k_queue, k_fifo or k_lifo", nameof(address));

    internal void CallQueueInit(KThread caller, uint queue, string type)
    {
        Enter(caller, KernelCall.QueueInit);
        LookupQueue(caller, queue, type).Init();
        Exit(caller, KernelCall.QueueInit, 0);
    }

    /// <summary><c>k_queue_insert</c> / <c>append</c> / <c>prepend</c> (<c>k_fifo_put</c>, <c>k_lifo_put</c>).</summary>
    internal void CallQueueInsert(KThread caller, uint queue, string type, uint prev, uint data, bool append)
    {
        Enter(caller, KernelCall.QueueInsert);
        _ = LookupQueue(caller, queue, type).Insert(prev, data, append);
        Exit(caller, KernelCall.QueueInsert, 0);
    }

    internal int CallQueueAppendList(KThread caller, uint queue, string type, uint head, uint tail)
    {
        Enter(caller, KernelCall.QueueAppendList);
        return Exit(caller, KernelCall.QueueAppendList, LookupQueue(caller, queue, type).AppendList(caller, head, tail));
    }

    /// <summary>
    /// <c>k_queue_merge_slist</c>: appends the <c>sys_slist_t</c> (head and tail words) at
    /// <paramref name="list"/> and empties it; 0, or <c>-EINVAL</c> when the list is empty.
    /// </summary>
    internal int CallQueueMergeSlist(KThread caller, uint queue, string type, uint list)
    {
        Enter(caller, KernelCall.QueueAppendList);
        KQueue q = LookupQueue(caller, queue, type);
        uint head = _cpu.ReadUInt32(list);
        uint tail = _cpu.ReadUInt32(list + 4);
        if (head == 0)
        {
            return Exit(caller, KernelCall.QueueAppendList, -Errno.EInval);
        }

        int result = q.AppendList(caller, head, tail);
        if (result == 0)
        {
            _cpu.WriteUInt32(list, 0);
            _cpu.WriteUInt32(list + 4, 0);
        }

        return Exit(caller, KernelCall.QueueAppendList, result);
    }

    internal uint CallQueueGet(KThread caller, uint queue, string type, KTimeout timeout)
    {
        Enter(caller, KernelCall.QueueGet);
        uint item = LookupQueue(caller, queue, type).Get(caller, timeout);
        Exit(caller, KernelCall.QueueGet, unchecked((int)item));
        return item;
    }

    internal void CallQueueCancelWait(KThread caller, uint queue, string type)
    {
        Enter(caller, KernelCall.QueueCancelWait);
        LookupQueue(caller, queue, type).CancelWait();
        Exit(caller, KernelCall.QueueCancelWait, 0);
    }

    /// <summary><c>k_queue_is_empty</c> (<paramref name="what"/> 0), <c>k_queue_peek_head</c> (1) or <c>k_queue_peek_tail</c> (2).</summary>
    internal uint CallQueuePeek(KThread caller, uint queue, string type, int what)
    {
        Enter(caller, KernelCall.QueuePeek);
        KQueue q = LookupQueue(caller, queue, type);
        uint value = what switch
        {
            0 => q.Head == 0 ? 1u : 0u,
            1 => q.DataOf(q.Head),
            _ => q.DataOf(q.Tail),
        };
        Exit(caller, KernelCall.QueuePeek, unchecked((int)value));
        return value;
    }

    internal bool CallQueueRemove(KThread caller, uint queue, string type, uint data)
    {
        Enter(caller, KernelCall.QueueRemove);
        bool removed = LookupQueue(caller, queue, type).Remove(caller, data);
        Exit(caller, KernelCall.QueueRemove, removed ? 1 : 0);
        return removed;
    }

    internal bool CallQueueUniqueAppend(KThread caller, uint queue, string type, uint data)
    {
        Enter(caller, KernelCall.QueueUniqueAppend);
        bool appended = LookupQueue(caller, queue, type).UniqueAppend(caller, data);
        Exit(caller, KernelCall.QueueUniqueAppend, appended ? 1 : 0);
        return appended;
    }

    private KQueue LookupQueue(KThread caller, uint queue, string type) => Lookup<KQueue>(caller, queue, type);

    private uint DefineQueueCore(string name, QueueFlavor flavor, string api)
    {
        EnsureHostAccess(api);
        string type = flavor switch
        {
            QueueFlavor.Fifo => "k_fifo",
            QueueFlavor.Lifo => "k_lifo",
            _ => "k_queue",
        };
        KQueue queue = DefineObject(name, KObjectSizes.Queue, type, address => new KQueue(this, address, name, flavor));
        queue.MarkInitialized();
        return queue.Address;
    }
}
