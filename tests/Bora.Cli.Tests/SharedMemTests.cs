namespace Bora.Cli.Tests;

/// <summary>
/// <c>bora run shared_mem</c>: the encryption pipeline through automatic partitions on every board. The messages are
/// the same everywhere; how the threads' lines interleave follows each board's modelled costs.
/// </summary>
public sealed class SharedMemTests
{
    private static string[] Lines(string output, string prefix) =>
        [.. output.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];

    [TestCaseSource(typeof(Cli), nameof(Cli.Boards))]
    public void SharedMem_EncryptsAndDecrypts_OnEveryBoard(string board)
    {
        (int exit, string output, string error) = Cli.Bora("run", "shared_mem", "--board", board);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(Lines(output, "ENC PT MSG: "), Is.EqualTo(new[]
            {
                "ENC PT MSG: PT: message to encrypt", "ENC PT MSG: yxzuexkgykrfnpwm", "ENC PT MSG: PT: message to encrypt", "ENC PT MSG: yxzuexkgykrfnpwm",
            }));
            Assert.That(Lines(output, "CT MSG: "), Is.EqualTo(new[] { "CT MSG: yxzuexkgykrfnpwm", "CT MSG: messagetoencrypt", "CT MSG: yxzuexkgykrfnpwm", "CT MSG: messagetoencrypt" }));
            Assert.That(Lines(output, "dom"), Is.EqualTo(new[] { "dom1 Created", "dom0 Created", "dom2 Created" }));
            Assert.That(output, Does.Not.Contain("FATAL").And.Not.Contain("<err>"));
        });
    }

    [Test]
    public void SharedMem_IsDeterministic()
    {
        Assert.That(Cli.Bora("run", "shared_mem", "--board", "nsim_sem").Out, Is.EqualTo(Cli.Bora("run", "shared_mem", "--board", "nsim_sem").Out));
    }
}
