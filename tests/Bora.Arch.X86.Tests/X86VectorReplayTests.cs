using Bora.Vectors;

namespace Bora.Arch.X86.Tests;

public sealed class X86VectorReplayTests
{
    private static string VectorFile(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "vectors", name);

    [Test]
    public void X86Seed1_EveryProbe_AgreesWithTheRecording()
    {
        var runner = new VectorRunner([new X86VectorArch()]);
        VectorFileReport report = runner.Run(VectorFile("x86-1.jsonl.gz"));
        TestContext.Out.WriteLine($"{report.File}: {report.Agree} agree, {report.Disagreements.Count} disagree");
        Assert.Multiple(() =>
        {
            Assert.That(report.Arch, Is.EqualTo(X86VectorArch.Name));
            Assert.That(report.Total, Is.EqualTo(7468), "every probe of the file is replayed");
            Assert.That(report.Disagreements, Is.Empty, string.Join(Environment.NewLine, report.Disagreements.Take(20)));
        });
    }
}
