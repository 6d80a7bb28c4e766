namespace Bora.Cli.Tests;

/// <summary>
/// DESIGN §5 / issue 7: the same sample runs unchanged with protection off (<c>bora run … --userspace false</c>) and
/// prints the same results on every board; only the run summary (trace records, switches) may differ.
/// </summary>
[TestFixtureSource(typeof(Cli), nameof(Cli.Boards))]
public sealed class UserspaceOffTests(string board)
{
    /// <summary>
    /// The trap's modelled cost is gone with protection off, so timestamps are left out; shared_mem's threads also
    /// interleave their lines by that cost, so lines are compared as a multiset (docs/samples.md).
    /// </summary>
    [TestCase("prod_consumer")]
    [TestCase("shared_mem")]
    public void Sample_PrintsTheSameResults_WithUserspaceOnAndOff(string sample)
    {
        (int onExit, string on, string onErr) = Cli.Bora("run", sample, "--board", board);
        (int offExit, string off, string offErr) = Cli.Bora("run", sample, "--board", board, "--userspace", "false");
        Assert.Multiple(() =>
        {
            Assert.That(onExit, Is.Zero, onErr);
            Assert.That(offExit, Is.Zero, offErr);
            Assert.That(Results(off, sample), Is.EquivalentTo(Results(on, sample)));
            Assert.That(Results(on, sample), Is.Not.Empty);
        });
    }

    [Test]
    public void UserspaceOption_RejectsANonBoolean()
    {
        (int exit, _, string err) = Cli.Bora("run", "prod_consumer", "--board", board, "--userspace", "maybe");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(err, Does.Contain("maybe"));
    }

    /// <summary>The sample's own lines: everything but the runner's summary line.</summary>
    private static string[] Results(string output, string sample) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith($"{sample}: ", StringComparison.Ordinal))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"^\[\d\d:\d\d:\d\d\.\d{3}\] ", string.Empty))];
}
