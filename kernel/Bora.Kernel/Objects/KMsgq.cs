namespace Bora.Kernel.Objects;

/// <summary>
/// A message queue (<c>struct k_msgq</c>, kernel/msg_q.c): a ring of fixed-size messages in a caller
/// buffer in simulated memory. Messages move through the checked accessors; a thread that waits
/// copies its own message in (put) or out (get) in its own context, so a bad pointer faults its owner.
/// </summary>
public sealed class KMsgq : KObject, IPoolBufferedObject
{
    private readonly Dictionary<KThread, byte[]?> _handoff = [];

    internal KMsgq(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.MessageQueue, KObjectKind.MessageQueue, name)
    {
    }

    /// <summary>First address of the ring buffer.</summary>
    public uint BufferStart { get; private set; }

    /// <summary>Bytes per message.</summary>
    public uint MsgSize { get; private set; }

    /// <summary>Capacity in messages.</summary>
    public uint MaxMsgs { get; private set; }

    /// <summary>Messages queued.</summary>
    public uint UsedMsgs { get; private set; }

    /// <summary>Threads waiting to put (queue full) or to get (queue empty).</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The message queue as a handle.</summary>
    public MsgqHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary>Events of <c>k_poll</c> callers waiting for it (<c>poll_events</c>).</summary>
    internal PollEventList PollEvents { get; } = new();

    private uint ReadSlot { get; set; }

    private uint WriteSlot { get; set; }

    private Cpu Cpu => Kernel.Machine.Cpu;

    /// <summary>
    /// <c>k_msgq_init</c>: 0, or <c>-EINVAL</c> when <paramref name="msgSize"/> × <paramref name="maxMsgs"/>
    /// overflows 32 bits, the buffer wraps the address space, or it overlaps kernel memory.
    /// </summary>
    internal int Init(uint buffer, uint msgSize, uint maxMsgs)
    {
        ulong total = (ulong)msgSize * maxMsgs;
        if (total > uint.MaxValue || !ObjectBuffer.Fits(Kernel.Layout, buffer, total))
        {
            return -Errno.EInval;
        }

        InitStatic(buffer, msgSize, maxMsgs);
        return 0;
    }

    /// <summary><c>K_MSGQ_DEFINE</c>: the image's own buffer (in kernel data) needs no check.</summary>
    internal void InitStatic(uint buffer, uint msgSize, uint maxMsgs)
    {
        BufferStart = buffer;
        MsgSize = msgSize;
        MaxMsgs = maxMsgs;
        UsedMsgs = 0;
        ReadSlot = 0;
        WriteSlot = 0;
        MarkInitialized();
    }

    /// <summary>
    /// <c>z_impl_k_msgq_put</c> (<paramref name="atBack"/>) or <c>k_msgq_put_front</c>: 0,
    /// <c>-ENOMSG</c> (full and not waiting — always so in an ISR), <c>-EAGAIN</c> (timed out) or
    /// <c>-ENOMSG</c> (purged while waiting).
    /// </summary>
    internal int Put(KThread caller, uint data, KTimeout timeout, bool atBack)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (UsedMsgs < MaxMsgs)
        {
            byte[] message = ObjectBuffer.Read(Cpu, data, MsgSize);
            if (Kernel.UnpendFirst(WaitQueue, 0) is { } reader)
            {
                // The queue is not full, so every waiter is a reader: hand it the message directly.
                _handoff[reader] = message;
                return 0;
            }

            if (atBack)
            {
                Cpu.WriteBlock(SlotAddress(WriteSlot), message);
                WriteSlot = Next(WriteSlot);
            }
            else
            {
                uint slot = ReadSlot == 0 ? MaxMsgs - 1 : ReadSlot - 1;
                Cpu.WriteBlock(SlotAddress(slot), message);
                ReadSlot = slot;
            }

            UsedMsgs++;
            Kernel.HandlePollEvents(PollEvents, PollState.MsgqDataAvailable);
            return 0;
        }

        if (timeout.IsNoWait || Kernel.InIsr)
        {
            return -Errno.ENoMsg;
        }

