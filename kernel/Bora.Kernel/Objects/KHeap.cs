namespace Bora.Kernel.Objects;

/// <summary>
/// A kernel heap (<c>struct k_heap</c>, kernel/kheap.c): a <c>sys_heap</c> over a buffer in simulated
/// RAM plus a wait queue. A timed allocation that does not fit pends until memory is freed (every
/// free wakes every waiter, which retries) or its timepoint passes.
/// </summary>
public sealed class KHeap : KObject
{
    private SysHeap? _heap;

    internal KHeap(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Heap, KObjectKind.Heap, name)
    {
    }

    /// <summary>Whether <c>k_heap_init</c> (or the definition) has laid out the heap.</summary>
    public override bool IsInitialized => _heap is not null;

    /// <summary>First byte of the buffer given to <c>k_heap_init</c>.</summary>
    public uint BufferStart { get; private set; }

    /// <summary>Bytes of the buffer given to <c>k_heap_init</c>.</summary>
    public uint BufferSize { get; private set; }

    /// <summary>Bytes in allocated chunks, headers included (<c>sys_heap_runtime_stats_get</c>'s allocated_bytes).</summary>
    public uint AllocatedBytes => _heap?.AllocatedBytes ?? 0;

    /// <summary>The most <see cref="AllocatedBytes"/> ever.</summary>
    public uint MaxAllocatedBytes => _heap?.MaxAllocatedBytes ?? 0;

    /// <summary>Bytes in free chunks, headers included.</summary>
    public uint FreeBytes => _heap?.FreeBytes ?? 0;

    /// <summary>Threads waiting for memory.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The heap as a handle.</summary>
    public HeapHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary>Whether <paramref name="mem"/> is an allocated block of this heap.</summary>
    public bool IsAllocated(uint mem) => _heap?.IsAllocated(mem) ?? false;

    /// <summary><c>k_heap_init</c>: lays the heap over the buffer, or returns why it cannot (<see langword="null"/> on success).</summary>
    internal string? Init(uint mem, uint bytes)
    {
        SysHeap? heap = SysHeap.Create(mem, bytes, out string? error);
        if (heap is null)
        {
            return error;
        }

        _heap = heap;
        BufferStart = mem;
        BufferSize = bytes;
        return null;
    }

    /// <summary>
    /// <c>k_heap_aligned_alloc</c>: retries until the block fits or the timepoint computed at the
    /// call passes, pending between tries (exactly kernel/kheap.c's loop, including the last
    /// <c>K_NO_WAIT</c> pend once the timepoint is reached). In an ISR any timeout is
    /// <c>K_NO_WAIT</c> (Zephyr asserts). Returns 0 when nothing was allocated.
    /// </summary>
    internal uint Alloc(KThread caller, uint align, uint bytes, KTimeout timeout)
    {
        SysHeap heap = _heap!;
        if (Kernel.InIsr)
        {
            timeout = KTimeout.NoWait;
        }

        long end = Timepoint(timeout);
        while (true)
        {
            Kernel.ChargeWork(Kernel.Costs.HeapOperation);
            uint mem = heap.AlignedAlloc(align, bytes);
            if (mem != 0 || timeout.IsNoWait)
            {
                return mem;
            }

            timeout = Remaining(end);
            Kernel.Pend(caller, WaitQueue, timeout);
        }
    }

    /// <summary><c>k_heap_free</c>: false (nothing changed) for a pointer that is not an allocated block; wakes every waiter.</summary>
    internal bool Free(uint mem)
    {
        Kernel.ChargeWork(Kernel.Costs.HeapOperation);
        if (!_heap!.Free(mem))
        {
            return false;
        }

        while (Kernel.UnpendFirst(WaitQueue, 0) is not null)
        {
        }

        return true;
    }

    /// <summary><c>sys_timepoint_calc</c>: <see cref="long.MaxValue"/> for ever, 0 for no wait, else the tick.</summary>
    private long Timepoint(KTimeout timeout) => timeout switch
    {
        { IsForever: true } => long.MaxValue,
        { IsNoWait: true } => 0,
        { Kind: TimeoutKind.AbsoluteTicks } => timeout.Value,
        _ => Kernel.TickNow + Math.Max(1, Kernel.Clock.RelativeTicks(timeout)),
    };

    /// <summary><c>sys_timepoint_timeout</c>.</summary>
    private KTimeout Remaining(long end) => end switch
    {
        long.MaxValue => KTimeout.Forever,
        0 => KTimeout.NoWait,
        _ => KTimeout.FromTicks(Math.Max(0, end - Kernel.TickNow)),
    };
}
