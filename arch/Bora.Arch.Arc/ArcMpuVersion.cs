namespace Bora.Arch.Arc;

/// <summary>The ARC MPU programming interfaces Bora models (Zephyr's <c>CONFIG_ARC_MPU_VER</c>).</summary>
public enum ArcMpuVersion
{
    /// <summary>MPU v2: RDB/RDP pairs, power-of-two regions of at least 2 KiB, overlap allowed (lowest index wins).</summary>
    V2 = 2,

    /// <summary>MPU v4 (SecureShield): MPU_INDEX/RSTART/REND/RPER/PROBE, 32-byte granules, overlap is a machine check.</summary>
    V4 = 4,
}
