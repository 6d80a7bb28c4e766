using System.Text;
using Bora.Boards;
using Bora.Kernel.Memory;
using Bora.Kernel.Syscalls;

namespace Bora.Kernel.Tests.Syscalls;

/// <summary>
/// Base of the syscall-gate tests: the same tests on every built-in board (each backend's exception model and
/// protection driver). A kernel per test, fatal errors collected through a returning handler, a user partition
/// (<see cref="UserBuffer"/>) in the test domain for buffers, and helpers to run user threads and assert that an oops
/// killed only its caller.
/// </summary>
public abstract class SyscallFixture : IDisposable
{
    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];
    private BoraKernel? _kernel;

    /// <summary>Creates the fixture for <paramref name="board"/>.</summary>
    protected SyscallFixture(string board)
    {
        Board = board;
    }

    /// <summary>Every built-in board.</summary>
    public static IEnumerable<string> Boards => KernelBoards.Names;

    /// <summary>The board under test.</summary>
    protected string Board { get; }

    /// <summary>Whether the board is a Cortex-M one (the SVC frame goes on the user stack).</summary>
    protected bool IsArm => Board.StartsWith("mps2", StringComparison.Ordinal);

    /// <summary>Whether the board pages (x86): threads of one domain share its page tables.</summary>
    protected bool IsX86 => Board.StartsWith("qemu_x86", StringComparison.Ordinal);

    /// <summary>The kernel of the running test.</summary>
    protected BoraKernel K => _kernel ?? throw new InvalidOperationException("the kernel is created in SetUp");

    /// <summary>The fatal errors reported so far.</summary>
    protected IReadOnlyList<(FatalReason Reason, FatalErrorReport Report)> Faults => _faults;

    /// <summary>A page the size of a partition on every backend.</summary>
    protected uint PartSize => Math.Max(K.ProtectionDriver!.Capabilities.MinimumRegionSize, 4096);

    /// <summary>Start of the user partition (P_RW_U_RW) of the test domain.</summary>
    protected uint UserBuffer { get; private set; }

    /// <summary>The test domain (holding the user partition).</summary>
    protected MemoryDomain? TestDomain { get; private set; }

    [SetUp]
    public void BootKernel()
    {
        _faults.Clear();
        KernelOptions options = KernelBoards.Get(Board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        Configure(options);
        _kernel = new BoraKernel(options);
        _kernel.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
        UserBuffer = Reserve("user_part");
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

    /// <summary>Adjusts the board's options before the kernel is built (the default keeps them).</summary>
    protected virtual void Configure(KernelOptions options)
    {
    }

    /// <summary>Reserves a partition-sized, partition-aligned area of kernel RAM.</summary>
    protected uint Reserve(string name) => K.Layout.ReservePartition(name, PartSize, PartSize).Start;

    /// <summary>
    /// Runs <paramref name="body"/> in the ztest thread: it makes the test domain (the user partition, plus the
    /// partitions <paramref name="extra"/> defines) first.
    /// </summary>
    protected void Run(Action body, Func<MemPartition[]>? extra = null)
    {
        ZTest.Run(K, () =>
        {
            MemPartition[] parts = [K_MEM_PARTITION_DEFINE("user_part", UserBuffer, PartSize, PartitionPermissions.P_RW_U_RW), .. extra?.Invoke() ?? []];
            TestDomain = K_MEM_DOMAIN("test_domain");
            Assert.That(k_mem_domain_init(TestDomain, (byte)parts.Length, parts), Is.Zero);
            body();
        });
    }

    /// <summary>
    /// From a supervisor thread: a <c>K_USER</c> thread in <paramref name="domain"/> (default: the test domain), granted
    /// <paramref name="grants"/> before it starts, started and joined.
    /// </summary>
    protected ThreadHandle SpawnUser(string name, Action body, MemoryDomain? domain = null, int priority = 1, bool join = true, KObjectHandle[]? grants = null)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread(name), K.DefineStack(name + "_stack", 1024), 1024, (_, _, _) => body(), 0, 0, 0, K_PRIO_PREEMPT(priority), K_USER, K_FOREVER);
        Assert.That(k_mem_domain_add_thread(domain ?? TestDomain!, t), Is.Zero);
        k_thread_access_grant(t, grants ?? []);
        k_thread_start(t);
        if (join)
        {
            Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        }

        return t;
    }

    /// <summary>The calling user thread's syscall trap.</summary>
    protected static IUserTrap Trap() => UserTrap.Current ?? throw new AssertionException("UserTrap.Current is null in a user thread");

    /// <summary>Writes a terminated string through checked accesses at the CPU's privilege.</summary>
    protected void WriteString(uint address, string text)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(text + "\0");
        K.Machine.Cpu.WriteBlock(address, bytes);
    }

    /// <summary>Asserts no fatal error happened.</summary>
    protected void AssertNoFaults() => Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));

    /// <summary>
    /// Runs <paramref name="culpritBody"/> in a user thread that must die of <paramref name="reason"/> (from user mode, with
    /// a message containing <paramref name="messagePart"/>) before it gets past the call, then a second user thread
    /// that must run to completion: the oops kills only its caller and the kernel lives on. The culprit is granted the
    /// objects <paramref name="grants"/> returns (after <paramref name="setup"/>).
    /// </summary>
    protected void AssertOopsOnlyCaller(Action culpritBody, string messagePart, FatalReason reason = FatalReason.KernelOops, Action? setup = null, Func<MemPartition[]>? extra = null, Func<KObjectHandle[]>? grants = null)
    {
        bool after = false, survivorRan = false;
        ThreadHandle culprit = default;
        Run(() =>
        {
            setup?.Invoke();
            culprit = SpawnUser("culprit", () =>
            {
                culpritBody();
                after = true;
            }, grants: grants?.Invoke());
            SpawnUser("survivor", () =>
            {
                z_yield_direct();
                survivorRan = true;
            });
        }, extra);
        KThread thread = K.GetThread(culprit);
        Assert.Multiple(() =>
        {
            Assert.That(_faults.Select(f => f.Reason), Is.EqualTo(new[] { reason }), () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(after, Is.False, "the caller did not get past the bad call");
            Assert.That(thread.IsDead, Is.True, "the caller died");
            Assert.That(survivorRan, Is.True, "another user thread ran after the oops");
            Assert.That(K.Halt, Is.Null, "the kernel lives on");
            if (_faults.Count == 1)
            {
                FatalErrorReport report = _faults[0].Report;
                Assert.That(report.ThreadName, Is.EqualTo(thread.ThreadName));
                Assert.That(report.ThreadId, Is.EqualTo(thread.Id));
                Assert.That(report.Mode, Is.EqualTo(Privilege.User), "reported in the caller's user context");
                Assert.That(report.Message, Does.Contain(messagePart));
            }
        });
    }

    /// <summary>A syscall from the survivor: proves the gate still serves user threads after the oops.</summary>
    private static void z_yield_direct() => Bora.Userspace.Z.z_yield();
}
