using Bora.Cli;

namespace Bora.Vectors.Tests;

public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Bora(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = BoraCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] ArmFiles() =>
        [.. CarriedVectorFiles.All().Where(f => CarriedVectorFiles.ArchOf(f).StartsWith("armv", StringComparison.Ordinal))];

    [Test]
    public void Vectors_ArmFiles_PrintsAgreementPerFile_AndExitsZero()
    {
        string[] files = ArmFiles();
        (int exit, string output, string error) = Bora(["vectors", .. files]);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(error, Is.Empty);
            foreach (string file in files)
            {
                Assert.That(output, Does.Match($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(file)}: \d+ agree, 0 disagree$"));
            }
        });
    }

    [Test]
    public void Vectors_MissingFile_ExitsNonZeroWithAMessageAndNoStackTrace()
    {
        (int exit, string output, string error) = Bora("vectors", "/no/such/file.jsonl");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliContext.BadInput));
            Assert.That(error, Does.Contain("/no/such/file.jsonl: cannot read the file"));
            Assert.That(error + output, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void Vectors_FileWithADisagreement_ExitsOneAndPrintsIt()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"disagree-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"type":"meta","arch":"armv8m-pmsav8","machine":"mps2-an505","mpu_regions":16,"memory_map":{"ram":[[536870912,536903680,"sram"]],"unmapped":[],"never_probed":[[3758096384,3759144960,"PPB"]]}}""",
            """{"type":"config","id":3,"config":{"ctrl":{"value":5},"mair0":255,"mair1":0,"regions":[]}}""",
            """{"type":"vector","config_id":3,"probe_index":7,"probe":{"addr":536870912,"size":4,"access":"read","privileged":false},"result":{"outcome":"ok","exception":0,"cfsr":0,"mmfsr":0,"bfsr":0,"ufsr":0,"hfsr":0,"mmfar":null,"bfar":null}}""",
        ]);
        try
        {
            (int exit, string output, _) = Bora("vectors", path);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(CliContext.Failure));
                Assert.That(output, Does.Contain(": 0 agree, 1 disagree"));
                Assert.That(output, Does.Contain("config 3 probe 7: outcome: expected ok, got memmanage"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Root_Help_ListsTheVectorsCommand()
    {
        (int exit, string output, _) = Bora("--help");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("vectors"));
        });
    }

    [Test]
    public void Vectors_NoFiles_IsAUsageError()
    {
        (int exit, _, string error) = Bora("vectors");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Is.Not.Empty);
    }
}
