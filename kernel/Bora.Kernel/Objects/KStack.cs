namespace Bora.Kernel.Objects;

/// <summary>
/// A stack object (<c>struct k_stack</c>, kernel/stack.c): a LIFO of 32-bit words (<c>stack_data_t</c>)
/// in a caller buffer in simulated memory, read and written through the checked accessors.
/// </summary>
public sealed class KStack : KObject, IPoolBufferedObject
{
    private readonly Dictionary<KThread, uint> _handoff = [];

    internal KStack(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Stack, KObjectKind.Stack, name)
    {
    }

    /// <summary>First address of the buffer (<c>base</c>).</summary>
    public uint Base { get; private set; }

    /// <summary>Address of the next free entry (<c>next</c>).</summary>
    public uint NextFree { get; private set; }

    /// <summary>First address past the buffer (<c>top</c>).</summary>
    public uint Top { get; private set; }

    /// <summary>Entries on the stack.</summary>
    public uint Count => (NextFree - Base) / EntrySize;

    /// <summary>Threads waiting to pop.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The stack object as a handle.</summary>
    public KStackHandle Handle => new(Address);

    /// <summary><c>sizeof(stack_data_t)</c> on a 32-bit target.</summary>
    internal const uint EntrySize = 4;

    internal WaitQueue WaitQueue { get; } = new();

    private Cpu Cpu => Kernel.Machine.Cpu;

    /// <summary>
    /// <c>k_stack_init</c>: 0, or <c>-EINVAL</c> when the buffer size overflows 32 bits, wraps the
    /// address space or overlaps kernel memory.
    /// </summary>
    internal int Init(uint buffer, uint numEntries)
    {
        ulong total = (ulong)numEntries * EntrySize;
        if (total > uint.MaxValue || !ObjectBuffer.Fits(Kernel.Layout, buffer, total))
        {
            return -Errno.EInval;
        }

        InitStatic(buffer, numEntries);
        return 0;
    }

    /// <summary><c>K_STACK_DEFINE</c>: the image's own buffer (in kernel data) needs no check.</summary>
    internal void InitStatic(uint buffer, uint numEntries)
    {
        Base = buffer;
        NextFree = buffer;
        Top = buffer + (numEntries * EntrySize);
        MarkInitialized();
    }

    /// <summary><c>z_impl_k_stack_push</c>: 0, or <c>-ENOMEM</c> when the stack is full; hands the word to the first waiter if there is one.</summary>
    internal int Push(uint data)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (NextFree == Top)
        {
            return -Errno.ENoMem;
        }

        if (Kernel.UnpendFirst(WaitQueue, 0) is { } waiter)
        {
            _handoff[waiter] = data;
            return 0;
        }

        Cpu.WriteUInt32(NextFree, data);
        NextFree += EntrySize;
        return 0;
    }

    /// <summary>
    /// <c>z_impl_k_stack_pop</c>: 0 with the word in <paramref name="data"/>, <c>-EBUSY</c> (empty and
    /// not waiting — always so in an ISR) or <c>-EAGAIN</c> (timed out).
    /// </summary>
    internal int Pop(KThread caller, KTimeout timeout, out uint data)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        data = 0;
        if (NextFree > Base)
        {
            data = Cpu.ReadUInt32(NextFree - EntrySize);
            NextFree -= EntrySize;
            return 0;
        }

        if (timeout.IsNoWait || Kernel.InIsr)
        {
            return -Errno.EBusy;
        }

        int result = Kernel.Pend(caller, WaitQueue, timeout);
        if (result == 0)
        {
            data = _handoff[caller];
        }

        _handoff.Remove(caller);
        return result;
    }

    /// <summary>Whether the buffer came from a resource pool (<c>K_STACK_FLAG_ALLOC</c>): cleanup frees it.</summary>
    public bool BufferAllocated { get; private set; }

    /// <summary><c>k_stack_cleanup</c>: 0, or <c>-EAGAIN</c> while threads wait.</summary>
    int IPoolBufferedObject.Cleanup() => WaitQueue.Count > 0 ? -Errno.EAgain : 0;

    /// <summary>The rest of <c>k_stack_alloc_init</c>: <paramref name="buffer"/> came from the caller's resource pool.</summary>
    internal void InitAllocated(uint buffer, uint numEntries)
    {
        InitStatic(buffer, numEntries);
        BufferAllocated = true;
    }

    /// <summary>The pool buffer cleanup must free (0 when none), forgotten here: the stack holds no buffer any more.</summary>
    uint IPoolBufferedObject.ReleaseAllocatedBuffer()
    {
        if (!BufferAllocated)
        {
            return 0;
        }

        uint buffer = Base;
        InitStatic(0, 0);
        BufferAllocated = false;
        return buffer;
    }
}
