namespace Bora.Kernel.Image;

/// <summary>
/// Where the image lives on a board: text, rodata in the first flash window; kernel data, the
/// kernel-object area, stacks, app partitions and the heap in the first RAM window.
/// </summary>
public sealed class ImageLayout
{
    private readonly List<MemoryArea> _partitions = [];

    internal ImageLayout(Board board, ImageLayoutOptions options)
    {
        MemoryMapEntry flash = board.MemoryMap.OfKind(MemoryKind.Rom).FirstOrDefault()
            ?? throw new InvalidOperationException($"board '{board.Name}' has no ROM/flash window to hold text; add one to its memory map");
        MemoryMapEntry ram = board.MemoryMap.OfKind(MemoryKind.Ram).FirstOrDefault()
            ?? throw new InvalidOperationException($"board '{board.Name}' has no RAM window for kernel data and stacks; add one to its memory map");

        uint flashStart = (uint)flash.Range.Start;
        ulong flashNeed = (ulong)options.VectorTableBytes + options.TextBytes + options.RodataBytes;
        if (flashNeed > flash.Range.Size)
        {
            throw new InvalidOperationException($"flash window '{flash.Name}' holds {flash.Range.Size} bytes but the layout needs {flashNeed}; shrink KernelOptions.Layout.TextBytes/RodataBytes");
        }

        Text = new MemoryArea("text", flashStart + options.VectorTableBytes, options.TextBytes);
        Rodata = new MemoryArea("rodata", (uint)Text.End, options.RodataBytes);

        uint ramStart = (uint)ram.Range.Start;
        ulong fixedRam = (ulong)options.KernelDataBytes + options.ObjectAreaBytes + options.HeapBytes + options.AppPartitionBytes;
        if (fixedRam + 4096 > ram.Range.Size)
        {
            throw new InvalidOperationException($"RAM window '{ram.Name}' holds {ram.Range.Size} bytes but kernel data, objects, partitions and heap need {fixedRam} plus room for stacks; shrink KernelOptions.Layout");
        }

        KernelData = new MemoryArea("kernel-data", ramStart, options.KernelDataBytes);
        Objects = new MemoryArea("kernel-objects", (uint)KernelData.End, options.ObjectAreaBytes);
        uint stacksSize = (uint)(ram.Range.Size - fixedRam);
        Stacks = new MemoryArea("stacks", (uint)Objects.End, stacksSize);
        AppPartitions = new MemoryArea("app-partitions", (uint)Stacks.End, options.AppPartitionBytes);
        Heap = new MemoryArea("heap", (uint)AppPartitions.End, options.HeapBytes);
        Symbols = new SymbolTable(Text, options.FunctionBytes);
    }

    /// <summary>Code: registered functions and thread entries.</summary>
    public MemoryArea Text { get; }

    /// <summary>Read-only data.</summary>
    public MemoryArea Rodata { get; }

    /// <summary>Kernel globals.</summary>
    public MemoryArea KernelData { get; }

    /// <summary>The kernel-object area.</summary>
    public MemoryArea Objects { get; }

    /// <summary>Thread stack objects (and the interrupt stack).</summary>
    public MemoryArea Stacks { get; }

    /// <summary>Room for application memory partitions (the extension point for app memory).</summary>
    public MemoryArea AppPartitions { get; }

    /// <summary>The kernel heap.</summary>
    public MemoryArea Heap { get; }

    /// <summary>The text symbols.</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Partitions reserved so far, in reservation order.</summary>
    public IReadOnlyList<MemoryArea> Partitions => _partitions;

    /// <summary>Every area, in address order.</summary>
    public IEnumerable<MemoryArea> Areas => new[] { Text, Rodata, KernelData, Objects, Stacks, AppPartitions, Heap }.OrderBy(a => a.Start);

    /// <summary>
    /// Reserves an application partition of <paramref name="size"/> bytes aligned to
    /// <paramref name="alignment"/> (a power of two; MPU backends need size alignment) in the app area.
    /// </summary>
    public MemoryArea ReservePartition(string name, uint size, uint alignment)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        uint start = AppPartitions.Allocate(size, alignment, $"partition '{name}'");
        var area = new MemoryArea(name, start, size);
        _partitions.Add(area);
        return area;
    }

    /// <summary>The area holding <paramref name="address"/>, or <see langword="null"/>.</summary>
    public MemoryArea? AreaOf(uint address) =>
        _partitions.FirstOrDefault(p => p.Contains(address)) ?? Areas.FirstOrDefault(a => a.Contains(address));
}
