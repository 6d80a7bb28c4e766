using System.Numerics;

namespace Bora.Kernel.Objects;

/// <summary>
/// Zephyr's <c>sys_heap</c> (lib/heap/heap.c) over a buffer in simulated RAM: 8-byte chunk units from
/// the 8-aligned start, chunk 0 holding <c>struct z_heap</c> and its buckets, a 4-byte chunk header
/// (8 for heaps over 0x7fff units) before each block, an end-marker header reserved at the top,
/// power-of-two buckets of circular free lists searched a bounded number of times
/// (<c>CONFIG_SYS_HEAP_ALLOC_LOOPS</c> = 3), splitting and coalescing. The headers live here in C#
/// (deterministic, never iterated by hash order); the memory handed out is the simulated buffer.
/// </summary>
internal sealed class SysHeap
{
    /// <summary><c>CHUNK_UNIT</c>.</summary>
    public const uint ChunkUnit = 8;

    private const int AllocLoops = 3;
    private const uint ZHeapHeaderBytes = 16;

    private readonly Dictionary<uint, SysHeapChunk> _chunks = [];
    private readonly uint[] _buckets;
    private uint _availBuckets;

    private SysHeap(uint start, uint endChunk, bool big)
    {
        Start = start;
        EndChunk = endChunk;
        HeaderBytes = big ? 8u : 4u;
        _buckets = new uint[BucketIndex(endChunk) + 1];
        Chunk0Size = ChunksFor(ZHeapHeaderBytes + ((uint)_buckets.Length * 4));
    }

    /// <summary>Address of chunk 0 (the buffer rounded up to a chunk unit).</summary>
    public uint Start { get; }

    /// <summary>Chunk units up to the end marker (<c>end_chunk</c>).</summary>
    public uint EndChunk { get; }

    /// <summary>Bytes of header before each block (<c>chunk_header_bytes</c>).</summary>
    public uint HeaderBytes { get; }

    /// <summary>Chunk units taken by <c>struct z_heap</c> and its buckets.</summary>
    public uint Chunk0Size { get; }

    /// <summary>Bytes in allocated chunks (headers included), as <c>sys_heap_runtime_stats</c> counts them.</summary>
    public uint AllocatedBytes { get; private set; }

    /// <summary>The most <see cref="AllocatedBytes"/> ever.</summary>
    public uint MaxAllocatedBytes { get; private set; }

    /// <summary>Bytes in free chunks (headers included).</summary>
    public uint FreeBytes => ((EndChunk - Chunk0Size) * ChunkUnit) - AllocatedBytes;

    private uint MinChunkSize => ChunksFor(HeaderBytes + 1);

    /// <summary>
    /// <c>sys_heap_init</c>: lays a heap over [<paramref name="mem"/>, +<paramref name="bytes"/>), or
    /// returns <see langword="null"/> with the reason Zephyr's assertions give.
    /// </summary>
    public static SysHeap? Create(uint mem, uint bytes, out string? error)
    {
        bool bigBytes = bytes / ChunkUnit > 0x7fff;
        uint footer = bigBytes ? 8u : 4u;
        if (bytes <= footer)
        {
            error = $"heap size {bytes} is too small (the end marker alone needs {footer} bytes)";
            return null;
        }

        ulong addr = ((ulong)mem + ChunkUnit - 1) & ~(ulong)(ChunkUnit - 1);
        ulong end = ((ulong)mem + bytes - footer) & ~(ulong)(ChunkUnit - 1);
        if (end <= addr)
        {
            error = $"heap size {bytes} is too small";
            return null;
        }

        uint heapSize = (uint)((end - addr) / ChunkUnit);
        var heap = new SysHeap((uint)addr, heapSize, heapSize > 0x7fff);
        if (heap.Chunk0Size + heap.MinChunkSize > heapSize)
        {
            error = $"heap size {bytes} is too small: struct z_heap and its buckets take {heap.Chunk0Size * ChunkUnit} bytes";
            return null;
        }

        heap.Chunk(0).Size = heap.Chunk0Size;
        heap.Chunk(0).Used = true;
        SysHeapChunk free = heap.Chunk(heap.Chunk0Size);
        free.Size = heapSize - heap.Chunk0Size;
        free.LeftSize = heap.Chunk0Size;
        SysHeapChunk marker = heap.Chunk(heapSize);
        marker.LeftSize = heapSize - heap.Chunk0Size;
        marker.Used = true;
        heap.FreeListAdd(heap.Chunk0Size);
        error = null;
        return heap;
    }

