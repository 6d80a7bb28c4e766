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

    [TestCase("error_code", 7, 5)]
    [TestCase("cr2", 2511045534, 2511045535)]
    [TestCase("outcome", "pagefault", "ok")]
    public void AlteredRecording_IsReportedAsADisagreement(string field, object recorded, object altered)
    {
        string[] lines = [.. ReadLines("x86-1.jsonl.gz").Take(2)];
        string vector = field switch
        {
            "error_code" => Probe("\"outcome\": \"pagefault\", \"vector\": 14, \"error_code\": 5, \"cr2\": 2511045534, \"faulting_eip\": 2511045534"),
            "cr2" => Probe("\"outcome\": \"pagefault\", \"vector\": 14, \"error_code\": 21, \"cr2\": 2511045535, \"faulting_eip\": 2511045534"),
            _ => Probe("\"outcome\": \"ok\", \"vector\": null, \"error_code\": null, \"cr2\": null"),
        };
        string truth = Probe("\"outcome\": \"pagefault\", \"vector\": 14, \"error_code\": 21, \"cr2\": 2511045534, \"faulting_eip\": 2511045534");

        VectorFileReport report = Replay([lines[0], lines[1], truth, vector]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Agree, Is.EqualTo(1), "the recorded probe (config 0, probe 1: a user fetch from an XD page) agrees");
            Assert.That(report.Disagreements, Has.Count.EqualTo(1));
            Assert.That(report.Disagreements.Single().Mismatches.Select(m => m.Field), Does.Contain(field), $"{recorded} vs {altered}");
        });
    }

    [Test]
    public void QemuRsvdWithoutPFlag_ExpectsTheSdmErrorCode()
    {
        string[] lines = [.. ReadLines("x86-1.jsonl.gz")];
        string flagged = lines.First(l => l.Contains("qemu-rsvd-without-p", StringComparison.Ordinal));
        int configId = int.Parse(flagged.Split("\"config_id\": ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        string config = lines.First(l => l.StartsWith($"{{\"type\": \"config\", \"id\": {configId},", StringComparison.Ordinal));
        string unflagged = flagged.Replace(", \"flags\": [\"qemu-rsvd-without-p\"]", string.Empty, StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(Replay([lines[0], config, flagged]).Disagreements, Is.Empty, "flag policy: recorded code | P");
            Assert.That(Replay([lines[0], config, unflagged]).Disagreements, Has.Count.EqualTo(1), "without the flag the raw QEMU code (P clear) disagrees");
        });
    }

    private static string Probe(string result) =>
        "{\"type\": \"vector\", \"config_id\": 0, \"probe_index\": 1, \"probe\": {\"addr\": 2511045534, \"size\": 1, \"access\": \"exec\", \"ring\": 3, \"placement\": \"page-table\"}, \"result\": {" + result + "}}";

    private static IEnumerable<string> ReadLines(string name)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(VectorFile(name)), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is string line)
        {
            yield return line;
        }
    }

    private static VectorFileReport Replay(IEnumerable<string> lines)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return new VectorRunner([new X86VectorArch()]).Run("inline", stream);
    }
}
