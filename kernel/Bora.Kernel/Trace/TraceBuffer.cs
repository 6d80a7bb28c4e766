namespace Bora.Kernel.Trace;

/// <summary>
/// A preallocated ring of trace records. Only the baton holder writes, so no locking is needed. A
/// running hash over every record ever written lets runs longer than the ring be compared.
/// </summary>
public sealed class TraceBuffer
{
    private readonly TraceEvent[] _ring;
    private long _written;
    private int _next;
    private ulong _hash = 14695981039346656037UL;

    internal TraceBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _ring = new TraceEvent[capacity];
    }

    /// <summary>Records the ring can hold.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Records written since boot (some may have been overwritten).</summary>
    public long Written => _written;

    /// <summary>Hash of every record ever written, in order (a multiply-rotate step per 64-bit field).</summary>
    public ulong Hash => _hash;

    /// <summary>Whether the oldest records have been overwritten.</summary>
    public bool HasWrapped => _written > _ring.Length;

    /// <summary>The records still in the ring, oldest first.</summary>
    public TraceEvent[] Snapshot()
    {
        int count = (int)Math.Min(_written, _ring.Length);
        var result = new TraceEvent[count];
        long first = _written - count;
        for (int i = 0; i < count; i++)
        {
            result[i] = _ring[(first + i) % _ring.Length];
        }

        return result;
    }

    internal void Record(ulong cycles, TraceEventKind kind, int thread, int arg, long value)
    {
        _ring[_next] = new TraceEvent(cycles, kind, thread, arg, value);
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        _written++;
        Mix(cycles);
        Mix((ulong)kind);
        Mix((ulong)(uint)thread);
        Mix((ulong)(uint)arg);
        Mix((ulong)value);
    }

    /// <summary>
    /// One step over a whole 64-bit word: xor, multiply by the FNV prime, rotate so high bits feed back
    /// into low ones (byte-wise FNV-1a would cost 8 dependent multiplies per field on the hot path).
    /// </summary>
    private void Mix(ulong value) => _hash = System.Numerics.BitOperations.RotateLeft((_hash ^ value) * 1099511628211UL, 29);
}
