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
    /// <remarks>
    /// A user thread gets the kernel's trap only while it runs in user mode: inside a syscall (supervisor mode, on its
    /// privilege stack), in an ISR, or with user threads running privileged, a <c>z_*</c> call is a direct call (Zephyr's
    /// nested calls from <c>z_impl_*</c> code).
    /// </remarks>
    public static IUserTrap? Current =>
        KernelContext.Current is { Thread.IsUser: true } context ? context.Kernel.UserTrapOf(context.Thread) : null;
}
