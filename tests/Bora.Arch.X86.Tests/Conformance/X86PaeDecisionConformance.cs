using Bora.Hal.Conformance;

namespace Bora.Arch.X86.Tests.Conformance;

[TestFixture]
public sealed class X86PaeDecisionConformance : DecisionConformance
{
    protected override IReadOnlyDictionary<string, string> NotApplicable => X86ConformanceTables.PaeDecision;

    protected override ProtectionHarness CreateHarness() => new X86ProtectionHarness(X86PagingMode.Pae);
}
