using System.Diagnostics.CodeAnalysis;
using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>
/// The verifiers (<c>z_vrfy_*</c>) of the kernel syscalls that need no kernel-object validation, and the syscalls
/// that exist only as syscalls (<c>k_str_out</c>, <c>user_fault</c>). The implementations are the <c>[Syscall]</c>
/// facade methods themselves.
/// </summary>
public static partial class K
{
    /// <summary>
    /// <c>k_str_out</c>: writes <paramref name="n"/> bytes at <paramref name="c"/> to the console
    /// (<see cref="BoraKernel.ConsoleOutput"/>), as printk does.
    /// </summary>
    /// <param name="c">The characters.</param>
    /// <param name="n">How many.</param>
    [Syscall]
    public static void k_str_out(UserPtr c, uint n)
    {
        KernelContext context = Ctx();
        context.Kernel.CallStrOut(context.Thread, c.Address, n);
    }

    /// <summary>
    /// <c>user_fault</c> (<c>K_SYSCALL_USER_FAULT</c>): how <c>k_oops</c>/<c>k_panic</c> leave user mode. From a user
    /// thread's syscall every reason but <c>K_ERR_STACK_CHK_FAIL</c> is delivered as <c>K_ERR_KERNEL_OOPS</c>; a
    /// supervisor caller raises the reason as it is. Never returns.
    /// </summary>
    /// <param name="reason">The <see cref="FatalReason"/> asked for.</param>
    [Syscall]
    public static void user_fault(uint reason)
    {
        KernelContext c = Ctx();
        c.Kernel.UserFault(c.Thread, reason);
    }

    /// <summary>
    /// <c>k_float_disable</c>: Bora models no FPU context, so the syscall is declared but not built (a user-mode call
    /// oopses as Zephyr's <c>handler_no_syscall</c> does); a supervisor call returns <c>-ENOTSUP</c>, as Zephyr's does
    /// without <c>CONFIG_FPU_SHARING</c>.
    /// </summary>
    /// <param name="thread">The thread.</param>
    /// <returns><c>-ENOTSUP</c>.</returns>
    [Syscall(Implemented = false)]
    public static int k_float_disable(ThreadHandle thread) => -Errno.ENotSup;

    /// <summary><c>k_float_enable</c>: declared but not built, as <see cref="k_float_disable"/>.</summary>
    /// <param name="thread">The thread.</param>
    /// <param name="options">The FP options.</param>
    /// <returns><c>-ENOTSUP</c>.</returns>
    [Syscall(Implemented = false)]
    public static int k_float_enable(ThreadHandle thread, uint options) => -Errno.ENotSup;

    private static int z_vrfy_k_sleep(KTimeout timeout) => k_sleep(timeout);

    private static int z_vrfy_k_usleep(int us) => k_usleep(us);

    private static void z_vrfy_k_yield() => k_yield();

    private static void z_vrfy_k_busy_wait(uint usec_to_wait) => k_busy_wait(usec_to_wait);

    private static long z_vrfy_k_uptime_ticks() => k_uptime_ticks();

    private static void z_vrfy_k_str_out(UserPtr c, uint n)
    {
        K_OOPS(K_SYSCALL_MEMORY_READ(c, n));
        k_str_out(c, n);
    }

    private static void z_vrfy_user_fault(uint reason) => user_fault(reason);

    /// <summary><c>ARCH_EXCEPT</c> from user mode: the <c>user_fault</c> syscall, which does not return.</summary>
    private static void UserExcept(FatalReason reason)
    {
        if (UserTrap.Current is { } trap)
        {
            trap.Invoke(SyscallIds.K_SYSCALL_USER_FAULT, (uint)reason, 0, 0, 0, 0, 0);
            Unreachable();
        }
    }

    [DoesNotReturn]
    private static void Unreachable() => throw new InvalidOperationException("user_fault returned: the gate must kill the caller");
}
