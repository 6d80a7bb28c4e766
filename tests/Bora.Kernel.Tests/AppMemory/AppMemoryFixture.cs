using Bora.Kernel.Memory;
using Bora.Boards;
using Bora.Kernel.AppMemory;

namespace Bora.Kernel.Tests.AppMemory;

/// <summary>
/// Base of the app-memory tests: one kernel per test on a built-in board, fatal errors collected by a returning
/// handler, and helpers to link app memory, dirty it before boot and run user threads in domains.
/// </summary>
public abstract class AppMemoryFixture : IDisposable
{
    /// <summary>Byte written over the app-partition area before boot.</summary>
    protected const byte Junk = 0xA5;

    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];
    private BoraKernel? _kernel;

    /// <summary>Creates the fixture for <paramref name="board"/>.</summary>
    protected AppMemoryFixture(string board)
    {
        Board = board;
    }

    /// <summary>The six configurations.</summary>
    public static IEnumerable<string> Boards => KernelBoards.Names;

    /// <summary>The board under test.</summary>
    protected string Board { get; }

    /// <summary>The kernel of the running test.</summary>
    protected BoraKernel K => _kernel ?? throw new InvalidOperationException("the kernel is created in SetUp");

    /// <summary>The fatal errors so far.</summary>
    protected IReadOnlyList<(FatalReason Reason, FatalErrorReport Report)> Faults => _faults;

    /// <summary>The test assembly's app memory.</summary>
    protected static AppMemoryManifest Tests => AppMemoryManifest.Of(typeof(AppMemoryFixture).Assembly);

    [SetUp]
    public void CreateKernel()
    {
        _faults.Clear();
        KernelOptions options = KernelBoards.Get(Board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        _kernel = new BoraKernel(options);
        _kernel.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
    }

    [TearDown]
    public void DisposeKernel()
    {
        _kernel?.Dispose();
        _kernel = null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _kernel?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Links the given partitions of the test assembly (and, with <paramref name="libc"/>, the C library), after filling the area with junk.</summary>
    protected AppMemoryMap Link(bool libc, params string[] partitions)
    {
        MemoryArea area = K.Layout.AppPartitions;
        K.Machine.Bus.Memory.Fill(area.Start, area.Size, Junk);
        List<AppMemoryManifest> manifests = [Tests];
        List<string> names = [.. partitions];
        if (libc)
        {
            manifests.Add(Bora.Userspace.Libc.LibcPartitions.Manifest);
            names.AddRange([BoraKernel.LibcPartitionName, BoraKernel.MallocPartitionName]);
        }

        return K.LoadAppMemory(AppMemoryImage.Create(manifests, names));
    }

    /// <summary>Runs <paramref name="body"/> in the ztest thread (supervisor) until idle.</summary>
    protected void Run(Action body) => ZTest.Run(K, body);

    /// <summary>From a supervisor thread: a <c>K_USER</c> thread in <paramref name="domain"/> (or the creator's) runs <paramref name="body"/>; joined.</summary>
    protected ThreadHandle SpawnUser(string name, MemoryDomain? domain, Action body)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread(name), K.DefineStack(name + "_stack", 1024), 1024, (_, _, _) => body(), 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
        if (domain is not null)
        {
            Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
        }

        k_thread_start(t);
        Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        return t;
    }

    /// <summary>From a supervisor thread: a domain holding <paramref name="parts"/>.</summary>
    protected static MemoryDomain Domain(string name, params MemPartition[] parts)
    {
        MemoryDomain domain = K_MEM_DOMAIN(name);
        Assert.That(k_mem_domain_init(domain, (byte)parts.Length, parts), Is.Zero, $"k_mem_domain_init({name})");
        return domain;
    }

    /// <summary>Asserts no fatal error.</summary>
    protected void AssertNoFaults() => Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));

    /// <summary>Asserts one fatal error: a CPU exception of user thread <paramref name="culprit"/> at <paramref name="address"/> in <paramref name="domain"/>, which died.</summary>
    protected void AssertFault(ThreadHandle culprit, uint address, string domain, bool completed)
    {
        KThread thread = K.GetThread(culprit);
        Assert.Multiple(() =>
        {
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.CpuException }), () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(completed, Is.False, "the faulting access did not complete");
            Assert.That(thread.IsDead, Is.True);
            Assert.That(K.Halt, Is.Null);
            if (_faults.Count == 1)
            {
                FatalErrorReport r = _faults[0].Report;
                Assert.That(r.ThreadName, Is.EqualTo(thread.ThreadName));
                Assert.That(r.Mode, Is.EqualTo(Privilege.User));
                Assert.That(r.Domain, Is.EqualTo(domain));
                Assert.That(r.Fault!.Access.Address, Is.EqualTo(address));
                Assert.That(r.Fault.FaultAddress, Is.EqualTo(address));
            }
        });
    }
}
