namespace Bora.Arch.Arm;

/// <summary>The MPU architecture a Cortex-M core implements.</summary>
public enum ArmMpuVersion
{
    /// <summary>ARMv7-M PMSAv7: power-of-two regions with subregions, highest region number wins.</summary>
    PmsaV7,

    /// <summary>ARMv8-M PMSAv8: base/limit regions on a 32-byte granule; overlapping regions fault.</summary>
    PmsaV8,
}
