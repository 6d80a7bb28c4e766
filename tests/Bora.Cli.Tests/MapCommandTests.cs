using Bora.Boards;
using Bora.Hal;
using Bora.Kernel;

namespace Bora.Cli.Tests;

/// <summary><c>bora map</c>: the boot regions and each domain's partitions and regions, on every board.</summary>
public sealed class MapCommandTests
{
    [TestCaseSource(typeof(Cli), nameof(Cli.Boards))]
    public void Map_ListsTheBootRegions_TheTextRegionCoveringTheImagesText(string board)
    {
        (IReadOnlyList<RegionUse> boot, uint textStart) = BootOf(board);
        (int exit, string output, string error) = Cli.Bora("map", "--board", board);
        Assert.That(exit, Is.Zero, error);
        List<string[]> rows = MapTable.Rows(MapTable.Section(output, "boot regions"), "region");
        RegionUse text = boot.Single(r => r.Holder.StartsWith("boot: text", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith(board + " ("));
            Assert.That(text.Range.Start, Is.LessThanOrEqualTo(textStart), "the text region covers the image's text");
            Assert.That(text.Range.End, Is.GreaterThan(textStart));
            Assert.That(rows, Has.Count.EqualTo(boot.Count), "one row per boot region");
            Assert.That(rows.Select(r => (r[1], r[4], r[5])), Is.EqualTo(boot.Select(r => ($"0x{r.Range.Start:X8}", r.Permissions.ToString(), r.Holder))));
            Assert.That(rows.Select(r => r[2]), Is.EqualTo(boot.Select(r => $"0x{r.Range.End - 1:X8}")), "limits are the last byte");
        });
    }

    [TestCaseSource(typeof(Cli), nameof(Cli.Boards))]
    public void Map_ProdConsumer_EachAppDomainHoldsItsPartitionAndTheSharedOne_AndTheirRegionsAreProgrammed(string board)
    {
        (int exit, string output, string error) = Cli.Bora("map", "--board", board, "--sample", "prod_consumer");
        Assert.That(exit, Is.Zero, error);
        (string A, string B) bases = (PartitionBase(output, "app_a_domain", "app_a_partition"), PartitionBase(output, "app_b_domain", "app_b_partition"));
        string sharedA = PartitionBase(output, "app_a_domain", "shared_partition");
        string sharedB = PartitionBase(output, "app_b_domain", "shared_partition");
        List<string[]> regionsA = MapTable.Rows(MapTable.Section(output, "domain 'app_a_domain'"), "region");
        List<string[]> regionsB = MapTable.Rows(MapTable.Section(output, "domain 'app_b_domain'"), "region");
        (IReadOnlyList<RegionUse> boot, _) = BootOf(board);
        Assert.Multiple(() =>
        {
            Assert.That(sharedB, Is.EqualTo(sharedA), "both domains contain the same shared partition");
            Assert.That(new[] { bases.A, bases.B, sharedA }, Is.Unique);
            Assert.That(output, Does.Contain("domain 'app_a_domain' (threads: ").And.Contain("writeback_thread").And.Contain("app_a_thread"));
            Assert.That(output, Does.Contain("domain 'app_b_domain' (threads: app_b_thread)"));
            Assert.That(regionsA.Where(r => r[5].StartsWith("domain 'app_a_domain'", StringComparison.Ordinal)).Select(r => r[1]), Is.SupersetOf(new[] { bases.A, sharedA }));
            Assert.That(regionsB.Where(r => r[5].StartsWith("domain 'app_b_domain'", StringComparison.Ordinal)).Select(r => r[1]), Is.SupersetOf(new[] { bases.B, sharedB }));
            Assert.That(Covering(regionsB, bases.A), Is.All.EndsWith("_U_NA"), "app B's thread gets no user access to app A's partition");
            Assert.That(Covering(regionsA, bases.B), Is.All.EndsWith("_U_NA"), "app A's thread gets no user access to app B's partition");
            Assert.That(regionsA.Any(r => r[5].StartsWith("user stack of 'map_probe_app_a_domain'", StringComparison.Ordinal)), Is.True, "the user stack of the domain's thread");
            Assert.That(regionsA.Select(r => r[5]), Is.SupersetOf(boot.Where(r => r.Holder.StartsWith("boot: text", StringComparison.Ordinal)).Select(r => r.Holder)), "the boot text region stays");
        });
    }

    [Test]
    public void Map_WithoutASample_ShowsOnlyTheDefaultDomain_WithItsBudget()
    {
        (int exit, string output, _) = Cli.Bora("map");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output, Does.Contain("domain 'k_mem_domain_default' (threads: "));
            Assert.That(output, Does.Contain("partitions: none"));
            Assert.That(output, Does.Contain("budget: 8 regions = 2 boot + 2 per thread + 0 for partitions + 4 left"), "mps2-an385: 8 MPU regions");
            Assert.That(output, Does.Not.Contain("app_a_domain"));
        });
    }

    [Test]
    public void Map_Twice_PrintsTheSameText()
    {
        Assert.That(Cli.Bora("map", "--board", "qemu_x86", "--sample", "prod_consumer").Out, Is.EqualTo(Cli.Bora("map", "--board", "qemu_x86", "--sample", "prod_consumer").Out));
    }

    [TestCase("bora map: unknown board 'stm32f4_disco'; the boards are: mps2-an385, ", "map", "--board", "stm32f4_disco")]
    [TestCase("bora map: unknown sample 'hello_world'; the samples are: philosophers, producer_consumer, poll, prod_consumer, shared_mem", "map", "--sample", "hello_world")]
    [TestCase("bora map: cannot read the duration 'soon'", "map", "--at", "soon")]
    [TestCase("bora run: unknown board 'stm32f4_disco'; the boards are: mps2-an385, ", "run", "prod_consumer", "--board", "stm32f4_disco")]
    [TestCase("bora run: unknown sample 'prod_consumers'; the samples are: philosophers, producer_consumer, poll, prod_consumer, shared_mem", "run", "prod_consumers")]
    public void BadArguments_AreOneClearLine_AndExitNonZero(string expected, params string[] args)
    {
        (int exit, string output, string error) = Cli.Bora(args);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), "bad input");
            Assert.That(output, Is.Empty);
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.StartWith(expected));
        });
    }

    /// <summary>The board's boot regions and its image's text start, from a kernel booted here (not from <c>bora</c>).</summary>
    private static (IReadOnlyList<RegionUse> Boot, uint TextStart) BootOf(string board)
    {
        using var kernel = new BoraKernel(KernelBoards.Get(board).CreateOptions());
        kernel.Boot();
        return (kernel.ProtectionDriver!.ActiveRegions(), kernel.Layout.Text.Start);
    }

    /// <summary>The attributes of every region row covering <paramref name="address"/> (hex text).</summary>
    private static IEnumerable<string> Covering(List<string[]> regions, string address)
    {
        static ulong Hex(string text) => Convert.ToUInt64(text[2..], 16);
        ulong a = Hex(address);
        return regions.Where(r => Hex(r[1]) <= a && a <= Hex(r[2])).Select(r => r[4]);
    }

    private static string PartitionBase(string output, string domain, string partition)
    {
        List<string[]> rows = MapTable.Rows(MapTable.Section(output, $"domain '{domain}'"), "slot");
        string[] row = rows.SingleOrDefault(r => r[4] == partition) ?? throw new AssertionException($"no {partition} in {domain}:\n{output}");
        Assert.That(row[3], Is.EqualTo("P_RW_U_RW"), "automatic partitions are read-write for user and kernel (their size follows the board's rules)");
        return row[1];
    }
}
