using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests.Conformance;

[TestFixture(ArmMpuVersion.PmsaV7)]
[TestFixture(ArmMpuVersion.PmsaV8)]
public sealed class ArmFaultStatusConformance(ArmMpuVersion version) : FaultStatusConformance
{
    protected override ProtectionHarness CreateHarness() => ArmHarnesses.Create(version);
}
