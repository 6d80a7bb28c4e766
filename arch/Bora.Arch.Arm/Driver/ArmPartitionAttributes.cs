using Bora.Hal;

namespace Bora.Arch.Arm.Driver;

/// <summary>
/// Zephyr's <c>K_MEM_PARTITION_*</c> encodings for the ARM MPU (arch-spec §2.7): PMSAv7 RASR attribute
/// bits (<c>arm_mpu_v7m.h</c>) and PMSAv8 RBAR bits plus MAIR index (<c>arm_mpu_v8.h</c>).
/// </summary>
public static class ArmPartitionAttributes
{
    private const PartitionPermissions Access = ~PartitionPermissions.NoCache;

    /// <summary>The attributes Zephyr defines on PMSAv7 (each also with <c>_NOCACHE</c> where writable).</summary>
    public static IReadOnlySet<PartitionPermissions> V7Attributes { get; } = new HashSet<PartitionPermissions>
    {
        PartitionPermissions.P_NA_U_NA, PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RW_U_RO,
        PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RO_U_RO, PartitionPermissions.P_RO_U_NA,
        PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_RX, PartitionPermissions.P_RX_U_RX,
    };

    /// <summary>The attributes Zephyr defines on PMSAv8: no P_RW_U_RO, P_NA_U_NA or P_RWX_U_RX.</summary>
    public static IReadOnlySet<PartitionPermissions> V8Attributes { get; } = new HashSet<PartitionPermissions>
    {
        PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RO_U_RO,
        PartitionPermissions.P_RO_U_NA, PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RX_U_RX,
    };

    /// <summary>Whether <paramref name="version"/> has an encoding for <paramref name="permissions"/>.</summary>
    public static bool Supports(ArmMpuVersion version, PartitionPermissions permissions) =>
        (version == ArmMpuVersion.PmsaV7 ? V7Attributes : V8Attributes).Contains(permissions & Access);

    // P_RWX_U_NA is not a Zephyr partition attribute on ARM; the encoders accept it for the kernel-RAM
    // boot region of a non-XIP image, which is privileged read-write-execute.

    /// <summary>The PMSAv7 RASR attribute bits (XN, AP, TEX/S/C/B) for a partition, without SIZE and ENABLE.</summary>
    public static uint V7Rasr(PartitionPermissions permissions)
    {
        uint ap = (permissions & Access) switch
        {
            PartitionPermissions.P_NA_U_NA => 0b000,
            PartitionPermissions.P_RW_U_NA or PartitionPermissions.P_RWX_U_NA => 0b001,
            PartitionPermissions.P_RW_U_RO or PartitionPermissions.P_RWX_U_RX => 0b010,
            PartitionPermissions.P_RW_U_RW or PartitionPermissions.P_RWX_U_RWX => 0b011,
            PartitionPermissions.P_RO_U_NA => 0b101,
            PartitionPermissions.P_RO_U_RO or PartitionPermissions.P_RX_U_RX => 0b110,
            _ => throw Unsupported(ArmMpuVersion.PmsaV7, permissions),
        };
        uint xn = Executable(permissions) ? 0u : 1u;
        uint memory = (permissions & PartitionPermissions.NoCache) != 0
            ? (1u << 19) | (1u << 18) // TEX=1, S=1, C=0, B=0: normal, non-cacheable, shareable
            : (1u << 19) | (1u << 17) | (1u << 16); // TEX=1, C=1, B=1: normal, write-back
        return (xn << 28) | (ap << 24) | memory;
    }

    /// <summary>The PMSAv8 RBAR low bits (SH, AP, XN) and the MAIR attribute index for a partition.</summary>
    public static (uint Rbar, uint AttrIndex) V8Rbar(PartitionPermissions permissions)
    {
        uint ap = (permissions & Access) switch
        {
            PartitionPermissions.P_RW_U_NA or PartitionPermissions.P_RWX_U_NA => 0b00,
            PartitionPermissions.P_RW_U_RW or PartitionPermissions.P_RWX_U_RWX => 0b01,
            PartitionPermissions.P_RO_U_NA => 0b10,
            PartitionPermissions.P_RO_U_RO or PartitionPermissions.P_RX_U_RX => 0b11,
            _ => throw Unsupported(ArmMpuVersion.PmsaV8, permissions),
        };
        uint xn = Executable(permissions) ? 0u : 1u;
        bool noCache = (permissions & PartitionPermissions.NoCache) != 0;
        return ((noCache ? 0b10u << 3 : 0u) | (ap << 1) | xn, noCache ? 2u : 1u);
    }

    private static bool Executable(PartitionPermissions p) =>
        (p & (PartitionPermissions.SupervisorExecute | PartitionPermissions.UserExecute)) != 0;

    private static ArgumentException Unsupported(ArmMpuVersion version, PartitionPermissions p) =>
        new($"{p} has no {version} encoding (Zephyr does not define that attribute there)", nameof(p));
}
