namespace Bora.Kernel.Objects;

/// <summary>
/// Zephyr's <c>_thread_idx_map</c>: which of the <c>8 × CONFIG_MAX_THREAD_BYTES</c> thread indices are free.
/// An index names one bit of every object's permission bitmap. The lowest free index is handed out first.
/// </summary>
internal sealed class ThreadIndexMap
{
    private readonly bool[] _used;

    public ThreadIndexMap(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _used = new bool[count];
    }

    /// <summary>How many indices exist.</summary>
    public int Count => _used.Length;

    /// <summary>How many indices are taken.</summary>
    public int InUse { get; private set; }

    /// <summary>Takes the lowest free index (<c>thread_idx_alloc</c>), or returns -1 when none is free.</summary>
    public int Allocate()
    {
        for (int i = 0; i < _used.Length; i++)
        {
            if (!_used[i])
            {
                _used[i] = true;
                InUse++;
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gives <paramref name="index"/> back (<c>thread_idx_free</c>).</summary>
    public void Free(int index)
    {
        if (index < 0 || index >= _used.Length || !_used[index])
        {
            throw new InvalidOperationException($"thread index {index} is not allocated (Bora bug)");
        }

        _used[index] = false;
        InUse--;
    }
}
