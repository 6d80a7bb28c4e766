using Bora.Boards;
using Bora.Kernel.Memory;
using NUnit.Framework.Interfaces;

namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// Base of the memory-domain conformance suite: the same tests run on every built-in board (each backend's real
/// driver). It boots a kernel per test, collects fatal errors through a returning handler, and enforces the skip
/// policy — a test may be skipped only when <see cref="DomainNotApplicable"/> names it for the board, and any other
/// skip or inconclusive result fails.
/// </summary>
public abstract class DomainConformanceFixture : IDisposable
{
    /// <summary>Value written by the tests.</summary>
    protected const uint Pattern = 0xC0FF_EE00;

    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];
    private BoraKernel? _kernel;

    /// <summary>Creates the fixture for <paramref name="board"/>.</summary>
    protected DomainConformanceFixture(string board)
    {
        Board = board;
    }

    /// <summary>Every built-in board: the six configurations the suite runs on.</summary>
    public static IEnumerable<string> Boards => KernelBoards.Names;

    /// <summary>The board under test.</summary>
    protected string Board { get; }

    /// <summary>The kernel of the running test.</summary>
    protected BoraKernel K => _kernel ?? throw new InvalidOperationException("the kernel is created in SetUp");

    /// <summary>The board's protection driver.</summary>
    protected IProtectionDriver Driver => K.ProtectionDriver!;

    /// <summary>The fatal errors reported so far, in order.</summary>
    protected IReadOnlyList<(FatalReason Reason, FatalErrorReport Report)> Faults => _faults;

    /// <summary>The smallest partition the backend accepts (size and alignment).</summary>
    protected uint Granule => Driver.Capabilities.MinimumRegionSize;

    /// <summary>The size of the partitions the tests reserve: a page, so that x86 can express it and MPUs need one region.</summary>
    protected uint PartSize => Math.Max(Granule, 4096);

    [SetUp]
    public void BootKernel()
    {
        if (DomainNotApplicable.Reason(Board, TestContext.CurrentContext.Test.Name) is { } reason)
        {
            Assert.Ignore($"not applicable on {Board}: {reason}");
        }

        _faults.Clear();
        KernelOptions options = KernelBoards.Get(Board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        _kernel = new BoraKernel(options);
        _kernel.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
        Assert.That(Driver, Is.Not.Null, "every built-in board has a protection driver");
    }

    [TearDown]
    public void EnforceSkipPolicy()
    {
        _kernel?.Dispose();
        _kernel = null;
        ResultState outcome = TestContext.CurrentContext.Result.Outcome;
        string name = TestContext.CurrentContext.Test.Name;
        if (outcome.Status is TestStatus.Skipped or TestStatus.Inconclusive && DomainNotApplicable.Reason(Board, name) is null)
        {
            Assert.Fail($"'{name}' was skipped or inconclusive on {Board} but DomainNotApplicable does not list it");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _kernel?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reserves a partition-sized, partition-aligned area of kernel RAM and returns its start.</summary>
    protected uint Reserve(string name, uint? size = null) => K.Layout.ReservePartition(name, size ?? PartSize, size ?? PartSize).Start;

    /// <summary>Runs <paramref name="body"/> in the ztest thread (supervisor, cooperative) until the kernel is idle.</summary>
    protected void Run(Action body) => ZTest.Run(K, body);

    /// <summary>
    /// From a supervisor thread: creates a <c>K_USER</c> thread running <paramref name="body"/>, adds it to
    /// <paramref name="domain"/> (when given) before it starts, starts it and joins it.
    /// </summary>
    protected ThreadHandle SpawnUser(string name, MemoryDomain? domain, Action body, int priority = 1)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread(name), K.DefineStack(name + "_stack", 1024), 1024, (_, _, _) => body(), 0, 0, 0, K_PRIO_PREEMPT(priority), K_USER, K_FOREVER);
        if (domain is not null)
        {
            Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
        }

        k_thread_start(t);
        Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        return t;
    }

    /// <summary>From a supervisor thread: a new domain holding <paramref name="parts"/>.</summary>
    protected static MemoryDomain Domain(string name, params MemPartition[] parts)
    {
        MemoryDomain domain = K_MEM_DOMAIN(name);
        Assert.That(k_mem_domain_init(domain, (byte)parts.Length, parts), Is.Zero, $"k_mem_domain_init({name})");
        return domain;
    }

    /// <summary>From a supervisor thread: <c>K_MEM_PARTITION_DEFINE</c> over <paramref name="start"/> with <see cref="PartSize"/>.</summary>
    protected MemPartition Part(string name, uint start, PartitionPermissions attr = PartitionPermissions.P_RW_U_RW) =>
        K_MEM_PARTITION_DEFINE(name, start, PartSize, attr);

    /// <summary>Asserts that nothing faulted.</summary>
    protected void AssertNoFaults() =>
        Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));

    /// <summary>
    /// Asserts exactly one fatal error: its reason, its culprit (name, id, mode, domain), that the faulting access did
    /// not complete, that only the culprit died and the kernel did not halt, and — when given — the access that faulted.
    /// </summary>
    protected void AssertCulprit(ThreadHandle culprit, FatalReason reason, bool after, uint? address, AccessKind? kind = null, string? domain = null, Privilege mode = Privilege.User)
    {
        KThread thread = K.GetThread(culprit);
        Assert.Multiple(() =>
        {
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { reason }), () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(after, Is.False, "the faulting access did not complete");
            Assert.That(thread.IsDead, Is.True, "the culprit died");
            Assert.That(K.Halt, Is.Null);
            if (_faults.Count == 1)
            {
                FatalErrorReport report = _faults[0].Report;
                Assert.That(report.ThreadName, Is.EqualTo(thread.ThreadName));
                Assert.That(report.ThreadId, Is.EqualTo(thread.Id));
                Assert.That(report.Mode, Is.EqualTo(mode));
                Assert.That(report.ActiveRegions, Is.Not.Empty);
                if (domain is not null)
                {
                    Assert.That(report.Domain, Is.EqualTo(domain));
                }

                if (address is uint a)
                {
                    Assert.That(report.Fault, Is.Not.Null);
                    Assert.That(report.Fault!.Access.Address, Is.EqualTo(a), "the faulting access");
                    if (kind is AccessKind k)
                    {
                        Assert.That(report.Fault.Access.Kind, Is.EqualTo(k));
                    }

                    if (kind is not AccessKind.Execute)
                    {
                        Assert.That(report.Fault.FaultAddress, Is.EqualTo(a), "the fault address the arch latched");
                    }
                }
            }
        });
    }
}