        _handoff[caller] = ObjectBuffer.Read(Cpu, data, MsgSize);
        int result = Kernel.Pend(caller, WaitQueue, timeout);
        _handoff.Remove(caller);
        return result;
    }

    /// <summary>
    /// <c>z_impl_k_msgq_get</c>: 0, <c>-ENOMSG</c> (empty and not waiting — always so in an ISR — or
    /// purged while waiting) or <c>-EAGAIN</c> (timed out).
    /// </summary>
    internal int Get(KThread caller, uint data, KTimeout timeout)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (UsedMsgs > 0)
        {
            var message = new byte[MsgSize];
            Cpu.ReadBlock(SlotAddress(ReadSlot), message);
            Cpu.WriteBlock(data, message);
            ReadSlot = Next(ReadSlot);
            UsedMsgs--;
            if (Kernel.UnpendFirst(WaitQueue, 0) is { } writer)
            {
                // There was a message, so every waiter is a writer: its message takes the freed slot.
                Cpu.WriteBlock(SlotAddress(WriteSlot), _handoff[writer] ?? []);
                WriteSlot = Next(WriteSlot);
                UsedMsgs++;
            }

            return 0;
        }

        if (timeout.IsNoWait || Kernel.InIsr)
        {
            return -Errno.ENoMsg;
        }

        _handoff[caller] = null;
        int result = Kernel.Pend(caller, WaitQueue, timeout);
        byte[]? received = _handoff.GetValueOrDefault(caller);
        _handoff.Remove(caller);
        if (result == 0 && received is not null)
        {
            Cpu.WriteBlock(data, received);
        }

        return result;
    }

    /// <summary><c>z_impl_k_msgq_peek_at</c> (<c>k_msgq_peek</c> is index 0): 0 or <c>-ENOMSG</c>.</summary>
    internal int PeekAt(uint data, uint index)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (UsedMsgs <= index)
        {
            return -Errno.ENoMsg;
        }

        var message = new byte[MsgSize];
        Cpu.ReadBlock(SlotAddress((uint)((ReadSlot + (ulong)index) % MaxMsgs)), message);
        Cpu.WriteBlock(data, message);
        return 0;
    }

    /// <summary><c>z_impl_k_msgq_purge</c>: discards every message and wakes every waiter with <c>-ENOMSG</c>.</summary>
    internal void Purge()
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        while (Kernel.UnpendFirst(WaitQueue, -Errno.ENoMsg) is not null)
        {
        }

        UsedMsgs = 0;
        ReadSlot = WriteSlot;
    }

    /// <summary><c>k_msgq_cleanup</c>: 0, or <c>-EBUSY</c> while threads wait (Bora has no <c>k_msgq_alloc_init</c> buffer to free).</summary>
    int IPoolBufferedObject.Cleanup() => WaitQueue.Count > 0 ? -Errno.EBusy : 0;

    /// <summary>Whether the ring came from a resource pool (<c>K_MSGQ_FLAG_ALLOC</c>): cleanup frees it.</summary>
    public bool BufferAllocated { get; private set; }

    /// <summary>The rest of <c>k_msgq_alloc_init</c>: <paramref name="buffer"/> came from the caller's resource pool.</summary>
    internal void InitAllocated(uint buffer, uint msgSize, uint maxMsgs)
    {
        InitStatic(buffer, msgSize, maxMsgs);
        BufferAllocated = true;
    }

    /// <summary>
    /// The pool ring cleanup must free (0 when none). Zephyr leaves the queue pointing at the freed ring; Bora
    /// makes it a queue of capacity 0 (puts fail with <c>-ENOMSG</c>) instead of a dangling one.
    /// </summary>
    uint IPoolBufferedObject.ReleaseAllocatedBuffer()
    {
        if (!BufferAllocated)
        {
            return 0;
        }

        uint buffer = BufferStart;
        InitStatic(0, MsgSize, 0);
        BufferAllocated = false;
        return buffer;
    }

    private uint SlotAddress(uint slot) => BufferStart + (slot * MsgSize);

    private uint Next(uint slot) => slot + 1 == MaxMsgs ? 0 : slot + 1;
}
