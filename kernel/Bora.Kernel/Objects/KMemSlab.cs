namespace Bora.Kernel.Objects;

/// <summary>
/// A memory slab (<c>struct k_mem_slab</c>, kernel/mem_slab.c): fixed-size blocks in a caller buffer in
/// simulated RAM, the free list threaded through the free blocks' first words (written and read with
/// checked accesses), waiters served in wait-queue order with the freed block itself.
/// </summary>
public sealed class KMemSlab : KObject
{
    // Look-up only: the block a freeing thread handed to a woken waiter (Zephyr's swap_data).
    private readonly Dictionary<KThread, uint> _handed = [];

    internal KMemSlab(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.MemSlab, KObjectKind.MemSlab, name)
    {
    }

    /// <summary>First block.</summary>
    public uint Buffer { get; private set; }

    /// <summary>Bytes per block.</summary>
    public uint BlockSize { get; private set; }

    /// <summary>Number of blocks.</summary>
    public uint NumBlocks { get; private set; }

    /// <summary>Blocks allocated (<c>k_mem_slab_num_used_get</c>).</summary>
    public uint NumUsed { get; private set; }

    /// <summary>The most blocks ever allocated at once (<c>k_mem_slab_max_used_get</c>).</summary>
    public uint MaxUsed { get; private set; }

    /// <summary>Blocks free (<c>k_mem_slab_num_free_get</c>).</summary>
    public uint NumFree => NumBlocks - NumUsed;

    /// <summary>Head of the free list (0 when empty).</summary>
    public uint FreeList { get; private set; }

    /// <summary>Threads waiting for a block.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The slab as a handle.</summary>
    public MemSlabHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary>
    /// <c>k_mem_slab_init</c> after the buffer checks: records the geometry and threads the free list
    /// through the blocks (last block first, so the list runs in address order) with
    /// <paramref name="store"/>.
    /// </summary>
    internal void Init(uint buffer, uint blockSize, uint numBlocks, Action<uint, uint> store)
    {
        Buffer = buffer;
        BlockSize = blockSize;
        NumBlocks = numBlocks;
        NumUsed = 0;
        MaxUsed = 0;
        FreeList = 0;
        for (uint i = numBlocks; i > 0; i--)
        {
            uint block = buffer + ((i - 1) * blockSize);
            store(block, FreeList);
            FreeList = block;
        }

        MarkInitialized();
    }

    /// <summary>Whether <paramref name="mem"/> is the start of one of the slab's blocks.</summary>
    public bool IsBlock(uint mem) =>
        BlockSize != 0 && mem >= Buffer && (mem - Buffer) % BlockSize == 0 && (mem - Buffer) / BlockSize < NumBlocks;

    /// <summary>
    /// <c>k_mem_slab_alloc</c>: 0 with the block, <c>-ENOMEM</c> (none free and <c>K_NO_WAIT</c>, or in an
    /// ISR, where waiting is impossible) or <c>-EAGAIN</c> (timed out).
    /// </summary>
    internal int Alloc(KThread caller, KTimeout timeout, out uint mem)
    {
        Kernel.ChargeWork(Kernel.Costs.MemSlabOperation);
        if (FreeList != 0)
        {
            mem = FreeList;
            FreeList = Kernel.Machine.Cpu.ReadUInt32(mem);
            NumUsed++;
            MaxUsed = Math.Max(MaxUsed, NumUsed);
            return 0;
        }

        if (timeout.IsNoWait || Kernel.InIsr)
        {
            mem = 0;
            return -Errno.ENoMem;
        }

        int result = Kernel.Pend(caller, WaitQueue, timeout);
        mem = result == 0 && _handed.Remove(caller, out uint block) ? block : 0;
        return result;
    }

    /// <summary>
    /// <c>k_mem_slab_free</c>: hands the block to the first waiter when the list is empty, else pushes it
    /// on the free list. Returns false (nothing changed) for a pointer that is not a block, or a free
    /// with no block allocated (a double free).
    /// </summary>
    internal bool Free(uint mem)
    {
        Kernel.ChargeWork(Kernel.Costs.MemSlabOperation);
        if (!IsBlock(mem) || NumUsed == 0)
        {
            return false;
        }

        if (FreeList == 0 && Kernel.UnpendFirst(WaitQueue, 0) is { } waiter)
        {
            _handed[waiter] = mem;
            return true;
        }

        Kernel.Machine.Cpu.WriteUInt32(mem, FreeList);
        FreeList = mem;
        NumUsed--;
        return true;
    }
}
