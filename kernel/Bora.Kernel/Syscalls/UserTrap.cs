namespace Bora.Kernel.Syscalls;

/// <summary>
/// Where a <c>z_*</c> stub decides between a direct call and a trap (Zephyr's <c>z_syscall_trap()</c>).
/// </summary>
public static class UserTrap
{
    /// <summary>
    /// The trap of the calling thread when it runs in user mode; <see langword="null"/> for a supervisor caller (a
    /// kernel thread, an ISR, or a host thread outside the kernel), whose <c>z_*</c> call is a direct call to the
    /// implementation with no validation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The caller is a user thread: the user-mode trap is not wired yet.</exception>
    public static IUserTrap? Current
    {
        get
        {
            if (KernelContext.Current is not { Thread.IsUser: true } context)
            {
                return null;
            }

            // Integration point: the per-arch trap, the privileged-stack switch and the kernel's ISyscallContext land here.
            throw new InvalidOperationException(
                $"User thread '{context.Thread.ThreadName}' made a z_* syscall, but the user-mode trap (SVC / trap_s / int 0x80 into " +
                "SyscallDispatcher.Dispatch on the privileged stack) is not wired yet; call z_* from supervisor threads only until it is.");
        }
    }
}
