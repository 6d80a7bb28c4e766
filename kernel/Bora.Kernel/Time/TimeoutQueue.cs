namespace Bora.Kernel.Time;

/// <summary>Pending timeouts ordered by expiry tick, then insertion order.</summary>
internal sealed class TimeoutQueue
{
    private readonly SortedSet<TimeoutEntry> _entries = new(Comparer<TimeoutEntry>.Create(static (a, b) =>
    {
        int c = a.ExpiryTick.CompareTo(b.ExpiryTick);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }));

    private long _sequence;

    /// <summary>The next entry to expire, or <see langword="null"/>.</summary>
    public TimeoutEntry? First => _entries.Count > 0 ? _entries.Min : null;

    /// <summary>Number of pending timeouts.</summary>
    public int Count => _entries.Count;

    /// <summary>Queues <paramref name="entry"/> to expire at <paramref name="expiryTick"/>.</summary>
    public void Add(TimeoutEntry entry, long expiryTick)
    {
        if (entry.IsActive)
        {
            Remove(entry);
        }

        entry.ExpiryTick = expiryTick;
        entry.Sequence = ++_sequence;
        entry.IsActive = true;
        _entries.Add(entry);
    }

    /// <summary>Removes <paramref name="entry"/>; returns whether it was pending.</summary>
    public bool Remove(TimeoutEntry entry)
    {
        if (!entry.IsActive)
        {
            return false;
        }

        entry.IsActive = false;
        return _entries.Remove(entry);
    }
}
