namespace Bora.Kernel.Image;

/// <summary>A named area of the image, filled from its start by a bump allocator.</summary>
public sealed class MemoryArea
{
    private uint _next;

    internal MemoryArea(string name, uint start, uint size)
    {
        Name = name;
        Start = start;
        Size = size;
        _next = start;
    }

    /// <summary>Name used in layout reports.</summary>
    public string Name { get; }

    /// <summary>First address.</summary>
    public uint Start { get; }

    /// <summary>Bytes in the area.</summary>
    public uint Size { get; }

    /// <summary>First address after the area.</summary>
    public ulong End => (ulong)Start + Size;

    /// <summary>Bytes handed out so far (including alignment padding).</summary>
    public uint Used => _next - Start;

    /// <summary>Whether <paramref name="address"/> lies in the area.</summary>
    public bool Contains(uint address) => address >= Start && address < End;

    /// <summary>Hands out <paramref name="size"/> bytes aligned to <paramref name="alignment"/>.</summary>
    /// <exception cref="InvalidOperationException">The area is full.</exception>
    internal uint Allocate(uint size, uint alignment, string what)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "alignment must be a power of two");
        }

        ulong start = ((ulong)_next + alignment - 1) & ~((ulong)alignment - 1);
        if (start + size > End)
        {
            throw new InvalidOperationException(
                $"the {Name} area (0x{Start:X8}, {Size} bytes) has {End - Math.Min(End, start)} bytes left at alignment {alignment}; " +
                $"{what} needs {size}. Raise the area's size in KernelOptions.Layout or define fewer/smaller objects.");
        }

        _next = (uint)(start + size);
        return (uint)start;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} [0x{Start:X8}, 0x{End:X8}) used {Used}/{Size}";
}