    /// <summary>Address of the block of chunk <paramref name="c"/> (<c>chunk_mem</c>).</summary>
    public uint MemOf(uint c) => Start + (c * ChunkUnit) + HeaderBytes;

    /// <summary>Whether <paramref name="mem"/> is the start of an allocated block.</summary>
    public bool IsAllocated(uint mem) => TryChunkOf(mem, out uint c) && _chunks.TryGetValue(c, out SysHeapChunk? h) && h.Used && c != 0 && c != EndChunk;

    /// <summary>Usable bytes of the allocated block at <paramref name="mem"/>.</summary>
    public uint UsableSize(uint mem) => TryChunkOf(mem, out uint c) ? (_chunks[c].Size * ChunkUnit) - HeaderBytes : 0;

    /// <summary><c>sys_heap_aligned_alloc</c> (with the one-bit rewind <c>k_malloc</c> uses); 0 when it does not fit.</summary>
    public uint AlignedAlloc(uint align, uint bytes)
    {
        uint rew = align & (0u - align);
        uint gap;
        if (align != rew)
        {
            align -= rew;
            gap = Math.Min(rew, HeaderBytes);
        }
        else
        {
            if (align <= HeaderBytes)
            {
                return Alloc(bytes);
            }

            rew = 0;
            gap = HeaderBytes;
        }

        if (bytes == 0 || SizeTooBig(bytes) || !BitOperations.IsPow2(align))
        {
            return 0;
        }

        ulong padded = ((ulong)HeaderBytes + bytes + align - gap + ChunkUnit - 1) / ChunkUnit;
        if (padded >= EndChunk)
        {
            return 0;
        }

        uint c0 = AllocChunk((uint)padded);
        if (c0 == 0)
        {
            return 0;
        }

        ulong mem = MemOf(c0);
        mem = (((mem + rew + align - 1) / align) * align) - rew;
        ulong endUnit = (mem + bytes + ChunkUnit - 1) & ~(ulong)(ChunkUnit - 1);
        uint c = (uint)((mem - HeaderBytes - Start) / ChunkUnit);
        uint cEnd = (uint)((endUnit - Start) / ChunkUnit);
        // The chunk came from a free list, so its neighbours are in use: the prefix and suffix are filed without coalescing.
        if (c > c0)
        {
            Split(c0, c);
            FreeListAdd(c0);
        }

        if (c + Chunk(c).Size > cEnd)
        {
            Split(c, cEnd);
            FreeListAdd(cEnd);
        }

        Chunk(c).Used = true;
        CountAllocated(Chunk(c).Size);
        return (uint)mem;
    }

    /// <summary><c>sys_heap_alloc</c>: 0 for 0 bytes or when nothing fits.</summary>
    public uint Alloc(uint bytes)
    {
        if (bytes == 0 || SizeTooBig(bytes))
        {
            return 0;
        }

        uint size = ChunksFor(HeaderBytes + bytes);
        uint c = AllocChunk(size);
        if (c == 0)
        {
            return 0;
        }

        if (Chunk(c).Size > size)
        {
            Split(c, c + size);
            FreeListAdd(c + size);
        }

        Chunk(c).Used = true;
        CountAllocated(Chunk(c).Size);
        return MemOf(c);
    }

    /// <summary><c>sys_heap_free</c>: returns false (and changes nothing) for a pointer that is not an allocated block.</summary>
    public bool Free(uint mem)
    {
        if (!IsAllocated(mem))
        {
            return false;
        }

        TryChunkOf(mem, out uint c);
        AllocatedBytes -= Chunk(c).Size * ChunkUnit;
        Chunk(c).Used = false;
        FreeChunk(c);
        return true;
    }

    private static uint ChunksFor(uint bytes) => (bytes + ChunkUnit - 1) / ChunkUnit;

    private bool SizeTooBig(uint bytes) => bytes / ChunkUnit >= EndChunk;

    /// <summary><c>mem_to_chunkid</c> (rounding down, so an aligned block inside its chunk's first unit maps to that chunk).</summary>
    private bool TryChunkOf(uint mem, out uint c)
    {
        c = 0;
        if (mem < Start + HeaderBytes)
        {
            return false;
        }

        c = (mem - HeaderBytes - Start) / ChunkUnit;
        return c <= EndChunk;
    }

    private void CountAllocated(uint chunks)
    {
        AllocatedBytes += chunks * ChunkUnit;
        MaxAllocatedBytes = Math.Max(MaxAllocatedBytes, AllocatedBytes);
    }

