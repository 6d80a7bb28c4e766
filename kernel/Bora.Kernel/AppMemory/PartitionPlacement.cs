namespace Bora.Kernel.AppMemory;

/// <summary>One partition as placed: its globals, its base and size after the backend's rounding, and what that wastes.</summary>
/// <param name="Contents">The partition and its globals.</param>
/// <param name="Globals">Where each global lies.</param>
/// <param name="Base">The partition's first byte.</param>
/// <param name="Size">The partition's size (the region's size).</param>
/// <param name="GapBefore">Bytes skipped before the base to align it.</param>
/// <param name="Regions">MPU regions (or, on an MMU, pages) it needs.</param>
public sealed record PartitionPlacement(AppPartitionContents Contents, IReadOnlyList<GlobalPlacement> Globals, uint Base, uint Size, uint GapBefore, uint Regions)
{
    /// <summary>The partition's name.</summary>
    public string Name => Contents.Name;

    /// <summary>Bytes of globals (without padding).</summary>
    public uint GlobalBytes => (uint)Globals.Sum(g => (long)g.Size);

    /// <summary>Bytes up to the end of the last global (globals and the padding between them).</summary>
    public uint ContentBytes => Globals.Count == 0 ? 0 : Globals[^1].Offset + Globals[^1].Size;

    /// <summary>Bytes of padding inside the partition: between globals and after the last one.</summary>
    public uint Padding => Size - GlobalBytes;

    /// <summary>Padding inside plus the alignment gap before it.</summary>
    public uint Wasted => Padding + GapBefore;

    /// <summary>The first byte after the partition.</summary>
    public ulong End => (ulong)Base + Size;
}
