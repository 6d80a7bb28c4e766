namespace Bora.Hal;

/// <summary>
/// How an arch lays out a thread stack object (Zephyr's <c>K_THREAD_STACK_*</c> macros): alignment,
/// reserved space for guards and privilege stacks, and size rounding.
/// </summary>
/// <param name="Alignment">Required start alignment of a stack object, in bytes (a power of two).</param>
/// <param name="ReservedBytes">Bytes reserved at the start of each object for the arch (guard, privilege stack): <c>K_THREAD_STACK_RESERVED</c>.</param>
/// <param name="GuardBytes">Bytes of hardware guard below the usable stack; zero when protection is off or the arch uses stack-limit registers.</param>
/// <param name="PointerAlignment">Alignment of the stack pointer at thread entry.</param>
/// <param name="PowerOfTwoSize">Whether user stacks are rounded up to a power-of-two size aligned to that size (PMSAv7, ARC v2).</param>
/// <param name="PrivilegedStackBytes">Size of the privilege-elevation stack of a user thread.</param>
public readonly record struct StackGeometry(
    uint Alignment,
    uint ReservedBytes,
    uint GuardBytes,
    uint PointerAlignment,
    bool PowerOfTwoSize,
    uint PrivilegedStackBytes);
