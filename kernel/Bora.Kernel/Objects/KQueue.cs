namespace Bora.Kernel.Objects;

/// <summary>
/// A queue (<c>struct k_queue</c>, kernel/queue.c; also <c>k_fifo</c> and <c>k_lifo</c>): a singly linked
/// list of caller items. The first word of each item is reserved for the kernel's link pointer, which
/// the kernel reads and writes in simulated memory through the checked accessors.
/// </summary>
public sealed class KQueue : KObject
{
    /// <summary><c>sys_sfnode</c> flag 0x1: the node is a container the kernel allocated (<c>struct alloc_node</c>).</summary>
    internal const uint AllocatedNodeFlag = 0x1;

    private readonly Dictionary<KThread, uint> _handoff = [];

    internal KQueue(BoraKernel kernel, uint address, string name, QueueFlavor flavor)
        : base(kernel, address, KObjectSizes.Queue, KObjectKind.Queue, name)
    {
        Flavor = flavor;
    }

    /// <summary>Whether it was defined as a queue, a FIFO or a LIFO.</summary>
    public QueueFlavor Flavor { get; }

    /// <summary>The first item's address, or 0 when empty.</summary>
    public uint Head { get; private set; }

    /// <summary>The last item's address, or 0 when empty.</summary>
    public uint Tail { get; private set; }

    /// <summary>Threads waiting for an item.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The queue as a handle.</summary>
    public QueueHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary>Events of <c>k_poll</c> callers waiting for it (<c>poll_events</c>).</summary>
    internal PollEventList PollEvents { get; } = new();

    private Cpu Cpu => Kernel.Machine.Cpu;

    /// <summary><c>z_impl_k_queue_init</c>: empties the list.</summary>
    internal void Init()
    {
        Head = 0;
        Tail = 0;
        MarkInitialized();
    }

    /// <summary>
    /// <c>queue_insert</c>: hands <paramref name="data"/> to the first waiter, or links it after
    /// <paramref name="prev"/> (0: at the head; <paramref name="append"/>: after the tail). With
    /// <paramref name="allocateNode"/> (<c>k_queue_alloc_append</c>/<c>prepend</c>) a queued item travels in an
    /// 8-byte container (<c>struct alloc_node</c>: link word flagged <see cref="AllocatedNodeFlag"/>, then the data)
    /// allocated only when no thread waits; 0 or <c>-ENOMEM</c> when the container cannot be allocated.
    /// </summary>
    internal int Insert(uint prev, uint data, bool append, Func<uint>? allocateNode = null)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (Kernel.UnpendFirst(WaitQueue, 0) is { } waiter)
        {
            _handoff[waiter] = data;
            return 0;
        }

        uint node = data;
        uint flags = 0;
        if (allocateNode is not null)
        {
            node = allocateNode();
            if (node == 0)
            {
                return -Errno.ENoMem;
            }

            Cpu.WriteUInt32(node + 4, data);
            flags = AllocatedNodeFlag;
        }

        if (append)
        {
            prev = Tail;
        }

        if (prev == 0)
        {
            Cpu.WriteUInt32(node, Head | flags);
            Head = node;
            if (Tail == 0)
            {
                Tail = node;
            }
        }
        else
        {
            Cpu.WriteUInt32(node, ReadLink(prev) | flags);
            SetLink(prev, node);
            if (Tail == prev)
            {
                Tail = node;
            }
        }

