using System.Text.RegularExpressions;
using Bora.Cli;

namespace Bora.Cli.Tests;

/// <summary>The producer_consumer and poll samples of <c>bora run</c>.</summary>
public sealed partial class IpcSampleTests
{
    private static readonly string[] Boards = ["mps2-an385", "mps2-an505", "nsim_em", "nsim_sem", "qemu_x86", "qemu_x86_nopae"];

    private static (int Exit, string Out, string Err) Bora(params string[] args) => Cli.Bora(args);

    [Test]
    public void ProducerConsumer_DeliversEveryMessageInOrder_BlocksOnAFullQueue_AndSummarises()
    {
        (int exit, string output, string error) = Bora("run", "producer_consumer");
        Assert.That(exit, Is.Zero, error);
        uint[] got = [.. GotLine().Matches(output).Select(m => uint.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Multiple(() =>
        {
            Assert.That(got, Is.EqualTo(Enumerable.Range(1, 24).Select(i => (uint)(i * 10))), "FIFO order, nothing lost");
            Assert.That(output, Does.Contain("waited for room"), "the producer outruns the consumer and blocks");
            Assert.That(output, Does.Contain("producer: done"));
            Assert.That(output, Does.Contain("summary: 24 messages, sum 3000, at most 4 of 4 queued"));
            Assert.That(output, Does.Contain("producer_consumer: 5.000 s of virtual time on mps2-an385"));
        });
    }

    [Test]
    public void Poll_ReportsEverySource_AndSummarises()
    {
        (int exit, string output, string error) = Bora("run", "poll");
        Assert.That(exit, Is.Zero, error);
        Assert.Multiple(() =>
        {
            Assert.That(WakeLine().Matches(output), Has.Count.EqualTo(20));
            Assert.That(output, Does.Contain("semaphore").And.Contain("fifo item 501").And.Contain("msgq message 1001").And.Contain("signal result 1"));
            Assert.That(output, Does.Contain("[ 0.300").Or.Contain("[  0.300"), "the first wake-up is the semaphore at 300 ms");
            Match summary = SummaryLine().Match(output);
            Assert.That(summary.Success, Is.True, output);
            int[] counts = [.. Enumerable.Range(1, 4).Select(g => int.Parse(summary.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture))];
            Assert.That(counts, Is.All.GreaterThan(0), "every source fired");
            Assert.That(counts[0], Is.GreaterThan(counts[3]), "the 300 ms semaphore fires more often than the 1100 ms signal");
        });
    }

    [TestCase("producer_consumer")]
    [TestCase("poll")]
    public void Samples_Twice_PrintTheSameLines(string sample)
    {
        (_, string first, _) = Bora("run", sample);
        (_, string second, _) = Bora("run", sample);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Samples_OnEveryBoard_ExitZeroAndFinish([ValueSource(nameof(Boards))] string board, [Values("producer_consumer", "poll")] string sample)
    {
        (int exit, string output, string error) = Bora("run", sample, "--board", board);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain("summary: "));
            Assert.That(output, Does.Contain($"{sample}: 5.000 s of virtual time on {board} ("));
        });
    }

    [GeneratedRegex(@"(?m)consumer: got\s+(\d+) \(rc 0,")]
    private static partial Regex GotLine();

    [GeneratedRegex(@"(?m)^\[\s*[\d.]+\] wake\s+\d+ \(rc 0\): .+$")]
    private static partial Regex WakeLine();

    [GeneratedRegex(@"summary: 20 wake-ups; semaphore (\d+), fifo (\d+), msgq (\d+), signal (\d+)")]
    private static partial Regex SummaryLine();
}
