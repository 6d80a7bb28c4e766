using Bora.Hal.Conformance;

namespace Bora.Arch.X86.Tests.Conformance;

[TestFixture]
public sealed class X86Paging32InvalidProgrammingConformance : InvalidProgrammingConformance
{
    protected override IEnumerable<InvalidProgrammingCase> Cases => X86InvalidProgrammingCases.For(X86PagingMode.Paging32);

    protected override ProtectionHarness CreateHarness() => new X86ProtectionHarness(X86PagingMode.Paging32);
}
