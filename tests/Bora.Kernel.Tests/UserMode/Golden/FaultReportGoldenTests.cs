using Bora.Boards;
using Bora.Kernel.Memory;
using Bora.Kernel.Tests.UserMode.Conformance;

namespace Bora.Kernel.Tests.UserMode.Golden;

/// <summary>
/// DESIGN §7's fault report, byte for byte, per board: the same three scenarios on every backend, each compared with a
/// golden file under <c>Reports/</c> whose header states the board and the protection profile it was taken under.
/// </summary>
[TestFixtureSource(typeof(DomainConformanceFixture), nameof(Boards))]
public sealed class FaultReportGoldenTests : DomainConformanceFixture
{
    public FaultReportGoldenTests(string board)
        : base(board)
    {
    }

    /// <summary>
    /// A user thread of <c>app_a</c> writes into <c>part_b</c>, a partition of another domain: the report names the
    /// other domain's partition and the culprit's own partitions around the address.
    /// </summary>
    [Test]
    public void CrossDomainWrite_ReportIsByteStable()
    {
        uint partA = Reserve("part_a");
        uint partB = Reserve("part_b");
        ThreadHandle culprit = default;
        Run(() =>
        {
            MemoryDomain domA = Domain("dom_a", Part("part_a", partA));
            _ = Domain("dom_b", Part("part_b", partB));
            culprit = SpawnUser("app_a", domA, () => K.Machine.Cpu.WriteUInt32(partB + 0x10, Pattern));
        });

        FatalErrorReport report = SingleReport(culprit, FatalReason.CpuException);
        string text = report.ToString();
        Assert.Multiple(() =>
        {
            AssertDesignSection7(report, text, "dom_a");
            Assert.That(text, Does.Contain("'part_b'").And.Contain("domain 'dom_b'"), "the other domain's partition is named");
            Assert.That(text, Does.Contain("'part_a'"), "the culprit's own partition, nearest the address");
        });
        GoldenFile.AssertMatches($"{Board}.cross_domain_write.txt", Golden(report));
    }

    /// <summary>A user thread writes into a <c>P_RO_U_RO</c> partition of its own domain: attempted write, allowed read.</summary>
    [Test]
    public void ReadOnlyPartitionWrite_ReportIsByteStable()
    {
        uint ro = Reserve("part_ro");
        ThreadHandle culprit = default;
        Run(() => culprit = SpawnUser("app_ro", Domain("dom_ro", Part("part_ro", ro, PartitionPermissions.P_RO_U_RO)), () => K.Machine.Cpu.WriteUInt32(ro + 0x20, Pattern)));

        FatalErrorReport report = SingleReport(culprit, FatalReason.CpuException);
        string text = report.ToString();
        Assert.Multiple(() =>
        {
            AssertDesignSection7(report, text, "dom_ro");
            Assert.That(text, Does.Contain("'part_ro'").And.Contain("contains the address"));
            Assert.That(text, Does.Match(@"allowed: user read\b"), "a read-only partition allows the user to read");
        });
        GoldenFile.AssertMatches($"{Board}.read_only_write.txt", Golden(report));
    }

    /// <summary>A user thread recurses until its stack overflows: <c>K_ERR_STACK_CHK_FAIL</c>, the stack named.</summary>
    [Test]
    public void UserStackOverflow_ReportIsByteStable()
    {
        ThreadHandle culprit = default;
        Run(() => culprit = SpawnUser("app_deep", Domain("dom_deep"), () => Recurse()));

        FatalErrorReport report = SingleReport(culprit, FatalReason.StackCheckFail);
        string text = report.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("K_ERR_STACK_CHK_FAIL"));
            Assert.That(text, Does.Contain("thread: 'app_deep'").And.Contain("user mode"));
            Assert.That(text, Does.Contain("domain: 'dom_deep'"));
            Assert.That(text, Does.Contain("app_deep_stack"), "the overflowed stack is named");
            Assert.That(report.ActiveRegions, Is.Not.Empty);
        });
        GoldenFile.AssertMatches($"{Board}.user_stack_overflow.txt", Golden(report));
    }

    private static void Recurse()
    {
        using StackFrame frame = StackFrame.Push(64);
        Recurse();
    }

    /// <summary>The arch status registers DESIGN §3 and §7 name, per backend.</summary>
    private static string[] StatusRegistersOf(ArchId arch) =>
        arch.Name.StartsWith("arm", StringComparison.Ordinal) ? ["MMFSR", "MMFAR"]
        : arch.Name.StartsWith("arc", StringComparison.Ordinal) ? ["ECR", "EFA"]
        : ["ErrorCode", "CR2"];

    /// <summary>Asserts what DESIGN §7 lists: thread, mode, domain, partitions, attempted vs allowed, status registers, symbol, regions.</summary>
    private void AssertDesignSection7(FatalErrorReport report, string text, string domain)
    {
        Assert.That(text, Does.Contain($"thread: '{report.ThreadName}'").And.Contain("user mode"));
        Assert.That(text, Does.Contain($"domain: '{domain}'"));
        Assert.That(text, Does.Contain("partition"));
        Assert.That(text, Does.Contain("attempted: user write of 4 byte(s)"));
        Assert.That(text, Does.Contain("allowed: "));
        foreach (string register in StatusRegistersOf(Driver.Arch))
        {
            Assert.That(text, Does.Contain(register), $"the decoded {register}");
        }

        Assert.That(report.PcSymbol, Does.Not.StartWith("0x"), "the faulting PC is named by a symbol");
        Assert.That(text, Does.Contain("pc: " + report.PcSymbol));
        Assert.That(text, Does.Contain("regions in force"));
    }

    private FatalErrorReport SingleReport(ThreadHandle culprit, FatalReason reason)
    {
        Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { reason }), () => string.Join("\n", Faults.Select(f => f.Report)));
        FatalErrorReport report = Faults[0].Report;
        Assert.That(report.ThreadId, Is.EqualTo(K.GetThread(culprit).Id));
        return report;
    }

    /// <summary>The golden text: a header naming the board and its protection profile, then the report.</summary>
    private string Golden(FatalErrorReport report) =>
        $"# board: {Board} ({KernelBoards.Get(Board).Description})\n# profile: {GoldenProfiles.Of(Board)}\n{report}";
}