        Kernel.HandlePollEvents(PollEvents, PollState.DataAvailable);
        return 0;
    }

    /// <summary>The data an item of the list carries: the item itself, or the data word of an allocated container.</summary>
    internal uint DataOf(uint node) =>
        node != 0 && (Cpu.ReadUInt32(node) & AllocatedNodeFlag) != 0 ? Cpu.ReadUInt32(node + 4) : node;

    /// <summary>
    /// <c>k_queue_append_list</c>: 0, or <c>-EINVAL</c> when <paramref name="head"/> or
    /// <paramref name="tail"/> is NULL. Waiters receive the list's first items; the rest is appended.
    /// </summary>
    internal int AppendList(KThread caller, uint head, uint tail)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (head == 0 || tail == 0)
        {
            return -Errno.EInval;
        }

        var seen = new HashSet<uint>();
        while (head != 0 && WaitQueue.Count > 0)
        {
            uint next = ReadLink(head);
            if (!seen.Add(head))
            {
                ReportCycle(caller, head);
            }

            _handoff[Kernel.UnpendFirst(WaitQueue, 0)!] = head;
            head = next;
        }

        if (head != 0)
        {
            if (Tail == 0)
            {
                Head = head;
            }
            else
            {
                SetLink(Tail, head);
            }

            Tail = tail;
            Kernel.HandlePollEvents(PollEvents, PollState.DataAvailable);
        }

        return 0;
    }

    /// <summary>
    /// <c>z_impl_k_queue_get</c>: the first item's address, or 0 when the queue is empty and the caller
    /// does not wait (always so in an ISR), the wait timed out, or <c>k_queue_cancel_wait</c> woke it.
    /// </summary>
    internal uint Get(KThread caller, KTimeout timeout)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (Head != 0)
        {
            uint item = Head;
            uint word = Cpu.ReadUInt32(item);
            uint next = word & ~3u;
            Head = next;
            if (next == 0)
            {
                Tail = 0;
            }

            if ((word & AllocatedNodeFlag) == 0)
            {
                return item;
            }

            // z_queue_node_peek(node, true): the container goes back to the heap it came from.
            uint carried = Cpu.ReadUInt32(item + 4);
            Kernel.HeapFree(caller, item);
            return carried;
        }

        if (timeout.IsNoWait || Kernel.InIsr)
        {
            return 0;
        }

        int result = Kernel.Pend(caller, WaitQueue, timeout);
        uint data = result == 0 ? _handoff.GetValueOrDefault(caller) : 0;
        _handoff.Remove(caller);
        return data;
    }

    /// <summary><c>z_impl_k_queue_cancel_wait</c>: the first waiter's get returns NULL.</summary>
    internal void CancelWait()
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (Kernel.UnpendFirst(WaitQueue, 0) is { } waiter)
        {
            _handoff[waiter] = 0;
        }

        Kernel.HandlePollEvents(PollEvents, PollState.Cancelled);
    }

    /// <summary><c>k_queue_remove</c>: unlinks <paramref name="data"/> (clearing its link word); whether it was queued.</summary>
    internal bool Remove(KThread caller, uint data)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        uint prev = 0;
        var seen = new HashSet<uint>();
        for (uint node = Head; node != 0; node = ReadLink(node))
        {
            if (!seen.Add(node))
            {
                ReportCycle(caller, node);
            }

            if (node == data)
            {
                uint next = ReadLink(node);
                if (prev == 0)
                {
                    Head = next;
                }
                else
                {
                    SetLink(prev, next);
                }

                if (Tail == node)
                {
                    Tail = prev;
                }

                Cpu.WriteUInt32(node, 0);
                return true;
            }

            prev = node;
        }

        return false;
    }

    /// <summary><c>k_queue_unique_append</c>: appends <paramref name="data"/> unless it is already queued; whether it appended.</summary>
    internal bool UniqueAppend(KThread caller, uint data)
    {
        var seen = new HashSet<uint>();
        for (uint node = Head; node != 0; node = ReadLink(node))
        {
            if (!seen.Add(node))
            {
                ReportCycle(caller, node);
            }

            if (node == data)
            {
                return false;
            }
        }

        _ = Insert(0, data, append: true);
        return true;
    }

    /// <summary>The link word of <paramref name="node"/> without <c>sys_sfnode</c>'s two flag bits.</summary>
    private uint ReadLink(uint node) => Cpu.ReadUInt32(node) & ~3u;

    /// <summary>Points <paramref name="node"/> at <paramref name="next"/>, keeping the node's own flag bits.</summary>
    private void SetLink(uint node, uint next) => Cpu.WriteUInt32(node, next | (Cpu.ReadUInt32(node) & 3u));

    private void ReportCycle(KThread caller, uint node) =>
        Kernel.Fatal(caller, FatalReason.KernelOops, null, $"{this}: the item list loops back to 0x{node:X8} (an item was queued twice without being removed); Zephyr would spin forever here");
}
