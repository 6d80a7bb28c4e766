using Bora.Boards;

namespace Bora.Cli.Tests;

/// <summary><c>bora demo</c>: prod_consumer on the default board and one caught domain violation.</summary>
public sealed class DemoCommandTests
{
    [Test]
    public void Demo_RunsProdConsumer_ThenReportsAppBReadingAppAsMemory_AndExitsZero()
    {
        (int exit, string output, string error) = Cli.Bora("demo");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(error, Is.Empty);
            Assert.That(output, Does.StartWith($"Bora demo on {KernelBoards.DefaultName}:"));
            Assert.That(output, Does.Contain("<inf> app_b: processing payload #10 complete"));
            Assert.That(output, Does.Contain("<inf> app_a: SUCCESS"), "app A finishes although app B was killed");
            Assert.That(output, Does.Contain($"prod_consumer: 15.000 s of virtual time on {KernelBoards.DefaultName}"));
        });
    }

    [Test]
    public void Demo_FaultReport_NamesTheCulpritThreadItsDomainAndTheVictimPartition()
    {
        (_, string output, _) = Cli.Bora("demo");
        string[] reports = output.Split(">>> BORA FATAL ERROR")[1..];
        Assert.That(reports, Has.Length.EqualTo(1), "exactly one violation");
        string report = reports[0];
        Assert.Multiple(() =>
        {
            Assert.That(report, Does.StartWith(" 0: K_ERR_CPU_EXCEPTION"));
            Assert.That(report, Does.Contain("thread: 'app_b_thread'").And.Contain("user mode"));
            Assert.That(report, Does.Contain("domain: 'app_b_domain'"));
            Assert.That(report, Does.Contain("user read of 4 byte(s)"));
            Assert.That(report, Does.Contain("address lies in: app_a_partition"));
            Assert.That(report, Does.Contain("regions in force:").And.Contain("domain 'app_b_domain' slot 0"));
            Assert.That(output, Does.Not.Contain("the memory protection let it through"), "the read did not complete");
        });
    }
}
