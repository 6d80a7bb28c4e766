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
}
