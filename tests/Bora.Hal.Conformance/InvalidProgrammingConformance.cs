using Bora.Hal;
using Bora.Machine;
using NUnit.Framework;

namespace Bora.Hal.Conformance;

/// <summary>
/// Invalid programming never throws into the host: it is reported on the model's diagnostics channel
/// and decided by the documented fallback.
/// </summary>
public abstract class InvalidProgrammingConformance : ConformanceFixture
{
    /// <summary>The backend's invalid-programming cases (at least one).</summary>
    protected abstract IEnumerable<InvalidProgrammingCase> Cases { get; }

    [Test]
    public void EveryCase_IsReported_NeverThrows_AndDecidesAsDocumented()
    {
        List<InvalidProgrammingCase> cases = [.. Cases];
        Assert.That(cases, Is.Not.Empty, "a backend must document at least one invalid-programming case");
        Assert.Multiple(() =>
        {
            foreach (InvalidProgrammingCase c in cases)
            {
                ProtectionHarness harness = CreateHarness();
                harness.Boot();
                int before = harness.Machine.Protection.InvalidProgramming.Count;
                Assert.That(() => c.Program(harness), Throws.Nothing, c.Name);
                Assert.That(harness.Machine.Protection.InvalidProgramming, Has.Count.GreaterThan(before), $"{c.Name}: reported on the diagnostics channel");
                foreach ((MemoryAccess access, bool allowed) in c.Probes)
                {
                    FaultRecord? fault = null;
                    Assert.That(() => fault = Probe(harness.Machine.Cpu, access), Throws.Nothing, $"{c.Name}: {access}");
                    Assert.That(fault is null, Is.EqualTo(allowed), $"{c.Name}: {access} -> {fault}");
                }
            }
        });
    }

    private static FaultRecord? Probe(Cpu cpu, MemoryAccess access) => access.IsStore
        ? cpu.TryWrite(access.Address, (int)access.Size, access.Kind, access.Privilege, 0)
        : cpu.TryRead(access.Address, (int)access.Size, access.Kind, access.Privilege, out _);
}
