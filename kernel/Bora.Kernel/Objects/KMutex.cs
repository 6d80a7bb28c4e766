namespace Bora.Kernel.Objects;

/// <summary>A recursive mutex with priority inheritance (<c>struct k_mutex</c>, kernel/mutex.c).</summary>
public sealed class KMutex : KObject
{
    /// <summary><c>CONFIG_PRIORITY_CEILING</c>: inheritance never raises a priority above this.</summary>
    internal const int PriorityCeiling = -127;

    internal KMutex(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Mutex, KObjectKind.Mutex, name)
    {
    }

    /// <summary>The owning thread, or <see langword="null"/> when unlocked.</summary>
    public KThread? Owner { get; private set; }

    /// <summary>How many times the owner has locked it.</summary>
    public uint LockCount { get; private set; }

    /// <summary>The owner's priority before any inheritance.</summary>
    public int OwnerOriginalPriority { get; private set; }

    /// <summary>Threads waiting to lock it.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The mutex as a handle.</summary>
    public MutexHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary><c>z_impl_k_mutex_init</c>.</summary>
    internal int Init()
    {
        Owner = null;
        LockCount = 0;
        MarkInitialized();
        return 0;
    }

    /// <summary>
    /// <c>z_impl_k_mutex_lock</c>: 0, <c>-EBUSY</c> (locked and <c>K_NO_WAIT</c>), <c>-EAGAIN</c>
    /// (timed out) or <c>-EPERM</c> (called from an ISR, where Zephyr asserts).
    /// </summary>
    internal int Lock(KThread caller, KTimeout timeout)
    {
        Kernel.ChargeWork(Kernel.Costs.MutexLock);
        if (Kernel.InIsr)
        {
            return -Errno.EPerm;
        }

        if (LockCount == 0 || Owner == caller)
        {
            OwnerOriginalPriority = LockCount == 0 ? caller.Priority : OwnerOriginalPriority;
            LockCount++;
            Owner = caller;
            return 0;
        }

        if (timeout.IsNoWait)
        {
            return -Errno.EBusy;
        }

        KThread owner = Owner!;
        int newPriority = NewPriorityForInheritance(caller.Priority, owner.Priority);
        if (newPriority < owner.Priority)
        {
            Kernel.SetPriority(owner, newPriority);
        }

        int got = Kernel.Pend(caller, WaitQueue, timeout);
        if (got == 0)
        {
            return 0;
        }

        // Timed out: undo the inheritance this waiter caused, keeping what the remaining waiters need.
        if (Owner is { } current)
        {
            KThread? waiter = WaitQueue.First;
            int restored = waiter is not null ? NewPriorityForInheritance(waiter.Priority, OwnerOriginalPriority) : OwnerOriginalPriority;
            if (current.Priority != restored)
            {
                Kernel.SetPriority(current, restored);
            }
        }

        return -Errno.EAgain;
    }

    /// <summary>
    /// <c>z_impl_k_mutex_unlock</c>: 0, <c>-EINVAL</c> (not locked), <c>-EPERM</c> (not the owner, or
    /// called from an ISR).
    /// </summary>
    internal int Unlock(KThread caller)
    {
        Kernel.ChargeWork(Kernel.Costs.MutexUnlock);
        if (Kernel.InIsr)
        {
            return -Errno.EPerm;
        }

        if (Owner is null)
        {
            return -Errno.EInval;
        }

        if (Owner != caller)
        {
            return -Errno.EPerm;
        }

        if (LockCount > 1)
        {
            LockCount--;
            return 0;
        }

        if (Owner.Priority != OwnerOriginalPriority)
        {
            Kernel.SetPriority(Owner, OwnerOriginalPriority);
        }

        KThread? newOwner = Kernel.UnpendFirst(WaitQueue, 0);
        Owner = newOwner;
        if (newOwner is not null)
        {
            OwnerOriginalPriority = newOwner.Priority;
        }
        else
        {
            LockCount = 0;
        }

        return 0;
    }

    private static int NewPriorityForInheritance(int target, int limit) => Math.Max(Math.Min(target, limit), PriorityCeiling);
}
