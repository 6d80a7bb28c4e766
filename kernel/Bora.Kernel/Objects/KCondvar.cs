namespace Bora.Kernel.Objects;

/// <summary>A condition variable (<c>struct k_condvar</c>, kernel/condvar.c).</summary>
public sealed class KCondvar : KObject
{
    internal KCondvar(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Condvar, KObjectKind.Condvar, name)
    {
    }

    /// <summary>Threads waiting on it.</summary>
    public int WaiterCount => WaitQueue.Count;

    /// <summary>The condition variable as a handle.</summary>
    public CondvarHandle Handle => new(Address);

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary><c>z_impl_k_condvar_init</c>: 0.</summary>
    internal static int Init() => 0;

    /// <summary><c>z_impl_k_condvar_signal</c>: wakes the first waiter (if any) with 0; returns 0.</summary>
    internal int Signal()
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        Kernel.UnpendFirst(WaitQueue, 0);
        return 0;
    }

    /// <summary><c>z_impl_k_condvar_broadcast</c>: wakes every waiter with 0; returns how many were woken.</summary>
    internal int Broadcast()
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        int woken = 0;
        while (Kernel.UnpendFirst(WaitQueue, 0) is not null)
        {
            woken++;
        }

        return woken;
    }

    /// <summary>
    /// <c>z_impl_k_condvar_wait</c>: releases <paramref name="mutex"/>, waits for a signal, and locks the
    /// mutex again (always, even after a timeout); 0 or <c>-EAGAIN</c>. With <c>K_NO_WAIT</c>, or
    /// from an ISR (which cannot wait), it returns <c>-EAGAIN</c> at once without touching the mutex.
    /// </summary>
    internal int Wait(KThread caller, KMutex mutex, KTimeout timeout)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        if (timeout.IsNoWait || Kernel.InIsr)
        {
            return -Errno.EAgain;
        }

        _ = mutex.Unlock(caller);
        int result = Kernel.Pend(caller, WaitQueue, timeout);
        _ = mutex.Lock(caller, KTimeout.Forever);
        return result;
    }
}
