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

    /// <summary>
    /// <c>CONFIG_MPU_GAP_FILLING</c> (MPU v4 only: it depends on <c>MPU_REQUIRES_NON_OVERLAPPING_REGIONS</c>; Zephyr's
    /// default is off with <c>CONFIG_USERSPACE</c>). Kernel RAM gets a region of its own (kernel read/write) instead of
    /// the default region, and every switch splits it around the thread's regions, so kernel-mode accesses outside the
    /// image's regions fall to the default region only where no region is meant to be. Each thread region and
    /// partition may then cost two indices, which roughly halves the partition limit.
    /// </summary>
    public bool GapFilling { get; set; }

    /// <summary>
    /// Text (UE UR KE KR) and rodata (UR KR, not executable) as two boot regions instead of one
    /// <c>REGION_ROM_ATTR</c> region over both: one boot region more, so one partition less. MPU v2 rounds each to an
    /// aligned power of two; a layout where the rounded regions meet is refused at boot.
    /// </summary>
    public bool SplitTextRodata { get; set; }
}