    private SysHeapChunk Chunk(uint c)
    {
        if (!_chunks.TryGetValue(c, out SysHeapChunk? chunk))
        {
            chunk = new SysHeapChunk();
            _chunks.Add(c, chunk);
        }

        return chunk;
    }

    private int BucketIndex(uint size) => 31 - BitOperations.LeadingZeroCount(size - MinChunkSizeFor(EndChunk) + 1);

    private static uint MinChunkSizeFor(uint endChunk) => endChunk > 0x7fff ? 2u : 1u;

    private bool SoloFreeHeader(uint c) => HeaderBytes == 8 && Chunk(c).Size == 1;

    /// <summary><c>alloc_chunk</c>: a bounded first-fit in the smallest bucket, else the first chunk of the next non-empty bucket.</summary>
    private uint AllocChunk(uint size)
    {
        int bi = BucketIndex(size);
        if (bi < _buckets.Length && _buckets[bi] != 0)
        {
            uint first = _buckets[bi];
            int i = AllocLoops;
            do
            {
                uint c = _buckets[bi];
                if (Chunk(c).Size >= size)
                {
                    FreeListRemove(c, bi);
                    return c;
                }

                _buckets[bi] = Chunk(c).NextFree;
            }
            while (--i > 0 && _buckets[bi] != first);
        }

        uint mask = bi + 1 >= 32 ? 0 : _availBuckets & ~((1u << (bi + 1)) - 1);
        if (mask != 0)
        {
            int min = BitOperations.TrailingZeroCount(mask);
            uint c = _buckets[min];
            FreeListRemove(c, min);
            return c;
        }

        return 0;
    }

    private void FreeListAdd(uint c)
    {
        if (SoloFreeHeader(c))
        {
            return;
        }

        int bi = BucketIndex(Chunk(c).Size);
        if (_buckets[bi] == 0)
        {
            _availBuckets |= 1u << bi;
            _buckets[bi] = c;
            Chunk(c).PrevFree = c;
            Chunk(c).NextFree = c;
        }
        else
        {
            // Inserted before (!) the bucket's "next" chunk, as lib/heap does.
            uint second = _buckets[bi];
            uint first = Chunk(second).PrevFree;
            Chunk(c).PrevFree = first;
            Chunk(c).NextFree = second;
            Chunk(first).NextFree = c;
            Chunk(second).PrevFree = c;
        }
    }

    private void FreeListRemove(uint c)
    {
        if (!SoloFreeHeader(c))
        {
            FreeListRemove(c, BucketIndex(Chunk(c).Size));
        }
    }

    private void FreeListRemove(uint c, int bi)
    {
        SysHeapChunk chunk = Chunk(c);
        if (chunk.NextFree == c)
        {
            _availBuckets &= ~(1u << bi);
            _buckets[bi] = 0;
        }
        else
        {
            uint first = chunk.PrevFree;
            uint second = chunk.NextFree;
            _buckets[bi] = second;
            Chunk(first).NextFree = second;
            Chunk(second).PrevFree = first;
        }
    }

    /// <summary><c>split_chunks</c>: both halves come out unused.</summary>
    private void Split(uint lc, uint rc)
    {
        uint size = Chunk(lc).Size;
        uint leftSize = rc - lc;
        uint rightSize = size - leftSize;
        SetSize(lc, leftSize);
        SetSize(rc, rightSize);
        Chunk(rc).LeftSize = leftSize;
        Chunk(rc + rightSize).LeftSize = rightSize;
    }

    private void Merge(uint lc, uint rc)
    {
        uint size = Chunk(lc).Size + Chunk(rc).Size;
        SetSize(lc, size);
        Chunk(lc + size).LeftSize = size;
        _chunks.Remove(rc);
    }

    private void SetSize(uint c, uint size)
    {
        SysHeapChunk chunk = Chunk(c);
        chunk.Size = size;
        chunk.Used = false;
    }

    /// <summary><c>free_chunk</c>: coalesces with free neighbours and files the result.</summary>
    private void FreeChunk(uint c)
    {
        uint right = c + Chunk(c).Size;
        if (!Chunk(right).Used)
        {
            FreeListRemove(right);
            Merge(c, right);
        }

        uint left = c - Chunk(c).LeftSize;
        if (!Chunk(left).Used)
        {
            FreeListRemove(left);
            Merge(left, c);
            c = left;
        }

        FreeListAdd(c);
    }
}
