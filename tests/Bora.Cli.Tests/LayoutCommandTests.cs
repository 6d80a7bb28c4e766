namespace Bora.Cli.Tests;

/// <summary><c>bora layout</c>: golden reports for both app-memory samples on every board, and argument errors.</summary>
public sealed class LayoutCommandTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from sample in new[] { "prod_consumer", "shared_mem" }
        from board in Cli.Boards
        select new TestCaseData(sample, board);

    [TestCaseSource(nameof(Cases))]
    public void Layout_MatchesTheGoldenReport(string sample, string board)
    {
        (int exit, string output, string error) = Cli.Bora("layout", sample, "--board", board);
        Assert.That(exit, Is.Zero, error);
        Golden.AssertMatches($"layout.{sample}.{board}.txt", output);
    }

    [TestCaseSource(nameof(Cases))]
    public void Layout_OptimisedOrder_WastesNoMoreThanDeclarationOrder(string sample, string board)
    {
        string output = Cli.Bora("layout", sample, "--board", board).Out;
        string[] declaration = output.Split('\n').Single(l => l.StartsWith("declaration ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] optimised = output.Split('\n').Single(l => l.StartsWith("optimised ", StringComparison.Ordinal) && !l.StartsWith("optimised order", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(int.Parse(optimised[3], System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(int.Parse(declaration[3], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(optimised[2], Is.EqualTo(declaration[2]), "same globals");
        });
    }

    [Test]
    public void Layout_WithoutBoard_ReportsEveryBoard()
    {
        (int exit, string output, _) = Cli.Bora("layout", "shared_mem");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            foreach (string board in Cli.Boards)
            {
                Assert.That(output, Does.Contain($"shared_mem on {board} ("));
            }
        });
    }

    [Test]
    public void Layout_ProdConsumerOnPmsaV7_OptimisedOrderSavesTheAlignmentGap()
    {
        string output = Cli.Bora("layout", "prod_consumer", "--board", "mps2-an385").Out;
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("placed in optimised order: shared_partition, app_a_partition, app_b_partition"));
            Assert.That(output, Does.Contain("optimised order saves 4032 bytes"));
        });
    }

    [TestCase("bora layout: 'philosophers' is not a sample with app memory; the samples with app memory are: prod_consumer, shared_mem", "layout", "philosophers")]
    [TestCase("bora layout: unknown board 'stm32f4_disco'; the boards are: mps2-an385, ", "layout", "shared_mem", "--board", "stm32f4_disco")]
    public void BadArguments_AreOneClearLine_AndExitTwo(string expected, params string[] args)
    {
        (int exit, string output, string error) = Cli.Bora(args);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.StartWith(expected));
        });
    }
}
