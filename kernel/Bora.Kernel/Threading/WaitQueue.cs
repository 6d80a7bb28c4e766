namespace Bora.Kernel.Threading;

/// <summary>Threads pended on an object: most urgent priority first, FIFO within a priority (Zephyr's <c>_wait_q_t</c>).</summary>
internal sealed class WaitQueue
{
    private readonly List<KThread> _waiters = [];
    private long _sequence;

    /// <summary>Number of waiting threads.</summary>
    public int Count => _waiters.Count;

    /// <summary>The waiters in wake-up order.</summary>
    public IReadOnlyList<KThread> Waiters => _waiters;

    /// <summary>The first thread to wake, or <see langword="null"/>.</summary>
    public KThread? First => _waiters.Count > 0 ? _waiters[0] : null;

    /// <summary>Adds <paramref name="thread"/> after every waiter of equal or more urgent priority.</summary>
    public void Add(KThread thread)
    {
        thread.WaitSequence = ++_sequence;
        int index = _waiters.Count;
        while (index > 0 && _waiters[index - 1].Priority > thread.Priority)
        {
            index--;
        }

        _waiters.Insert(index, thread);
    }

    /// <summary>Removes <paramref name="thread"/> if it waits here.</summary>
    public void Remove(KThread thread) => _waiters.Remove(thread);
}
