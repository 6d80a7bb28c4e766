namespace Bora.Kernel.Threading;

/// <summary>Runnable threads: one FIFO per priority, most urgent priority first.</summary>
internal sealed class ReadyQueue
{
    private readonly LinkedList<KThread>[] _levels;

    /// <summary>Bit <c>i</c> set: level <c>i</c> has a thread (levels fit in 64 bits: see the constructor).</summary>
    private ulong _nonEmpty;

    public ReadyQueue()
    {
        _levels = new LinkedList<KThread>[Priorities.Idle - Priorities.Highest + 1];
        if (_levels.Length > 64)
        {
            throw new InvalidOperationException("the ready queue's bitmap holds 64 priority levels");
        }

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
        // Each thread owns one node, reused for every enqueue: a switch allocates nothing.
        LinkedListNode<KThread> node = thread.ReadyLink ??= new LinkedListNode<KThread>(thread);
        int level = thread.Priority - Priorities.Highest;
        _levels[level].AddLast(node);
        _nonEmpty |= 1UL << level;
        thread.ReadyNode = node;
        thread.ReadyLevel = level;
        Count++;
        thread.States |= ThreadStates.Queued;
    }

    /// <summary>Removes <paramref name="thread"/>.</summary>
    public void Remove(KThread thread)
    {
        if (thread.ReadyNode is { } node)
        {
            LinkedList<KThread> list = node.List!;
            list.Remove(node);
            if (list.Count == 0)
            {
                _nonEmpty &= ~(1UL << thread.ReadyLevel);
            }

            thread.ReadyNode = null;
            Count--;
        }

        thread.States &= ~ThreadStates.Queued;
    }

    /// <summary>The first thread of the most urgent non-empty priority, or <see langword="null"/>.</summary>
    public KThread? Best() =>
        _nonEmpty == 0 ? null : _levels[System.Numerics.BitOperations.TrailingZeroCount(_nonEmpty)].First!.Value;
}
