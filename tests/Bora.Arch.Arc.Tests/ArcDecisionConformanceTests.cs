using Bora.Hal.Conformance;

namespace Bora.Arch.Arc.Tests;

[TestFixture(ArcMpuVersion.V2)]
[TestFixture(ArcMpuVersion.V4)]
public sealed class ArcDecisionConformanceTests(ArcMpuVersion version) : DecisionConformance
{
    protected override ProtectionHarness CreateHarness() => new ArcProtectionHarness(version);
}
