namespace Bora.Hal;

/// <summary>
/// A half-open range of physical or linear addresses, <c>[Start, End)</c>. <see cref="End"/> may be
/// 2^32 so that a range can reach the top of a 32-bit address space.
/// </summary>
/// <param name="Start">First address in the range.</param>
/// <param name="End">First address after the range; must not be below <paramref name="Start"/>.</param>
public readonly record struct AddressRange(ulong Start, ulong End)
{
    /// <summary>Number of bytes in the range.</summary>
    public ulong Size => End - Start;

    /// <summary>Whether the range holds no byte.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>Creates a range from a start and a byte count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range would wrap past 2^64.</exception>
    public static AddressRange FromSize(ulong start, ulong size)
    {
        if (size > ulong.MaxValue - start)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"range at 0x{start:X} with size 0x{size:X} wraps the address space");
        }

        return new AddressRange(start, start + size);
    }

    /// <summary>Whether <paramref name="address"/> lies in the range.</summary>
    public bool Contains(ulong address) => address >= Start && address < End;

    /// <summary>Whether every byte of <paramref name="other"/> lies in this range.</summary>
    public bool Contains(AddressRange other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the two ranges share at least one byte.</summary>
    public bool Overlaps(AddressRange other) => other.Start < End && Start < other.End && !IsEmpty && !other.IsEmpty;

    /// <inheritdoc/>
    public override string ToString() => $"[0x{Start:X8}, 0x{End:X8})";
}
