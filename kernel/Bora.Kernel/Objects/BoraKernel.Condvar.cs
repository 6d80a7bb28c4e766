namespace Bora.Kernel;

/// <summary>Condition variables: definition (host API) and kernel calls.</summary>
public sealed partial class BoraKernel
{
    /// <summary>Defines an initialised condition variable (<c>K_CONDVAR_DEFINE</c>).</summary>
    public CondvarHandle DefineCondvar(string name)
    {
        EnsureHostAccess(nameof(DefineCondvar));
        KCondvar condvar = DefineObject(name, KObjectSizes.Condvar, "k_condvar", address => new KCondvar(this, address, name));
        condvar.MarkInitialized();
        return condvar.Handle;
    }

    /// <summary>The condition variable at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a condition variable.</exception>
    public KCondvar GetCondvar(CondvarHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KCondvar ?? throw new ArgumentException($"{handle} is not a condition variable", nameof(handle));

    internal int CallCondvarInit(KThread caller, CondvarHandle condvar)
    {
        Enter(caller, KernelCall.CondvarInit);
        Lookup<KCondvar>(caller, condvar.Address, "k_condvar").MarkInitialized();
        return Exit(caller, KernelCall.CondvarInit, KCondvar.Init());
    }

    internal int CallCondvarSignal(KThread caller, CondvarHandle condvar)
    {
        Enter(caller, KernelCall.CondvarSignal);
        return Exit(caller, KernelCall.CondvarSignal, Lookup<KCondvar>(caller, condvar.Address, "k_condvar").Signal());
    }

    internal int CallCondvarBroadcast(KThread caller, CondvarHandle condvar)
    {
        Enter(caller, KernelCall.CondvarBroadcast);
        return Exit(caller, KernelCall.CondvarBroadcast, Lookup<KCondvar>(caller, condvar.Address, "k_condvar").Broadcast());
    }

    internal int CallCondvarWait(KThread caller, CondvarHandle condvar, MutexHandle mutex, KTimeout timeout)
    {
        Enter(caller, KernelCall.CondvarWait);
        KCondvar cv = Lookup<KCondvar>(caller, condvar.Address, "k_condvar");
        KMutex m = Lookup<KMutex>(caller, mutex.Address, "k_mutex");
        return Exit(caller, KernelCall.CondvarWait, cv.Wait(caller, m, timeout));
    }
}
