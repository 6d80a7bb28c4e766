using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>Zephyr's ia32 stack object layout (<c>include/zephyr/arch/x86/thread_stack.h</c>).</summary>
public static class X86StackGeometry
{
    /// <summary>Bytes of one page: the guard, the privilege-elevation stack and the alignment.</summary>
    public const uint PageBytes = 4096;

    /// <summary>
    /// <c>[guard page][privilege elevation stack page][thread stack…]</c>, 4 KiB aligned
    /// (<c>Z_X86_STACK_BASE_ALIGN</c>); the guard is a present supervisor read-only page (P|XD);
    /// ESP is 4-byte aligned on ia32.
    /// </summary>
    public static StackGeometry Userspace { get; } = new(
        Alignment: PageBytes,
        ReservedBytes: 2 * PageBytes,
        GuardBytes: PageBytes,
        PointerAlignment: 4,
        PowerOfTwoSize: false,
        PrivilegedStackBytes: PageBytes);
}
