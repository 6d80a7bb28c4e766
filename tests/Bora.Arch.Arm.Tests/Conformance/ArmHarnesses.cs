using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests.Conformance;

/// <summary>The harness of each ARM MPU version.</summary>
internal static class ArmHarnesses
{
    public static ProtectionHarness Create(ArmMpuVersion version) => version switch
    {
        ArmMpuVersion.PmsaV7 => new PmsaV7Harness(),
        _ => new PmsaV8Harness(),
    };
}
