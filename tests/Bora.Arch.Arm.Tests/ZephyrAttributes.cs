using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests;

/// <summary>Zephyr's <c>K_MEM_PARTITION_*</c> encodings for the ARM MPUs (arch-spec §2.7).</summary>
internal static class ZephyrAttributes
{
    /// <summary>PMSAv7 RASR attribute bits (XN | AP | TEX=1 C=1 B=1), or null where Zephyr has none.</summary>
    public static uint? V7Rasr(PartitionPermissions permissions) => permissions switch
    {
        PartitionPermissions.P_RW_U_RW => 0x130B_0000,
        PartitionPermissions.P_RW_U_RO => 0x120B_0000,
        PartitionPermissions.P_RW_U_NA => 0x110B_0000,
        PartitionPermissions.P_RO_U_RO => 0x160B_0000,
        PartitionPermissions.P_RO_U_NA => 0x150B_0000,
        PartitionPermissions.P_NA_U_NA => 0x100B_0000,
        PartitionPermissions.P_RWX_U_RWX => 0x030B_0000,
        PartitionPermissions.P_RWX_U_RX => 0x020B_0000,
        PartitionPermissions.P_RX_U_RX => 0x060B_0000,
        _ => null,
    };

    /// <summary>PMSAv8 {RBAR bits (XN | AP&lt;&lt;1), MAIR index}, or null where Zephyr has none.</summary>
    public static (uint Rbar, uint MairIndex)? V8(PartitionPermissions permissions) => permissions switch
    {
        PartitionPermissions.P_RW_U_RW => (0x03, 1),
        PartitionPermissions.P_RW_U_NA => (0x01, 1),
        PartitionPermissions.P_RO_U_RO => (0x07, 1),
        PartitionPermissions.P_RO_U_NA => (0x05, 1),
        PartitionPermissions.P_RWX_U_RWX => (0x02, 1),
        PartitionPermissions.P_RX_U_RX => (0x06, 1),
        _ => null,
    };

    /// <summary>Zephyr's <c>size_to_mpu_rasr_size</c>: SIZE field for a power-of-two size of at least 32.</summary>
    public static uint V7SizeField(uint size) => (uint)(31 - uint.LeadingZeroCount(size) - 1);
}
