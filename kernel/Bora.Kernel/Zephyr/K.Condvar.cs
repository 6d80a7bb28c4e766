using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled condition variable API.</summary>
public static partial class K
{
    /// <summary><c>k_condvar_init</c>: 0.</summary>
    [Syscall]
    public static int k_condvar_init(CondvarHandle condvar)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarInit(c.Thread, condvar);
    }

    /// <summary><c>k_condvar_signal</c>: 0.</summary>
    [Syscall]
    public static int k_condvar_signal(CondvarHandle condvar)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarSignal(c.Thread, condvar);
    }

    /// <summary><c>k_condvar_broadcast</c>: the number of threads woken.</summary>
    [Syscall]
    public static int k_condvar_broadcast(CondvarHandle condvar)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarBroadcast(c.Thread, condvar);
    }

    /// <summary><c>k_condvar_wait</c>: 0 or -EAGAIN; the mutex is held again on return.</summary>
    [Syscall]
    public static int k_condvar_wait(CondvarHandle condvar, MutexHandle mutex, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallCondvarWait(c.Thread, condvar, mutex, timeout);
    }

    private static int z_vrfy_k_condvar_init(CondvarHandle condvar)
    {
        K_OOPS(K_SYSCALL_OBJ_INIT(condvar, K_OBJ_CONDVAR));
        return k_condvar_init(condvar);
    }

    private static int z_vrfy_k_condvar_signal(CondvarHandle condvar)
    {
        K_OOPS(K_SYSCALL_OBJ(condvar, K_OBJ_CONDVAR));
        return k_condvar_signal(condvar);
    }

    private static int z_vrfy_k_condvar_broadcast(CondvarHandle condvar)
    {
        K_OOPS(K_SYSCALL_OBJ(condvar, K_OBJ_CONDVAR));
        return k_condvar_broadcast(condvar);
    }

    private static int z_vrfy_k_condvar_wait(CondvarHandle condvar, MutexHandle mutex, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(condvar, K_OBJ_CONDVAR));
        K_OOPS(K_SYSCALL_OBJ(mutex, K_OBJ_MUTEX));
        return k_condvar_wait(condvar, mutex, timeout);
    }
}
