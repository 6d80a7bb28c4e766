namespace Bora.Vectors.Tests;

public sealed class VectorReplayTests
{
    private static readonly HashSet<string> s_replayable = [.. KnownReplayers.Create().Select(r => r.ArchName)];

    public static IEnumerable<TestCaseData> ReplayableFiles() =>
        CarriedVectorFiles.All()
            .Where(f => s_replayable.Contains(CarriedVectorFiles.ArchOf(f)))
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    [Test]
    public void CarriedFiles_IncludeBothArmFiles()
    {
        string[] arches = [.. CarriedVectorFiles.All().Select(CarriedVectorFiles.ArchOf)];
        Assert.That(arches, Does.Contain("armv7m-pmsav7").And.Contain("armv8m-pmsav8"));
    }

    [TestCaseSource(nameof(ReplayableFiles))]
    public void Replay_CarriedFile_AgreesOnEveryProbe(string path)
    {
        VectorFileReport report = new VectorRunner(KnownReplayers.Create()).Run(path);
        Assert.Multiple(() =>
        {
            Assert.That(report.Total, Is.GreaterThan(1000), "the whole file was replayed");
            Assert.That(report.Disagreements, Is.Empty, () => string.Join(Environment.NewLine, report.Disagreements.Take(5)));
        });
    }

    [Test]
    public void EveryCarriedFile_HasARegisteredReplayer()
    {
        string[] missing = [.. CarriedVectorFiles.All()
            .Select(f => (File: Path.GetFileName(f), Arch: CarriedVectorFiles.ArchOf(f)))
            .Where(f => !s_replayable.Contains(f.Arch))
            .Select(f => $"{f.File} ({f.Arch})")];
        Assert.That(missing, Is.Empty, "files whose arch has no replayer in KnownReplayers: " + string.Join(", ", missing));
    }
}
