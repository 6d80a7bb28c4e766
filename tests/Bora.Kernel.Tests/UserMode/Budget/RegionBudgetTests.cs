using Bora.Boards;
using Bora.Kernel.Memory;
using Bora.Kernel.Tests.UserMode.Conformance;
using Serilog.Events;

namespace Bora.Kernel.Tests.UserMode.Budget;

/// <summary>
/// The region budget on every board: the limit comes from the backend, a domain one partition over it is refused
/// with Zephyr's code and a structured Warning saying what holds the regions and what the domain needs, and the host
/// query's bytes-wasted arithmetic follows each arch's rounding.
/// </summary>
[TestFixtureSource(typeof(DomainConformanceFixture), nameof(DomainConformanceFixture.Boards))]
public sealed class RegionBudgetTests : IDisposable
{
    /// <summary>
    /// Bytes wasted by partitions of 3000, 100 and 32 bytes at page-aligned starts: PMSAv7 rounds to a power of two of
    /// at least 32 (1096 + 28 + 0), PMSAv8 and ARC v4 to 32 bytes (8 + 28 + 0), ARC v2 to a power of two of at least
    /// 2 KiB (1096 + 1948 + 2016), x86 out to 4 KiB pages (1096 + 3996 + 4064).
    /// </summary>
    private static readonly Dictionary<string, ulong> s_wasted = new(StringComparer.Ordinal)
    {
        ["mps2-an385"] = 1124,
        ["mps2-an505"] = 36,
        ["nsim_em"] = 5060,
        ["nsim_sem"] = 36,
        ["qemu_x86"] = 9156,
        ["qemu_x86_nopae"] = 9156,
    };

    /// <summary>Bytes wasted by one partition of 2 GiB + 1 at 0: a power of two rounds it to 4 GiB, 32 bytes adds 31, a page 4095.</summary>
    private static readonly Dictionary<string, ulong> s_wastedHuge = new(StringComparer.Ordinal)
    {
        ["mps2-an385"] = 0x7FFF_FFFF,
        ["mps2-an505"] = 31,
        ["nsim_em"] = 0x7FFF_FFFF,
        ["nsim_sem"] = 31,
        ["qemu_x86"] = 0xFFF,
        ["qemu_x86_nopae"] = 0xFFF,
    };

    private readonly string _board;
    private LogCapture _log = new();
    private BoraKernel? _kernel;

    public RegionBudgetTests(string board)
    {
        _board = board;
    }

    private BoraKernel K => _kernel ?? throw new InvalidOperationException("created in SetUp");

    private IProtectionDriver Driver => K.ProtectionDriver!;

    [SetUp]
    public void CreateKernel()
    {
        _log = new LogCapture();
        KernelOptions options = KernelBoards.Get(_board).CreateOptions();
        options.Logger = _log.Logger;
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        _kernel = new BoraKernel(options);
    }

    [TearDown]
    public void DisposeKernel() => Dispose();

    public void Dispose()
    {
        _kernel?.Dispose();
        _kernel = null;
    }

    [Test]
    public void EmptyBudget_ReadsTheLimitFromTheBackend()
    {
        RegionBudget budget = K.RegionBudgetFor([]);
        Assert.Multiple(() =>
        {
            Assert.That(budget.MaxPartitions, Is.EqualTo(Driver.MaxPartitionsPerDomain));
            Assert.That(budget.MaxPartitions, Is.EqualTo(K.Domains.MaxPartitions));
            Assert.That(budget.MaxPartitions, Is.Positive);
            Assert.That(budget.SlotsLeft, Is.EqualTo(budget.MaxPartitions));
            Assert.That(budget.BytesWasted, Is.Zero);
            if (budget.HasRegionLimit)
            {
                Assert.That(budget.BootRegions, Is.Positive, "text and kernel RAM hold regions");
                Assert.That(budget.PerThreadRegions, Is.Positive, "a user thread's stack holds a region");
                Assert.That(budget.TotalRegions, Is.EqualTo(budget.BootRegions + budget.PerThreadRegions + budget.MaxPartitions));
                Assert.That(budget.RegionsUsed, Is.EqualTo(budget.BootRegions + budget.PerThreadRegions));
            }
            else
            {
                Assert.That(budget.BootRegions + budget.PerThreadRegions, Is.Zero, "page tables hold no regions");
                Assert.That(budget.RegionsUsed, Is.Zero);
            }
        });
    }

