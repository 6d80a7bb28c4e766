namespace Bora.Kernel;

/// <summary>
/// Heaps, the system heap and memory slabs (kernel/kheap.c, kernel/mempool.c, kernel/mem_slab.c):
/// definitions, the buffer checks and the kernel calls.
/// </summary>
public sealed partial class BoraKernel
{
    /// <summary><c>Z_HEAP_MIN_SIZE</c> on a 32-bit target without runtime statistics.</summary>
    internal const uint HeapMinSize = 44;

    private KHeap? _systemHeap;

    /// <summary>
    /// The system heap (<c>_system_heap</c>, <c>CONFIG_HEAP_MEM_POOL_SIZE</c> = the image layout's heap
    /// area) that <c>k_malloc</c> and friends use; defined on first use.
    /// </summary>
    public KHeap SystemHeap => _systemHeap ??= DefineSystemHeap();

    /// <summary>
    /// Defines an initialised heap (<c>K_HEAP_DEFINE</c>): a buffer of at least <paramref name="bytes"/>
    /// (<c>Z_HEAP_MIN_SIZE</c> = 44), 8-aligned, in kernel data, and the heap over it.
    /// </summary>
    public HeapHandle DefineHeap(string name, uint bytes)
    {
        EnsureHostAccess(nameof(DefineHeap));
        uint size = Math.Max(bytes, HeapMinSize);
        uint buffer = Layout.KernelData.Allocate(size, 8, $"kheap_{name} buffer");
        KHeap heap = DefineObject(name, KObjectSizes.Heap, "k_heap", a => new KHeap(this, a, name));
        string? error = heap.Init(buffer, size);
        return error is null ? heap.Handle : throw new ArgumentException($"K_HEAP_DEFINE({name}, {bytes}): {error}", nameof(bytes));
    }

    /// <summary>Declares an uninitialised heap object (a global <c>struct k_heap name;</c>; call <c>k_heap_init</c>).</summary>
    public HeapHandle DeclareHeap(string name)
    {
        EnsureHostAccess(nameof(DeclareHeap));
        return DefineObject(name, KObjectSizes.Heap, "k_heap", a => new KHeap(this, a, name)).Handle;
    }

    /// <summary>
    /// Defines an initialised memory slab (<c>K_MEM_SLAB_DEFINE</c>): the block size rounded up to a
    /// word, a buffer of <paramref name="numBlocks"/> blocks aligned to <paramref name="align"/> in kernel
    /// data, and its free list (written at image load, as the boot-time initialisation does).
    /// </summary>
    public MemSlabHandle DefineMemSlab(string name, uint blockSize, uint numBlocks, uint align)
    {
        EnsureHostAccess(nameof(DefineMemSlab));
        uint block = (blockSize + 3) & ~3u;
        if (block == 0 || (ulong)block * numBlocks > uint.MaxValue)
        {
            throw new ArgumentException($"K_MEM_SLAB_DEFINE({name}, {blockSize}, {numBlocks}, {align}): the block size must be non-zero and the buffer must fit in 32 bits");
        }

        uint buffer = Layout.KernelData.Allocate(Math.Max(block * numBlocks, 1), Math.Max(align, 4), $"_k_mem_slab_buf_{name}");
        KMemSlab slab = DefineObject(name, KObjectSizes.MemSlab, "k_mem_slab", a => new KMemSlab(this, a, name));
        slab.Init(buffer, block, numBlocks, Machine.Bus.Memory.WriteUInt32);
        return slab.Handle;
    }

    /// <summary>Declares an uninitialised memory slab object (a global <c>struct k_mem_slab name;</c>; call <c>k_mem_slab_init</c>).</summary>
    public MemSlabHandle DeclareMemSlab(string name)
    {
        EnsureHostAccess(nameof(DeclareMemSlab));
        return DefineObject(name, KObjectSizes.MemSlab, "k_mem_slab", a => new KMemSlab(this, a, name)).Handle;
    }

