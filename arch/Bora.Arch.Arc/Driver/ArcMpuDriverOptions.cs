namespace Bora.Arch.Arc.Driver;

/// <summary>Kconfig of Zephyr's ARC MPU driver.</summary>
public sealed class ArcMpuDriverOptions
{
    /// <summary>
    /// <c>CONFIG_MPU_STACK_GUARD</c>: a 32-byte guard region below every supervisor stack and privilege
    /// stack. <see langword="null"/> picks Zephyr's default: on for MPU v4; MPU v2 cannot have it
    /// (<c>MPU_STACK_GUARD depends on ARC_MPU_VER != 2</c>).
    /// </summary>
    public bool? StackGuard { get; set; }

    /// <summary>
    /// <c>CONFIG_ARC_STACK_CHECKING</c>: every switch programs KSTACK_TOP/BASE (and USTACK_TOP/BASE for user
    /// threads) and runs the thread with STATUS32.SC. <see langword="null"/> picks on for MPU v2 (its only
    /// overflow detection) and off for MPU v4 (which uses the guard).
    /// </summary>
    public bool? StackChecking { get; set; }

    /// <summary><c>CONFIG_PRIVILEGED_STACK_SIZE</c>.</summary>
    public uint PrivilegedStackSize { get; set; } = ArcStackGeometry.DefaultPrivilegedStackSize;
}
