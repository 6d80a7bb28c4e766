using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// Zephyr's ARC thread-stack layout (<c>include/zephyr/arch/arc/arch.h</c>) with userspace on.
/// MPU v2 (no stack guard; <c>MPU_REQUIRES_POWER_OF_TWO_ALIGNMENT</c>): stacks are power-of-two sized, at
/// least 2 KiB, aligned to their size; the privilege stack lives elsewhere; nothing is reserved and
/// overflow is caught by stack checking. MPU v4 (<c>MPU_STACK_GUARD</c>): the object is
/// <c>[32-byte guard][privilege stack][thread stack]</c>, 32-byte aligned and rounded.
/// </summary>
public static class ArcStackGeometry
{
    /// <summary>Zephyr's default <c>CONFIG_PRIVILEGED_STACK_SIZE</c>.</summary>
    public const uint DefaultPrivilegedStackSize = 1024;

    /// <summary>The geometry for <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The privilege stack size is not a multiple of the MPU alignment (Zephyr's build assert).</exception>
    public static StackGeometry For(ArcMpuVersion version, uint privilegedStackSize = DefaultPrivilegedStackSize)
    {
        uint alignment = version == ArcMpuVersion.V2 ? 2048u : ArcMpuV4.Granule;
        if (version == ArcMpuVersion.V4 && privilegedStackSize % alignment != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(privilegedStackSize), privilegedStackSize, $"must be a multiple of {alignment} (improper privilege stack size)");
        }

        return version == ArcMpuVersion.V2
            ? new StackGeometry(alignment, ReservedBytes: 0, GuardBytes: 0, PointerAlignment: 4, PowerOfTwoSize: true, privilegedStackSize)
            : new StackGeometry(alignment, ReservedBytes: alignment + privilegedStackSize, GuardBytes: alignment, PointerAlignment: 4, PowerOfTwoSize: false, privilegedStackSize);
    }
}
