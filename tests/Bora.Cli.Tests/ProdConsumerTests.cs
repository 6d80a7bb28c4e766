using System.Globalization;
using System.Text.RegularExpressions;

namespace Bora.Cli.Tests;

/// <summary><c>bora run prod_consumer</c>: Zephyr's userspace producer/consumer on every board.</summary>
public sealed partial class ProdConsumerTests
{
    private const int NumLoops = 10;
    private const int Samples = 29;

    [TestCaseSource(typeof(Cli), nameof(Cli.Boards))]
    public void ProdConsumer_ProcessesEveryPayloadInAppB_WritesItBackInOrder_AndSucceeds(string board)
    {
        (int exit, string output, string error) = Cli.Bora("run", "prod_consumer", "--board", board);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(error, Is.Empty);
            Assert.That(output, Does.Not.Contain("FATAL"), "no thread faults in the plain sample");
            Assert.That(Matches(MonitorLine(), output), Is.EqualTo(Enumerable.Range(0, NumLoops)), "app A's monitor takes every payload, in order");
            Assert.That(Matches(ProcessedLine(), output), Is.EqualTo(Enumerable.Range(1, NumLoops)), "app B processes every payload, in order");
            Assert.That(Results(ProcessedLine(), output), Is.EqualTo(ExpectedSums()), "app B's sums of the driver's samples");
            Assert.That(Matches(WrittenLine(), output), Is.EqualTo(Enumerable.Range(0, NumLoops)), "app A writes each result back, in order");
            Assert.That(Results(WrittenLine(), output), Is.EqualTo(ExpectedSums()), "the driver receives app B's results");
            Assert.That(output, Does.Contain("<inf> app_a: magic_syscall turned the cookie 10 into 11"));
            Assert.That(output, Does.Contain("<inf> app_a: SUCCESS"));
            Assert.That(output, Does.Contain($"prod_consumer: 15.000 s of virtual time on {board} ("), "the sample's default duration");
        });
    }

    [Test]
    public void ProdConsumer_FollowsZephyrsTimeline_ProcessingStartsAfterAppBsFourSecondSleep()
    {
        (_, string output, _) = Cli.Bora("run", "prod_consumer");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("[00:00:01.000] <inf> sample_driver: sample_driver_foo_isr: count=0"), "the driver's first interrupt after 1 s");
            Assert.That(output, Does.Contain("[00:00:05.000] <inf> app_b: processing payload #1 complete"), "4 s of sleep, then 1 s of busy work");
            Assert.That(output, Does.Match(@"\[00:00:14\.00\d\] <inf> app_a: SUCCESS"), "at 14 s, plus the modelled cost of the syscalls on the way");
            Assert.That(output.IndexOf("got data payload #4", StringComparison.Ordinal), Is.GreaterThan(output.IndexOf("processing payload #1", StringComparison.Ordinal)),
                "app B runs cooperatively: app A's monitor waits until app B empties the incoming queue");
        });
    }

    [Test]
    public void ProdConsumer_PrintsTheSameLinesOnEveryBoard()
    {
        // Timestamps are left out: each arch's syscall trap has its own modelled cost (ARM stacks eight words, x86 five,
        // ARC none), so late lines may fall a millisecond apart from board to board.
        string[] lines = [.. Cli.Boards.Select(b => WithoutTimestamps(SampleLines(Cli.Bora("run", "prod_consumer", "--board", b).Out)))];
        Assert.That(lines[0], Does.Contain("SUCCESS"));
        Assert.That(lines, Is.All.EqualTo(lines[0]));
    }

    [Test]
    public void ProdConsumer_ForLessThanItNeeds_StopsBeforeSuccess_AndStillExitsZero()
    {
        (int exit, string output, _) = Cli.Bora("run", "prod_consumer", "--for", "3s");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("monitor thread got data payload #1").And.Not.Contain("SUCCESS"));
            Assert.That(output, Does.Contain("prod_consumer: 3.000 s of virtual time"));
        });
    }

    /// <summary>What app B computes, worked out here from the driver's documented samples: sample i of interrupt n is (29n + i) mod 97.</summary>
    private static IEnumerable<long> ExpectedSums() =>
        Enumerable.Range(0, NumLoops).Select(n => Enumerable.Range(0, Samples).Sum(i => (long)(((n * 29) + i) % 97)));

    private static string WithoutTimestamps(string lines) => Regex.Replace(lines, @"^\[\d\d:\d\d:\d\d\.\d{3}\] ", string.Empty, RegexOptions.Multiline);

    private static string SampleLines(string output) =>
        string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("prod_consumer: ", StringComparison.Ordinal)));

    private static int[] Matches(Regex pattern, string output) =>
        [.. pattern.Matches(output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static long[] Results(Regex pattern, string output) =>
        [.. pattern.Matches(output).Select(m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"<inf> app_a: monitor thread got data payload #(\d+)")]
    private static partial Regex MonitorLine();

    [GeneratedRegex(@"<inf> app_b: processing payload #(\d+) complete: 29 samples, sum (\d+)")]
    private static partial Regex ProcessedLine();

    [GeneratedRegex(@"<inf> sample_driver: sample_driver_foo_write: payload of interrupt (\d+) processed, result (\d+)")]
    private static partial Regex WrittenLine();
}
