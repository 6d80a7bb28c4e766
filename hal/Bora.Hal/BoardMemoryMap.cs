namespace Bora.Hal;

/// <summary>
/// A board's physical address space: named, non-overlapping windows sorted by address. Addresses no
/// window covers are <see cref="MemoryKind.Unmapped"/>.
/// </summary>
public sealed class BoardMemoryMap
{
    private readonly MemoryMapEntry[] _entries;

    /// <summary>Builds a map and checks that no two windows overlap.</summary>
    /// <exception cref="ArgumentException">Two windows overlap or a window is empty.</exception>
    public BoardMemoryMap(IEnumerable<MemoryMapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries.OrderBy(e => e.Range.Start)];
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Range.IsEmpty)
            {
                throw new ArgumentException($"memory window '{_entries[i].Name}' {_entries[i].Range} is empty", nameof(entries));
            }

            if (i > 0 && _entries[i - 1].Range.Overlaps(_entries[i].Range))
            {
                throw new ArgumentException(
                    $"memory windows '{_entries[i - 1].Name}' {_entries[i - 1].Range} and '{_entries[i].Name}' {_entries[i].Range} overlap",
                    nameof(entries));
            }
        }
    }

    /// <summary>The windows, sorted by start address.</summary>
    public IReadOnlyList<MemoryMapEntry> Entries => _entries;

    /// <summary>The windows of one kind, sorted by start address.</summary>
    public IEnumerable<MemoryMapEntry> OfKind(MemoryKind kind) => _entries.Where(e => e.Kind == kind);

    /// <summary>The window holding <paramref name="address"/>, or <see langword="null"/> when unmapped.</summary>
    public MemoryMapEntry? Find(ulong address)
    {
        int lo = 0, hi = _entries.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            AddressRange r = _entries[mid].Range;
            if (address < r.Start)
            {
                hi = mid - 1;
            }
            else if (address >= r.End)
            {
                lo = mid + 1;
            }
            else
            {
                return _entries[mid];
            }
        }

        return null;
    }

    /// <summary>The kind of memory at <paramref name="address"/>.</summary>
    public MemoryKind KindAt(ulong address) => Find(address)?.Kind ?? MemoryKind.Unmapped;
}
