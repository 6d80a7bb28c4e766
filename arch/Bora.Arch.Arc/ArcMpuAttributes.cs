namespace Bora.Arch.Arc;

/// <summary>
/// Region permission bits as MPU_RDP, MPU_RPER and MPU_EN hold them (<c>AUX_MPU_ATTR_*</c> in Zephyr's
/// <c>arc_mpu.h</c>). A user permission also grants the kernel the same access.
/// </summary>
[Flags]
public enum ArcMpuAttributes : uint
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>UE: user execute.</summary>
    UE = 0x008,

    /// <summary>UW: user write.</summary>
    UW = 0x010,

    /// <summary>UR: user read.</summary>
    UR = 0x020,

    /// <summary>KE: kernel execute.</summary>
    KE = 0x040,

    /// <summary>KW: kernel write.</summary>
    KW = 0x080,

    /// <summary>KR: kernel read.</summary>
    KR = 0x100,

    /// <summary>S: secure region (v4 MPU_RPER and MPU_EN).</summary>
    S = 0x8000,

    /// <summary>The six permission bits.</summary>
    PermissionMask = UE | UW | UR | KE | KW | KR,
}
