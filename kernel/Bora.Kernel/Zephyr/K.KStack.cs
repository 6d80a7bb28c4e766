using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_stack</c> API (the data stack object).</summary>
public static partial class K
{
    /// <summary><c>sizeof(stack_data_t)</c> on the 32-bit targets.</summary>
    private const uint StackDataSize = 4;

    /// <summary><c>k_stack_init</c>: 0, or -EINVAL for a buffer that overflows, wraps or overlaps kernel memory (Zephyr's is void).</summary>
    public static int k_stack_init(KStackHandle stack, uint buffer, uint num_entries)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackInit(c.Thread, stack, buffer, num_entries);
    }

    /// <summary><c>k_stack_push</c>: 0 or -ENOMEM (full).</summary>
    [Syscall]
    public static int k_stack_push(KStackHandle stack, uint data)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackPush(c.Thread, stack, data);
    }

    /// <summary><c>k_stack_pop</c> storing the word at <paramref name="data"/> (an address): 0, -EBUSY or -EAGAIN.</summary>
    [Syscall]
    public static int k_stack_pop(KStackHandle stack, uint data, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackPop(c.Thread, stack, data, timeout, out _);
    }

    /// <summary><c>k_stack_pop</c> into a local: 0, -EBUSY or -EAGAIN.</summary>
    public static int k_stack_pop(KStackHandle stack, out uint data, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackPop(c.Thread, stack, 0, timeout, out data);
    }

    /// <summary><c>k_stack_cleanup</c>: 0 or -EAGAIN.</summary>
    public static int k_stack_cleanup(KStackHandle stack)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallKStackCleanup(c.Thread, stack);
    }

    private static int z_vrfy_k_stack_push(KStackHandle stack, uint data)
    {
        K_OOPS(K_SYSCALL_OBJ(stack, K_OBJ_STACK));
        return k_stack_push(stack, data);
    }

    private static int z_vrfy_k_stack_pop(KStackHandle stack, uint data, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(stack, K_OBJ_STACK));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(data), StackDataSize));
        return k_stack_pop(stack, data, timeout);
    }
}