    /// <summary>
    /// Reserves an application global buffer (<c>static char name[size] __aligned(alignment)</c>) in the
    /// app RAM area and returns its address: the kind of buffer <c>k_heap_init</c> and
    /// <c>k_mem_slab_init</c> accept.
    /// </summary>
    public uint DefineBuffer(string name, uint size, uint alignment = 4)
    {
        EnsureHostAccess(nameof(DefineBuffer));
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Layout.AppPartitions.Allocate(size, alignment, $"buffer '{name}'");
    }

    /// <summary>The heap at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a heap.</exception>
    public KHeap GetHeap(HeapHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KHeap ?? throw new ArgumentException($"{handle} is not a heap", nameof(handle));

    /// <summary>The memory slab at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a memory slab.</exception>
    public KMemSlab GetMemSlab(MemSlabHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KMemSlab ?? throw new ArgumentException($"{handle} is not a memory slab", nameof(handle));

    /// <summary>
    /// Why a caller buffer cannot hold a heap or slab, or <see langword="null"/>: it must not wrap the
    /// address space, must lie inside one RAM window, and must not overlap kernel data, the
    /// kernel-object area or the stacks area.
    /// </summary>
    internal string? CheckBuffer(uint start, ulong size)
    {
        ulong end = start + size;
        if (end > 0x1_0000_0000UL)
        {
            return $"buffer 0x{start:X8} + {size} wraps around the end of the address space";
        }

        var range = new AddressRange(start, end);
        bool inRam = Board.MemoryMap.OfKind(MemoryKind.Ram).Any(w => w.Range.Contains(range));
        if (!inRam)
        {
            return $"buffer {range} does not fit in a RAM window of board '{Board.Name}'";
        }

        foreach (MemoryArea area in new[] { Layout.KernelData, Layout.Objects, Layout.Stacks })
        {
            if (range.Overlaps(new AddressRange(area.Start, area.End)))
            {
                return $"buffer {range} overlaps kernel memory (the {area.Name} area [0x{area.Start:X8}, 0x{area.End:X8}))";
            }
        }

        return null;
    }

    private KHeap DefineSystemHeap()
    {
        KHeap heap = DefineObject("_system_heap", KObjectSizes.Heap, "k_heap", a => new KHeap(this, a, "_system_heap"));
        string? error = heap.Init(Layout.Heap.Start, Layout.Heap.Size);
        return error is null ? heap : throw new InvalidOperationException($"the system heap (KernelOptions.Layout.HeapBytes = {Layout.Heap.Size}) cannot hold a heap: {error}; raise HeapBytes");
    }

    private KHeap InitializedHeap(KThread caller, HeapHandle handle, string api)
    {
        KHeap heap = Lookup<KHeap>(caller, handle.Address, "k_heap");
        if (!heap.IsInitialized)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"{api}({heap}): the heap was never initialised (k_heap_init)");
        }

        return heap;
    }

    /// <summary>
    /// <c>k_heap_init</c>. Zephyr returns nothing and asserts on a heap too small; Bora also refuses a
    /// buffer that wraps, leaves RAM or overlaps kernel memory. Either is an oops of the caller.
    /// </summary>
    internal void CallHeapInit(KThread caller, HeapHandle heap, uint mem, uint bytes)
    {
        Enter(caller, KernelCall.HeapInit);
        KHeap h = Lookup<KHeap>(caller, heap.Address, "k_heap");
        string? error = CheckBuffer(mem, bytes) ?? h.Init(mem, bytes);
        if (error is not null)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_heap_init({h}, 0x{mem:X8}, {bytes}): {error}");
        }

