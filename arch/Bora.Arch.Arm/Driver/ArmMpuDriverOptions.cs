namespace Bora.Arch.Arm.Driver;

/// <summary>Kconfig of Zephyr's ARM MPU driver.</summary>
public sealed class ArmMpuDriverOptions
{
    /// <summary><c>CONFIG_MPU_STACK_GUARD</c>: a guard region below every supervisor stack and privilege stack.</summary>
    public bool StackGuard { get; set; } = true;

    /// <summary><c>MPU_GUARD_ALIGN_AND_SIZE</c>: 64 bytes (a 32-byte fault frame must not fit beside a 32-byte guard).</summary>
    public uint GuardSize { get; set; } = 64;

    /// <summary><c>CONFIG_PRIVILEGED_STACK_SIZE</c>.</summary>
    public uint PrivilegedStackSize { get; set; } = 1024;

    /// <summary><c>!CONFIG_MPU_DISABLE_BACKGROUND_MAP</c>: MPU_CTRL.PRIVDEFENA.</summary>
    public bool BackgroundMap { get; set; } = true;

    /// <summary><c>CONFIG_XIP</c>: kernel RAM is execute-never.</summary>
    public bool Xip { get; set; } = true;

    /// <summary>
    /// <c>CONFIG_MPU_GAP_FILLING</c> (PMSAv8 only: it depends on <c>MPU_REQUIRES_NON_OVERLAPPING_REGIONS</c>; Zephyr's
    /// default is off with <c>CONFIG_USERSPACE</c>). Instead of clearing the kernel-RAM region at every switch, the
    /// driver splits it around each dynamic region (<c>mpu_configure_regions_and_partition</c>), so privileged accesses
    /// to kernel RAM stay covered by explicit, execute-never regions. Each dynamic region may then cost two MPU
    /// regions, which halves the partition limit.
    /// </summary>
    public bool GapFilling { get; set; }

    /// <summary>
    /// Text and rodata as two boot regions: text readable and executable at both privileges
    /// (<c>REGION_FLASH_ATTR</c>), rodata readable and execute-never, as Zephyr's ARMv8-R SoCs list
    /// <c>SRAM_TEXT</c> and <c>SRAM_RODATA</c>. It costs one boot region, so one partition (half of one with gap
    /// filling). Off (Zephyr's Cortex-M default) one region covers both and rodata is executable.
    /// </summary>
    public bool SplitTextRodata { get; set; }
}
