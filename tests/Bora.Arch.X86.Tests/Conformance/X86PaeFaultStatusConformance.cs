using Bora.Hal.Conformance;

namespace Bora.Arch.X86.Tests.Conformance;

[TestFixture]
public sealed class X86PaeFaultStatusConformance : FaultStatusConformance
{
    protected override ProtectionHarness CreateHarness() => new X86ProtectionHarness(X86PagingMode.Pae);
}