    [Test]
    public void FullDomain_UsesEverySlot_AndOneMoreDoesNotFit()
    {
        MemPartition[] parts = Partitions(K.Domains.MaxPartitions + 1);
        RegionBudget full = K.RegionBudgetFor(parts.Take(parts.Length - 1));
        RegionBudget over = K.RegionBudgetFor(parts);
        Assert.Multiple(() =>
        {
            Assert.That(full.SlotsLeft, Is.Zero);
            Assert.That(full.Fits, Is.True);
            Assert.That(full.PartitionRegions, Is.EqualTo(K.Domains.MaxPartitions));
            Assert.That(over.SlotsLeft, Is.EqualTo(-1));
            Assert.That(over.Fits, Is.False);
            Assert.That(over.RegionsUsed, Is.EqualTo(full.RegionsUsed + 1));
        });
    }

    [Test]
    public void AddPartition_PastTheLimit_IsENOSPC_AndLogsTheBudget()
    {
        MemPartition[] parts = Partitions(K.Domains.MaxPartitions + 1);
        int rc = 0;
        ZTest.Run(K, () =>
        {
            MemoryDomain domain = K_MEM_DOMAIN("full_dom");
            Assert.That(k_mem_domain_init(domain, 0, null), Is.Zero);
            foreach (MemPartition p in parts.Take(parts.Length - 1))
            {
                Assert.That(k_mem_domain_add_partition(domain, p), Is.Zero, p.Name);
            }

            Assert.That(RefusalEvents(), Is.Empty, "nothing is logged while partitions fit");
            rc = k_mem_domain_add_partition(domain, parts[^1]);
        });

        Assert.That(rc, Is.EqualTo(-Errno.ENoSpc));
        AssertRefusal("k_mem_domain_add_partition", "full_dom", -Errno.ENoSpc, parts.Length);
    }

    [Test]
    public void Init_WithMorePartitionsThanTheLimit_IsEINVAL_AndLogsTheBudget()
    {
        MemPartition[] parts = Partitions(K.Domains.MaxPartitions + 1);
        int rc = 0;
        ZTest.Run(K, () => rc = k_mem_domain_init(K_MEM_DOMAIN("big_dom"), (byte)parts.Length, parts));

        Assert.That(rc, Is.EqualTo(-Errno.EInval));
        AssertRefusal("k_mem_domain_init", "big_dom", -Errno.EInval, parts.Length);
    }

    [Test]
    public void Init_WithinTheLimit_LogsNothing()
    {
        MemPartition[] parts = Partitions(K.Domains.MaxPartitions);
        int rc = -1;
        ZTest.Run(K, () => rc = k_mem_domain_init(K_MEM_DOMAIN("ok_dom"), (byte)parts.Length, parts));

        Assert.That(rc, Is.Zero);
        Assert.That(RefusalEvents(), Is.Empty);
    }

    [Test]
    public void BytesWasted_FollowTheArchsRounding()
    {
        uint area = K.Layout.ReservePartition("waste", 0x4000, 0x1000).Start;
        RegionBudget budget = K.RegionBudgetFor(
        [
            new MemPartition("a", area, 3000, PartitionPermissions.P_RW_U_RW),
            new MemPartition("b", area + 0x1000, 100, PartitionPermissions.P_RW_U_RW),
            new MemPartition("c", area + 0x2000, 32, PartitionPermissions.P_RW_U_RW),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(budget.BytesWasted, Is.EqualTo(s_wasted[_board]));
            Assert.That(budget.PartitionRegions, Is.EqualTo(3));
            Assert.That(budget.SlotsLeft, Is.EqualTo(K.Domains.MaxPartitions - 3));
        });
    }

    [Test]
    public void BytesWasted_OfAPartitionOver2GiB_DoNotOverflow() =>
        Assert.That(Driver.Budget([new MemoryPartition(0, 0x8000_0001, PartitionPermissions.P_RW_U_RW)]).BytesWasted, Is.EqualTo(s_wastedHuge[_board]));

