namespace Bora.Kernel.Objects;

/// <summary>A counting semaphore (<c>struct k_sem</c>, kernel/sem.c).</summary>
public sealed class KSemaphore : KObject
{
    internal KSemaphore(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Semaphore, KObjectKind.Semaphore, name)
    {
    }

    /// <summary>The count.</summary>
    public uint Count { get; private set; }

    /// <summary>The maximum count.</summary>
    public uint Limit { get; private set; }

    /// <summary>Threads waiting to take it.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The semaphore as a handle.</summary>
    public SemaphoreHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary>Events of <c>k_poll</c> callers waiting for it (<c>poll_events</c>).</summary>
    internal PollEventList PollEvents { get; } = new();

    /// <summary><c>z_impl_k_sem_init</c>: 0, or <c>-EINVAL</c> when the limit is 0 or below the initial count.</summary>
    internal int Init(uint initialCount, uint limit)
    {
        if (limit == 0 || initialCount > limit)
        {
            return -Errno.EInval;
        }

        Count = initialCount;
        Limit = limit;
        MarkInitialized();
        return 0;
    }

    /// <summary><c>z_impl_k_sem_give</c>: wakes the first waiter, or counts up to the limit.</summary>
    internal void Give()
    {
        Kernel.ChargeWork(Kernel.Costs.SemaphoreGive);
        if (Kernel.UnpendFirst(WaitQueue, 0) is null)
        {
            if (Count != Limit)
            {
                Count++;
            }

            Kernel.HandlePollEvents(PollEvents, PollState.SemAvailable);
        }
    }

    /// <summary><c>z_impl_k_sem_take</c>: 0, <c>-EBUSY</c> (not available without waiting, or asked to wait in an ISR) or <c>-EAGAIN</c> (timed out).</summary>
    internal int Take(KThread caller, KTimeout timeout)
    {
        Kernel.ChargeWork(Kernel.Costs.SemaphoreTake);
        if (Count > 0)
        {
            Count--;
            return 0;
        }

        if (timeout.IsNoWait || Kernel.InIsr)
        {
            return -Errno.EBusy;
        }

        return Kernel.Pend(caller, WaitQueue, timeout);
    }

    /// <summary><c>z_impl_k_sem_reset</c>: wakes every waiter with <c>-EAGAIN</c> and zeroes the count.</summary>
    internal void Reset()
    {
        while (Kernel.UnpendFirst(WaitQueue, -Errno.EAgain) is not null)
        {
        }

        Count = 0;
    }
}
