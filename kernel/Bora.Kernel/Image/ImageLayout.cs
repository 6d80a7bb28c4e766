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
        MemoryMapEntry flash = Window(board, options.TextBase, MemoryKind.Rom, "TextBase", "ROM/flash window to hold text");
        MemoryMapEntry ram = Window(board, options.RamBase, MemoryKind.Ram, "RamBase", "RAM window for kernel data and stacks");
        if (ram.Kind != MemoryKind.Ram)
        {
            throw new InvalidOperationException($"KernelOptions.Layout.RamBase 0x{options.RamBase:X8} lies in '{ram.Name}', which is {ram.Kind}, not RAM");
        }

        uint flashStart = options.TextBase ?? (uint)flash.Range.Start;
        ulong flashNeed = (ulong)options.VectorTableBytes + options.TextBytes + options.RodataBytes;
        if (flashStart + flashNeed > flash.Range.End)
        {
            throw new InvalidOperationException($"window '{flash.Name}' holds {flash.Range.End - flashStart} bytes from 0x{flashStart:X8} but the layout needs {flashNeed}; shrink KernelOptions.Layout.TextBytes/RodataBytes");
        }

        VectorTableBytes = options.VectorTableBytes;
        Text = new MemoryArea("text", flashStart + options.VectorTableBytes, options.TextBytes);
        Rodata = new MemoryArea("rodata", (uint)Text.End, options.RodataBytes);

        uint ramStart = options.RamBase ?? (uint)ram.Range.Start;
        ulong ramSize = options.RamBytes ?? (ram.Range.End - ramStart);
        if (ramStart + ramSize > ram.Range.End)
        {
            throw new InvalidOperationException($"KernelOptions.Layout.RamBytes ({ramSize}) runs past the end of RAM window '{ram.Name}' (0x{ram.Range.End:X})");
        }

        if (ramStart < Rodata.End && flashStart < ramStart + ramSize)
        {
            throw new InvalidOperationException($"the image's RAM [0x{ramStart:X8}, 0x{ramStart + ramSize:X}) overlaps its text and rodata [0x{flashStart:X8}, 0x{Rodata.End:X}); move KernelOptions.Layout.RamBase or TextBase");
        }

        ulong fixedRam = (ulong)options.KernelDataBytes + options.ObjectAreaBytes + options.HeapBytes + options.AppPartitionBytes;
        if (fixedRam + 4096 > ramSize)
        {
            throw new InvalidOperationException($"RAM window '{ram.Name}' holds {ramSize} bytes for the image but kernel data, objects, partitions and heap need {fixedRam} plus room for stacks; shrink KernelOptions.Layout");
        }

        KernelData = new MemoryArea("kernel-data", ramStart, options.KernelDataBytes);
        Objects = new MemoryArea("kernel-objects", (uint)KernelData.End, options.ObjectAreaBytes);
        uint stacksSize = (uint)(ramSize - fixedRam);
        Stacks = new MemoryArea("stacks", (uint)Objects.End, stacksSize);
        AppPartitions = new MemoryArea("app-partitions", (uint)Stacks.End, options.AppPartitionBytes);
        Heap = new MemoryArea("heap", (uint)AppPartitions.End, options.HeapBytes);
        Symbols = new SymbolTable(Text, options.FunctionBytes);
    }

    /// <summary>The vector table, text and rodata: the image's code and read-only part.</summary>
    public AddressRange RomRange => new(Text.Start - VectorTableBytes, Rodata.End);

    /// <summary>Kernel data, objects, stacks, partitions and heap: the image's RAM.</summary>
    public AddressRange RamRange => new(KernelData.Start, Heap.End);

    /// <summary>Bytes of the vector table before text.</summary>
    public uint VectorTableBytes { get; }

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

    private static MemoryMapEntry Window(Board board, uint? address, MemoryKind kind, string option, string what)
    {
        if (address is uint a)
        {
            return board.MemoryMap.Find(a)
                ?? throw new InvalidOperationException($"KernelOptions.Layout.{option} 0x{a:X8} lies in no window of board '{board.Name}'");
        }

        return board.MemoryMap.OfKind(kind).FirstOrDefault()
            ?? throw new InvalidOperationException($"board '{board.Name}' has no {what}; add one to its memory map or set KernelOptions.Layout.{option}");
    }
}
