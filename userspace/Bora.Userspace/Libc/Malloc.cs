using Bora.Kernel.AppMemory;
using Bora.Kernel.Threading;
using Bora.Machine;

namespace Bora.Userspace.Libc;

/// <summary>
/// The C library's <c>malloc</c> family for user threads (<c>lib/libc/common/source/stdlib/malloc.c</c>): the arena
/// is <c>z_malloc_arena</c> in <c>z_malloc_partition</c>, and the allocator's metadata lives in the arena, so every
/// access — metadata included — is a checked access of the calling thread: a thread whose domain lacks the
/// partition faults on its first access. Returns 0 (NULL) when the arena is exhausted.
/// </summary>
/// <remarks>
/// First fit over an implicit list of blocks: each block is an 8-byte header (size with the in-use bit, then the
/// requested size) and its payload, 8-byte aligned. The arena's first word marks it initialised; it is BSS, so the
/// first call after every boot lays the free list out. Free blocks are coalesced as allocation walks over them.
/// </remarks>
public static partial class Malloc
{
    /// <summary><c>CONFIG_COMMON_LIBC_MALLOC_ARENA_SIZE</c>: one 4 KiB block, which every backend maps without padding.</summary>
    public const int ArenaBytes = 4096;

    private const uint Magic = 0x434C_414D; // "MALC"
    private const uint HeapStart = 8;
    private const uint Header = 8;
    private const uint UsedBit = 1;

    /// <summary>The arena.</summary>
    [K_APP_BMEM(LibcPartitions.MallocPartitionName, Length = ArenaBytes, Align = 8)]
    public static partial AppArray<byte> z_malloc_arena { get; }

    /// <summary><c>malloc</c>: an 8-byte aligned block of <paramref name="size"/> bytes, or 0.</summary>
    public static uint malloc(uint size)
    {
        (Cpu cpu, uint arena) = Arena();
        if (size == 0 || size > ArenaBytes)
        {
            return 0;
        }

        uint need = ((size + 7) & ~7u) + Header;
        uint offset = HeapStart;
        while (offset < ArenaBytes)
        {
            uint header = cpu.ReadUInt32(arena + offset);
            uint blockSize = header & ~7u;
            if ((header & UsedBit) == 0)
            {
                blockSize = Coalesce(cpu, arena, offset, blockSize);
                if (blockSize >= need)
                {
                    if (blockSize - need >= 16)
                    {
                        cpu.WriteUInt32(arena + offset + need, blockSize - need);
                        blockSize = need;
                    }

                    cpu.WriteUInt32(arena + offset, blockSize | UsedBit);
                    cpu.WriteUInt32(arena + offset + 4, size);
                    return arena + offset + Header;
                }
            }

            offset += blockSize;
        }

        return 0;
    }

    /// <summary><c>calloc</c>: <paramref name="nmemb"/> × <paramref name="size"/> zeroed bytes, or 0 (also when the product overflows).</summary>
    public static uint calloc(uint nmemb, uint size)
    {
        ulong total = (ulong)nmemb * size;
        if (total > uint.MaxValue)
        {
            return 0;
        }

        uint p = malloc((uint)total);
        if (p != 0)
        {
            Arena().Cpu.FillBlock(p, (uint)total, 0);
        }

        return p;
    }

    /// <summary>
    /// <c>realloc</c>: <paramref name="ptr"/> 0 is <c>malloc</c>; size 0 frees and returns 0; otherwise the block grows
    /// in place when it can, else moves (the old block stays valid when no room is left and 0 is returned).
    /// </summary>
    public static uint realloc(uint ptr, uint size)
    {
        if (ptr == 0)
        {
            return malloc(size);
        }

        if (size == 0)
        {
            free(ptr);
            return 0;
        }

        (Cpu cpu, uint arena) = Arena();
        uint offset = BlockOf(cpu, arena, ptr);
        uint capacity = (cpu.ReadUInt32(arena + offset) & ~7u) - Header;
        if (size <= capacity)
        {
            cpu.WriteUInt32(arena + offset + 4, size);
            return ptr;
        }

        uint old = cpu.ReadUInt32(arena + offset + 4);
        uint q = malloc(size);
        if (q == 0)
        {
            return 0;
        }

        byte[] copy = new byte[Math.Min(old, size)];
        cpu.ReadBlock(ptr, copy);
        cpu.WriteBlock(q, copy);
        free(ptr);
        return q;
    }

    /// <summary><c>free</c>: 0 is ignored; a pointer that is not an allocated block is an oops of the caller (Zephyr's <c>sys_heap</c> asserts).</summary>
    public static void free(uint ptr)
    {
        if (ptr == 0)
        {
            return;
        }

        (Cpu cpu, uint arena) = Arena();
        uint offset = BlockOf(cpu, arena, ptr);
        cpu.WriteUInt32(arena + offset, cpu.ReadUInt32(arena + offset) & ~UsedBit);
    }

    /// <summary>The arena's address and the calling thread's CPU; lays the free list out on first use after boot.</summary>
    private static (Cpu Cpu, uint Arena) Arena()
    {
        Cpu cpu = KernelContext.Require("malloc").Kernel.Machine.Cpu;
        uint arena = z_malloc_arena.Address;
        if (cpu.ReadUInt32(arena) != Magic)
        {
            cpu.WriteUInt32(arena + HeapStart, ArenaBytes - HeapStart);
            cpu.WriteUInt32(arena, Magic);
        }

        return (cpu, arena);
    }

    /// <summary>Merges the free blocks that follow the free block at <paramref name="offset"/> into it; returns its size.</summary>
    private static uint Coalesce(Cpu cpu, uint arena, uint offset, uint size)
    {
        uint merged = size;
        while (offset + merged < ArenaBytes)
        {
            uint next = cpu.ReadUInt32(arena + offset + merged);
            if ((next & UsedBit) != 0)
            {
                break;
            }

            merged += next & ~7u;
        }

        if (merged != size)
        {
            cpu.WriteUInt32(arena + offset, merged);
        }

        return merged;
    }

    /// <summary>The offset of the in-use block whose payload starts at <paramref name="ptr"/>; an oops otherwise.</summary>
    private static uint BlockOf(Cpu cpu, uint arena, uint ptr)
    {
        uint offset = HeapStart;
        while (offset < ArenaBytes)
        {
            uint header = cpu.ReadUInt32(arena + offset);
            if (arena + offset + Header == ptr && (header & UsedBit) != 0)
            {
                return offset;
            }

            uint size = header & ~7u;
            if (size == 0)
            {
                break;
            }

            offset += size;
        }

        Bora.Kernel.Zephyr.K.k_oops();
        return 0;
    }
}
