namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled condition variable API.</summary>
public static partial class K
{
    /// <summary><c>k_condvar_init</c>: 0.</summary>
    public static int k_condvar_init(CondvarHandle condvar)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarInit(c.Thread, condvar);
    }

    /// <summary><c>k_condvar_signal</c>: 0.</summary>
    public static int k_condvar_signal(CondvarHandle condvar)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarSignal(c.Thread, condvar);
    }

    /// <summary><c>k_condvar_broadcast</c>: the number of threads woken.</summary>
    public static int k_condvar_broadcast(CondvarHandle condvar)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarBroadcast(c.Thread, condvar);
    }

    /// <summary><c>k_condvar_wait</c>: 0 or -EAGAIN; the mutex is held again on return.</summary>
    public static int k_condvar_wait(CondvarHandle condvar, MutexHandle mutex, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarWait(c.Thread, condvar, mutex, timeout);
    }
}
