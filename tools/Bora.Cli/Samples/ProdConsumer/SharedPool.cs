using Bora.Machine;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// <c>shared_pool</c>: Zephyr's sample keeps a <c>sys_heap</c> of <c>HEAP_BYTES</c> in the shared partition and
/// both apps call <c>sys_heap_alloc</c>/<c>sys_heap_free</c> on it from user mode (library code, no system call).
/// Bora has no user-mode <c>sys_heap</c> library yet, so this is the smallest allocator with that property: a
/// word of in-use bits at the start of the pool memory and <see cref="AppShared.HeapBlocks"/> blocks of
/// <see cref="AppShared.BlockSize"/> bytes after it, every access through the checked accessors at the caller's
/// privilege.
/// </summary>
internal sealed class SharedPool(Cpu cpu, uint memory)
{
    /// <summary>Bytes before the first block (the in-use word and a spare word).</summary>
    public const int BlocksOffset = 8;

    /// <summary>Bytes of pool memory the pool needs (header word and blocks).</summary>
    public static uint Bytes => AppShared.PoolBytes;

    /// <summary><c>sys_heap_init</c>: every block free.</summary>
    public void Init() => cpu.WriteUInt32(memory, 0);

    /// <summary><c>sys_heap_alloc</c> of one block: its address, or 0 when every block is in use.</summary>
    public uint Alloc()
    {
        uint used = cpu.ReadUInt32(memory);
        for (int i = 0; i < AppShared.HeapBlocks; i++)
        {
            if ((used & (1u << i)) == 0)
            {
                cpu.WriteUInt32(memory, used | (1u << i));
                return memory + (uint)BlocksOffset + ((uint)i * AppShared.BlockSize);
            }
        }

        return 0;
    }

    /// <summary><c>sys_heap_free</c> of a block <see cref="Alloc"/> returned.</summary>
    public void Free(uint block)
    {
        int i = (int)((block - memory - (uint)BlocksOffset) / AppShared.BlockSize);
        cpu.WriteUInt32(memory, cpu.ReadUInt32(memory) & ~(1u << i));
    }
}
