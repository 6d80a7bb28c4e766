namespace Bora.Kernel;

/// <summary>
/// Thread resource pools (seed: "Thread Resource Pools"): the heap the kernel allocates from on a thread's behalf,
/// inherited by the threads it creates, and the kernel calls that draw on it. Exhaustion is <c>-ENOMEM</c> (or a
/// NULL result), never an oops.
/// </summary>
public sealed partial class BoraKernel
{
    /// <summary>
    /// <c>z_thread_aligned_alloc</c>: a block from the caller's resource pool (the system heap in an ISR), with the
    /// heap named below it so <c>k_free</c> returns it; 0 when there is no pool or it is exhausted.
    /// </summary>
    internal uint ThreadAlignedAlloc(KThread caller, uint align, ulong size)
    {
        KHeap? heap = InIsr ? SystemHeap : caller.ResourcePool;
        return heap is null ? 0 : HeapAlignedAlloc(caller, heap, Math.Max(align, 4u), size, zero: false);
    }

    /// <summary><c>z_thread_malloc</c>: <see cref="ThreadAlignedAlloc"/> at pointer alignment.</summary>
    internal uint ThreadMalloc(KThread caller, ulong size) => ThreadAlignedAlloc(caller, 4, size);

    /// <summary>
    /// A <c>k_*_cleanup</c>: the type's clean-up and, when it succeeds, the pool buffer the object held (0 when none),
    /// which the caller gives back to its heap.
    /// </summary>
    internal static int CleanupPoolObject(IPoolBufferedObject obj, out uint poolBuffer)
    {
        int result = obj.Cleanup();
        poolBuffer = result == 0 ? obj.ReleaseAllocatedBuffer() : 0;
        return result;
    }

    /// <summary><c>k_thread_heap_assign</c> (or, with the system heap, <c>k_thread_system_pool_assign</c>).</summary>
    internal void CallThreadHeapAssign(KThread caller, ThreadHandle thread, KHeap heap)
    {
        Enter(caller, KernelCall.ThreadHeapAssign);
        Lookup<KThread>(caller, thread.Address, "k_thread").ResourcePool = heap;
        Exit(caller, KernelCall.ThreadHeapAssign, 0);
    }

    /// <summary>The heap at <paramref name="handle"/> for a pool assignment; an uninitialised heap is an oops of the caller.</summary>
    internal KHeap PoolHeap(KThread caller, HeapHandle handle)
    {
        KHeap heap = Lookup<KHeap>(caller, handle.Address, "k_heap");
        if (!heap.IsInitialized)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_thread_heap_assign: {heap} is not initialised (k_heap_init or K_HEAP_DEFINE first)");
        }

        return heap;
    }

    /// <summary>
    /// <c>k_stack_alloc_init</c>: a buffer of <paramref name="numEntries"/> words from the caller's pool; 0, or
    /// <c>-ENOMEM</c> (no pool, pool exhausted, or — Bora — a size that overflows 32 bits).
    /// </summary>
    internal int CallKStackAllocInit(KThread caller, KStackHandle stack, uint numEntries)
    {
        Enter(caller, KernelCall.StackAllocInit);
        KStack s = LookupKStack(caller, stack);
        ulong bytes = (ulong)numEntries * KStack.EntrySize;
        uint buffer = bytes > uint.MaxValue ? 0 : ThreadMalloc(caller, bytes);
        if (buffer != 0)
        {
            s.InitAllocated(buffer, numEntries);
        }

        return Exit(caller, KernelCall.StackAllocInit, buffer != 0 ? 0 : -Errno.ENoMem);
    }

    /// <summary>
    /// <c>k_msgq_alloc_init</c>: a ring of <paramref name="maxMsgs"/> × <paramref name="msgSize"/> bytes from the
    /// caller's pool; 0, <c>-EINVAL</c> when the size overflows, or <c>-ENOMEM</c>.
    /// </summary>
    internal int CallMsgqAllocInit(KThread caller, MsgqHandle msgq, uint msgSize, uint maxMsgs)
    {
        Enter(caller, KernelCall.MsgqAllocInit);
        KMsgq q = LookupMsgq(caller, msgq);
        ulong bytes = (ulong)msgSize * maxMsgs;
        int result;
        if (bytes > uint.MaxValue)
        {
            result = -Errno.EInval;
        }
        else
        {
            uint buffer = ThreadMalloc(caller, bytes);
            result = buffer != 0 ? 0 : -Errno.ENoMem;
            if (buffer != 0)
            {
                q.InitAllocated(buffer, msgSize, maxMsgs);
            }
        }

        return Exit(caller, KernelCall.MsgqAllocInit, result);
    }

    /// <summary><c>k_pipe_alloc_init</c>: a ring of <paramref name="size"/> bytes from the caller's pool (none for 0); 0 or <c>-ENOMEM</c>.</summary>
    internal int CallPipeAllocInit(KThread caller, PipeHandle pipe, uint size)
    {
        Enter(caller, KernelCall.PipeAllocInit);
        KPipe p = LookupPipe(caller, pipe);
        uint buffer = size > 0 ? ThreadMalloc(caller, size) : 0;
        int result = size > 0 && buffer == 0 ? -Errno.ENoMem : 0;
        if (result == 0)
        {
            p.InitAllocated(buffer, size);
        }

        return Exit(caller, KernelCall.PipeAllocInit, result);
    }

    /// <summary>
    /// <c>k_queue_alloc_append</c> / <c>k_queue_alloc_prepend</c> (<c>k_fifo_alloc_put</c>, <c>k_lifo_alloc_put</c>):
    /// 0, or <c>-ENOMEM</c> when no thread waits and the container cannot come from the caller's pool.
    /// </summary>
    internal int CallQueueAllocInsert(KThread caller, uint queue, string type, uint data, bool append)
    {
        Enter(caller, KernelCall.QueueAllocInsert);
        int result = LookupQueue(caller, queue, type).Insert(0, data, append, () => ThreadMalloc(caller, 8));
        return Exit(caller, KernelCall.QueueAllocInsert, result);
    }
}