        Exit(caller, KernelCall.HeapInit, 0);
    }

    /// <summary><c>k_heap_aligned_alloc</c> / <c>k_heap_alloc</c> (<paramref name="align"/> = 4): the block or 0.</summary>
    internal uint CallHeapAlloc(KThread caller, HeapHandle heap, uint align, uint bytes, KTimeout timeout)
    {
        Enter(caller, KernelCall.HeapAlloc);
        uint mem = InitializedHeap(caller, heap, "k_heap_alloc").Alloc(caller, align, bytes, timeout);
        Exit(caller, KernelCall.HeapAlloc, unchecked((int)mem));
        return mem;
    }

    /// <summary><c>k_heap_calloc</c>: 0 when <paramref name="num"/> × <paramref name="size"/> overflows; the block is zeroed.</summary>
    internal uint CallHeapCalloc(KThread caller, HeapHandle heap, uint num, uint size, KTimeout timeout)
    {
        Enter(caller, KernelCall.HeapAlloc);
        KHeap h = InitializedHeap(caller, heap, "k_heap_calloc");
        ulong bounds = (ulong)num * size;
        uint mem = bounds > uint.MaxValue ? 0 : h.Alloc(caller, 4, (uint)bounds, timeout);
        if (mem != 0)
        {
            _cpu.FillBlock(mem, (uint)bounds, 0);
        }

        Exit(caller, KernelCall.HeapAlloc, unchecked((int)mem));
        return mem;
    }

    /// <summary><c>k_heap_free</c>: NULL is ignored; a pointer that is not an allocated block is an oops (Zephyr asserts).</summary>
    internal void CallHeapFree(KThread caller, HeapHandle heap, uint mem)
    {
        Enter(caller, KernelCall.HeapFree);
        KHeap h = InitializedHeap(caller, heap, "k_heap_free");
        if (mem != 0 && !h.Free(mem))
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_heap_free({h}, 0x{mem:X8}): not an allocated block of this heap (double free or foreign pointer)");
        }

        Exit(caller, KernelCall.HeapFree, 0);
    }

    /// <summary>
    /// <c>k_aligned_alloc</c> / <c>k_malloc</c> (<paramref name="align"/> = 4): the block from the system
    /// heap with the heap's address stored in the word below it (<c>z_heap_aligned_alloc</c>), or 0 when
    /// exhausted, when the size overflows, or when the alignment is not a power-of-two multiple of 4
    /// (Zephyr asserts). Never waits.
    /// </summary>
    internal uint CallMalloc(KThread caller, uint align, ulong size, bool zero)
    {
        Enter(caller, KernelCall.HeapAlloc);
        uint mem = HeapAlignedAlloc(caller, SystemHeap, align, size, zero);
        Exit(caller, KernelCall.HeapAlloc, unchecked((int)mem));
        return mem;
    }

    /// <summary>
    /// <c>z_heap_aligned_alloc</c>: a block of <paramref name="heap"/> with the heap's address in the word below it,
    /// so <c>k_free</c> finds its heap; 0 when exhausted, when the size overflows, or when the alignment is not a
    /// power-of-two multiple of 4. Never waits.
    /// </summary>
    private uint HeapAlignedAlloc(KThread caller, KHeap heap, uint align, ulong size, bool zero)
    {
        if (align < 4 || align % 4 != 0 || !System.Numerics.BitOperations.IsPow2(align) || size + 4 > uint.MaxValue)
        {
            return 0;
        }

        uint block = heap.Alloc(caller, align | 4, (uint)size + 4, KTimeout.NoWait);
        if (block == 0)
        {
            return 0;
        }

        _cpu.WriteUInt32(block, heap.Address);
        uint mem = block + 4;
        if (zero)
        {
            _cpu.FillBlock(mem, (uint)size, 0);
        }

        return mem;
    }

    /// <summary>
    /// <c>k_free</c>: NULL is ignored; otherwise the heap named in the word below the block frees it. A
    /// word that is not a heap, or a block that heap did not allocate, is an oops of the caller.
    /// </summary>
    internal void CallFree(KThread caller, uint ptr)
    {
        Enter(caller, KernelCall.HeapFree);
        HeapFree(caller, ptr);
        Exit(caller, KernelCall.HeapFree, 0);
    }

    /// <summary>
    /// Frees a block <see cref="HeapAlignedAlloc"/> gave the kernel itself (0 is ignored), reading its header at
    /// supervisor privilege whatever the running thread's mode; a header that names no heap is a kernel bug.
    /// </summary>
    internal void FreeKernelBlock(uint ptr)
    {
        if (ptr == 0)
        {
            return;
        }

        uint block = ptr - 4;
        if (_cpu.TryRead(block, 4, AccessKind.Read, Privilege.Supervisor, out uint heapAddress) is not null
            || FindObject(heapAddress) is not KHeap { IsInitialized: true } heap || !heap.Free(block))
        {
            throw new InvalidOperationException($"kernel block 0x{ptr:X8} has no valid heap header: a Bora kernel bug");
        }
    }

    /// <summary>The body of <c>k_free</c>, for kernel code releasing what <see cref="HeapAlignedAlloc"/> gave it.</summary>
    internal void HeapFree(KThread caller, uint ptr)
    {
        if (ptr == 0)
        {
            return;
        }

        uint block = ptr - 4;
        uint heapAddress = _cpu.ReadUInt32(block);
        KHeap heap = Lookup<KHeap>(caller, heapAddress, "k_heap");
        if (!heap.IsInitialized || !heap.Free(block))
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_free(0x{ptr:X8}): not a block allocated by {heap} (double free or foreign pointer)");
        }
    }

    /// <summary>
    /// <c>k_mem_slab_init</c>: <c>-EINVAL</c> when the block size or buffer is not word aligned (Zephyr),
    /// and (Bora) when the block size is 0, the buffer size overflows, or the buffer wraps, leaves RAM or
    /// overlaps kernel memory.
    /// </summary>
    internal int CallMemSlabInit(KThread caller, MemSlabHandle slab, uint buffer, uint blockSize, uint numBlocks)
    {
        Enter(caller, KernelCall.MemSlabInit);
        KMemSlab s = Lookup<KMemSlab>(caller, slab.Address, "k_mem_slab");
        int result = 0;
        if (((blockSize | buffer) & 3) != 0 || blockSize == 0 || CheckBuffer(buffer, (ulong)blockSize * numBlocks) is not null)
        {
            result = -Errno.EInval;
        }
        else
        {
            ChargeWork(_costs.MemSlabOperation);
            s.Init(buffer, blockSize, numBlocks, _cpu.WriteUInt32);
        }

        return Exit(caller, KernelCall.MemSlabInit, result);
    }

    internal int CallMemSlabAlloc(KThread caller, MemSlabHandle slab, KTimeout timeout, out uint mem)
    {
        Enter(caller, KernelCall.MemSlabAlloc);
        int result = Lookup<KMemSlab>(caller, slab.Address, "k_mem_slab").Alloc(caller, timeout, out mem);
        return Exit(caller, KernelCall.MemSlabAlloc, result);
    }

    /// <summary><c>k_mem_slab_free</c>: a pointer that is not a block of the slab is an oops (Zephyr asserts).</summary>
    internal void CallMemSlabFree(KThread caller, MemSlabHandle slab, uint mem)
    {
        Enter(caller, KernelCall.MemSlabFree);
        KMemSlab s = Lookup<KMemSlab>(caller, slab.Address, "k_mem_slab");
        if (!s.Free(mem))
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_mem_slab_free({s}, 0x{mem:X8}): not an allocated block of this slab");
        }

        Exit(caller, KernelCall.MemSlabFree, 0);
    }

    internal uint CallMemSlabQuery(KThread caller, MemSlabHandle slab, Func<KMemSlab, uint> query)
    {
        Enter(caller, KernelCall.MemSlabQuery);
        uint value = query(Lookup<KMemSlab>(caller, slab.Address, "k_mem_slab"));
        Exit(caller, KernelCall.MemSlabQuery, unchecked((int)value));
        return value;
    }
}
