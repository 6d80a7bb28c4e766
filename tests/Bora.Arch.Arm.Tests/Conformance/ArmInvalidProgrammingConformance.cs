using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests.Conformance;

[TestFixture(ArmMpuVersion.PmsaV7)]
[TestFixture(ArmMpuVersion.PmsaV8)]
public sealed class ArmInvalidProgrammingConformance(ArmMpuVersion version) : InvalidProgrammingConformance
{
    protected override IEnumerable<InvalidProgrammingCase> Cases =>
        version == ArmMpuVersion.PmsaV7 ? PmsaV7InvalidProgramming.Cases : PmsaV8InvalidProgramming.Cases;

    protected override ProtectionHarness CreateHarness() => ArmHarnesses.Create(version);
}
