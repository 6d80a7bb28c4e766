namespace Bora.Kernel.Threading;

/// <summary>Runnable threads: one FIFO per priority, most urgent priority first.</summary>
internal sealed class ReadyQueue
{
    private readonly LinkedList<KThread>[] _levels;

    public ReadyQueue()
    {
        _levels = new LinkedList<KThread>[Priorities.Idle - Priorities.Highest + 1];
        for (int i = 0; i < _levels.Length; i++)
        {
            _levels[i] = new LinkedList<KThread>();
        }
    }

    /// <summary>Number of queued threads.</summary>
    public int Count { get; private set; }

    /// <summary>Appends <paramref name="thread"/> behind every thread of its priority.</summary>
    public void Enqueue(KThread thread)
    {
        thread.ReadyNode = _levels[thread.Priority - Priorities.Highest].AddLast(thread);
        Count++;
        thread.States |= ThreadStates.Queued;
    }

    /// <summary>Removes <paramref name="thread"/>.</summary>
    public void Remove(KThread thread)
    {
        if (thread.ReadyNode is { } node)
        {
            node.List!.Remove(node);
            thread.ReadyNode = null;
            Count--;
        }

        thread.States &= ~ThreadStates.Queued;
    }

    /// <summary>The first thread of the most urgent non-empty priority, or <see langword="null"/>.</summary>
    public KThread? Best()
    {
        foreach (LinkedList<KThread> level in _levels)
        {
            if (level.First is { } first)
            {
                return first.Value;
            }
        }

        return null;
    }
}
