namespace Bora.Kernel.Objects;

/// <summary>The header of one <see cref="SysHeap"/> chunk (what lib/heap keeps in the chunk's first words).</summary>
internal sealed class SysHeapChunk
{
    /// <summary>Size in chunk units.</summary>
    public uint Size { get; set; }

    /// <summary>Size of the chunk to the left, in chunk units.</summary>
    public uint LeftSize { get; set; }

    /// <summary>Whether the chunk is allocated (chunk 0 and the end marker always are).</summary>
    public bool Used { get; set; }

    /// <summary>Previous chunk in its bucket's circular free list.</summary>
    public uint PrevFree { get; set; }

    /// <summary>Next chunk in its bucket's circular free list.</summary>
    public uint NextFree { get; set; }
}
