using Bora.Hal.Conformance;

namespace Bora.Arch.X86.Tests.Conformance;

[TestFixture]
public sealed class X86Paging32FaultStatusConformance : FaultStatusConformance
{
    protected override IReadOnlyDictionary<string, string> NotApplicable => X86ConformanceTables.Paging32FaultStatus;

    protected override ProtectionHarness CreateHarness() => new X86ProtectionHarness(X86PagingMode.Paging32);
}
