namespace Bora.Kernel;

/// <summary>
/// The scheduler (kernel/sched.c): the running thread stays in the ready queue while it is runnable,
/// the head of the queue is the thread that should run, and a cooperative or scheduler-locked thread
/// is not preempted by threads that become ready.
/// </summary>
public sealed partial class BoraKernel
{
    private readonly ReadyQueue _ready = new();
    private KThread? _current;
    private int _isrNesting;
    private bool _irqMasked;
    private int _kernelDepth;

    /// <summary>Whether an ISR is running (<c>k_is_in_isr</c>).</summary>
    public bool InIsr => _isrNesting > 0;

    /// <summary><c>z_ready_thread</c>: queues <paramref name="thread"/> behind its priority if it is runnable.</summary>
    internal void ReadyThread(KThread thread)
    {
        if (!thread.IsQueued && thread.IsRunnable)
        {
            _ready.Enqueue(thread);
        }
    }

    private void UnreadyThread(KThread thread)
    {
        if (thread.IsQueued)
        {
            _ready.Remove(thread);
        }
    }

    private KThread NextUp() => _ready.Best() ?? _idle ?? throw new InvalidOperationException("no thread is runnable and the kernel has no idle thread; call Boot() first");

    private static bool IsPreemptible(KThread thread) => thread.Priority >= 0 && thread.SchedLocked == 0;

    /// <summary>
    /// <c>z_pend_curr</c>: blocks <paramref name="self"/> on <paramref name="queue"/> until woken or
    /// until <paramref name="timeout"/>; returns the waker's value (0) or <c>-EAGAIN</c>.
    /// </summary>
    internal int Pend(KThread self, WaitQueue queue, KTimeout timeout)
    {
        UnreadyThread(self);
        self.States |= ThreadStates.Pending;
        self.PendedOn = queue;
        queue.Add(self);
        self.SwapRetval = -Errno.EAgain;
        if (!timeout.IsForever)
        {
            AddTimeout(self.Timeout, timeout);
        }

        Swap(self);
        return self.SwapRetval;
    }

    /// <summary><c>z_unpend_first_thread</c> + <c>arch_thread_return_value_set</c> + <c>z_ready_thread</c>.</summary>
    internal KThread? UnpendFirst(WaitQueue queue, int returnValue)
    {
        KThread? thread = queue.First;
        if (thread is null)
        {
            return null;
        }

        Unpend(thread);
        thread.SwapRetval = returnValue;
        ReadyThread(thread);
        return thread;
    }

    private void Unpend(KThread thread)
    {
        thread.PendedOn?.Remove(thread);
        thread.PendedOn = null;
        thread.States &= ~ThreadStates.Pending;
        RemoveTimeout(thread.Timeout);
    }

    /// <summary><c>z_swap</c>: gives the CPU to the best ready thread (which may be <paramref name="self"/>).</summary>
    internal void Swap(KThread self)
    {
        KThread next = NextUp();
        if (next != self)
        {
            SwitchTo(self, next);
        }
    }

    /// <summary>
    /// <c>z_thread_prio_set</c>: changes a priority, repositioning the thread in the ready queue (at the
    /// back of its new priority) or in its wait queue. Returns whether the thread is ready (a
    /// reschedule may be due).
    /// </summary>
    internal bool SetPriority(KThread thread, int priority)
    {
        if (thread.IsQueued)
        {
            _ready.Remove(thread);
            thread.Priority = priority;
            _ready.Enqueue(thread);
            return true;
        }

        if (thread.PendedOn is { } queue)
        {
            queue.Remove(thread);
            thread.Priority = priority;
            queue.Add(thread);
            return false;
        }

        thread.Priority = priority;
        return false;
    }

    /// <summary>The reschedule with <c>preempt_ok</c>: switches to the head of the ready queue even from a cooperative thread.</summary>
    private void ForceReschedule(KThread self)
    {
        if (!_irqMasked && _isrNesting == 0)
        {
            Swap(self);
        }
    }

    private void MoveToEndOfPriorityQueue(KThread thread)
    {
        if (thread.IsQueued)
        {
            _ready.Remove(thread);
            _ready.Enqueue(thread);
        }
    }
}
