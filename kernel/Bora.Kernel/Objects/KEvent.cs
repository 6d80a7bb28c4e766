namespace Bora.Kernel.Objects;

/// <summary>
/// An event object (<c>struct k_event</c>, kernel/events.c): 32 event bits; posting or setting wakes,
/// in wait-queue order, every waiter whose condition the new bits satisfy.
/// </summary>
public sealed class KEvent : KObject
{
    // Look-up only (never iterated): the wait block of each pended thread, as Zephyr keeps it on the waiter's stack.
    private readonly Dictionary<KThread, EventWaitBlock> _waitBlocks = [];

    internal KEvent(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Event, KObjectKind.Event, name)
    {
    }

    /// <summary>The current event bits.</summary>
    public uint Events { get; private set; }

    /// <summary>Threads waiting for events.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The event object as a handle.</summary>
    public EventHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary><c>z_impl_k_event_init</c>.</summary>
    internal void Init()
    {
        Events = 0;
        MarkInitialized();
    }

    /// <summary>
    /// <c>k_event_post_internal</c>: the bits under <paramref name="mask"/> become those of
    /// <paramref name="events"/>; every waiter now satisfied is woken (in wait-queue order) with the
    /// bits that satisfied it. Returns the previous bits under <paramref name="mask"/>.
    /// </summary>
    internal uint Post(uint events, uint mask)
    {
        Kernel.ChargeWork(Kernel.Costs.EventOperation);
        uint previous = Events & mask;
        Events = (Events & ~mask) | (events & mask);
        List<KThread>? satisfied = null;
        foreach (KThread waiter in WaitQueue.Waiters)
        {
            EventWaitBlock block = _waitBlocks[waiter];
            uint match = Match(block.Desired, Events, block.Options);
            if (match != 0)
            {
                block.Received = match;
                (satisfied ??= []).Add(waiter);
            }
        }

        if (satisfied is not null)
        {
            foreach (KThread waiter in satisfied)
            {
                Kernel.WakeWaiter(waiter, 0);
            }
        }

        return previous;
    }

    /// <summary>
    /// <c>k_event_wait_internal</c>: the bits of <paramref name="desired"/> that satisfy the wait, or 0
    /// (nothing desired, <c>K_NO_WAIT</c> unsatisfied, or timed out). In an ISR a timeout other than
    /// <c>K_NO_WAIT</c> is treated as <c>K_NO_WAIT</c> (Zephyr asserts).
    /// </summary>
    internal uint Wait(KThread caller, uint desired, EventWaitOptions options, KTimeout timeout)
    {
        Kernel.ChargeWork(Kernel.Costs.EventOperation);
        if (desired == 0)
        {
            return 0;
        }

        if ((options & EventWaitOptions.Reset) != 0)
        {
            Events = 0;
        }

        uint match = Match(desired, Events, options);
        if (match != 0 || timeout.IsNoWait || Kernel.InIsr)
        {
            return match;
        }

        var block = new EventWaitBlock(desired, options);
        _waitBlocks[caller] = block;
        try
        {
            return Kernel.Pend(caller, WaitQueue, timeout) == 0 ? block.Received : 0;
        }
        finally
        {
            _waitBlocks.Remove(caller);
        }
    }

    /// <summary><c>are_wait_conditions_met</c>.</summary>
    private static uint Match(uint desired, uint current, EventWaitOptions options)
    {
        uint match = current & desired;
        return (options & EventWaitOptions.All) != 0 && match != desired ? 0 : match;
    }
}