    [Test]
    public void BytesWasted_OnPageTables_CountEveryPageAnUnalignedPartitionTouches()
    {
        if (Driver.Budget([]).HasRegionLimit)
        {
            // An MPU partition's start must already be aligned (ValidatePartition); only its size is rounded.
            Assert.That(Driver.Budget([new MemoryPartition(0x2000_0000, 0x100, PartitionPermissions.P_RW_U_RW)]).BytesWasted, Is.LessThan(4096UL));
            return;
        }

        // 0x100 bytes from 0xFF0 into a page touch two pages: 8192 - 256 wasted.
        RegionBudget budget = Driver.Budget([new MemoryPartition(0x0040_0FF0, 0x100, PartitionPermissions.P_RW_U_RW)]);
        Assert.That(budget.BytesWasted, Is.EqualTo(8192UL - 0x100));
    }

    [Test]
    public void DomainBudget_IsTheBudgetOfItsPartitions()
    {
        MemPartition[] parts = Partitions(2);
        MemoryDomain? domain = null;
        ZTest.Run(K, () =>
        {
            domain = K_MEM_DOMAIN("two_dom");
            Assert.That(k_mem_domain_init(domain, 2, parts), Is.Zero);
        });

        Assert.That(K.RegionBudgetFor(domain!), Is.EqualTo(K.RegionBudgetFor(parts)));
    }

    /// <summary><paramref name="count"/> granule-sized partitions the backend accepts, one granule apart.</summary>
    private MemPartition[] Partitions(int count)
    {
        uint size = Math.Max(Driver.Capabilities.MinimumRegionSize, 4096);
        uint start = K.Layout.ReservePartition("budget", size * (uint)count, size).Start;
        return [.. Enumerable.Range(0, count).Select(i => K.Domains.Define($"part{i}", start + (size * (uint)i), size, PartitionPermissions.P_RW_U_RW))];
    }

    private List<LogEvent> RefusalEvents() => [.. _log.Refusals()];

    private void AssertRefusal(string api, string domain, int result, int needed)
    {
        List<LogEvent> events = RefusalEvents();
        Assert.That(events, Has.Count.EqualTo(1), () => string.Join("\n", _log.Events.Select(e => e.RenderMessage())));
        LogEvent e = events[0];
        TestContext.Out.WriteLine(e.RenderMessage());
        RegionBudget budget = Driver.Budget([]);
        Assert.Multiple(() =>
        {
            Assert.That(e.Level, Is.EqualTo(LogEventLevel.Warning));
            Assert.That(LogCapture.Scalar(e, "Api"), Is.EqualTo(api));
            Assert.That(LogCapture.Scalar(e, "Domain"), Is.EqualTo(domain));
            Assert.That(LogCapture.Scalar(e, "Result"), Is.EqualTo(result));
            Assert.That(LogCapture.Scalar(e, "NeededPartitions"), Is.EqualTo(needed));
            Assert.That(LogCapture.Scalar(e, "MaxPartitions"), Is.EqualTo(Driver.MaxPartitionsPerDomain));
            Assert.That(LogCapture.Scalar(e, "Arch"), Is.EqualTo(Driver.Arch.Name));
            Assert.That(LogCapture.Scalar(e, "TotalRegions"), Is.EqualTo(budget.TotalRegions));
            Assert.That(LogCapture.Scalar(e, "BootRegions"), Is.EqualTo(budget.BootRegions));
            Assert.That(LogCapture.Scalar(e, "PerThreadRegions"), Is.EqualTo(budget.PerThreadRegions));
            Assert.That(LogCapture.Scalar(e, "NeededRegions"), Is.EqualTo(budget.RegionsUsed + needed));
            IReadOnlyList<string> holders = LogCapture.Sequence(e, "Holders");
            Assert.That(holders, Is.Not.Empty);
            if (budget.HasRegionLimit)
            {
                Assert.That(holders, Has.Some.Contains("boot:"), "the boot regions are named");
            }

            Assert.That(e.RenderMessage(), Does.Contain(domain).And.Contain(Driver.Arch.Name));
        });
    }
}
