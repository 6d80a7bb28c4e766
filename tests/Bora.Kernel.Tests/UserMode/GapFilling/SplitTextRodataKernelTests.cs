using Bora.Boards;

namespace Bora.Kernel.Tests.UserMode.GapFilling;

/// <summary>
/// <see cref="KernelOptions.SplitTextRodata"/> on the four MPU boards: text executable, rodata readable but not
/// executable at either privilege, one partition fewer per domain; PMSAv7 and ARC MPU v2 refuse a layout whose
/// power-of-two regions would cover each other. Text and rodata are sized so that each is aligned on its size.
/// </summary>
[TestFixture("mps2-an385")]
[TestFixture("mps2-an505")]
[TestFixture("nsim_em")]
[TestFixture("nsim_sem")]
public sealed class SplitTextRodataKernelTests(string board) : IDisposable
{
    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];
    private BoraKernel? _kernel;

    private static bool PowerOfTwoMpu(string name) => name is "mps2-an385" or "nsim_em";

    /// <summary>Text 128 KiB with the vector table, rodata 32 KiB after it: both aligned on their sizes.</summary>
    private KernelOptions Options(bool split, bool aligned = true)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.SplitTextRodata = split;
        if (aligned)
        {
            options.Layout.TextBytes = 0x2_0000 - options.Layout.VectorTableBytes;
            options.Layout.RodataBytes = 0x8000;
        }

        return options;
    }

    private BoraKernel Create(bool split, bool aligned = true)
    {
        _kernel?.Dispose();
        _kernel = new BoraKernel(Options(split, aligned));
        _kernel.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
        return _kernel;
    }

    [TearDown]
    public void Dispose()
    {
        _kernel?.Dispose();
        _kernel = null;
        _faults.Clear();
    }

    private static ThreadHandle Spawn(BoraKernel k, string name, ThreadOptions options, Action body)
    {
        ThreadHandle t = k_thread_create(k.DeclareThread(name), k.DefineStack(name + "_stack", 1024), 1024, (_, _, _) => body(), 0, 0, 0, K_PRIO_PREEMPT(1), options, K_FOREVER);
        k_thread_start(t);
        Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        return t;
    }

    [Test]
    public void UserThread_ExecutesText_ReadsRodata()
    {
        BoraKernel k = Create(split: true);
        uint value = 1;
        bool done = false;
        ZTest.Run(k, () => Spawn(k, "user", K_USER, () =>
        {
            k.Machine.Cpu.CheckExecute(k.Layout.Text.Start + 0x40);
            value = k.Machine.Cpu.ReadUInt32(k.Layout.Rodata.Start + 0x10);
            done = true;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(done, Is.True);
            Assert.That(value, Is.EqualTo(k.Machine.Cpu.ReadUInt32(k.Layout.Rodata.Start + 0x10)));
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(k.Protection.InvalidProgramming, Is.Empty);
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public void FetchFromRodata_Faults_AtEitherPrivilege(bool user)
    {
        BoraKernel k = Create(split: true);
        bool after = false;
        ZTest.Run(k, () => Spawn(k, "fetcher", user ? K_USER : ThreadOptions.None, () =>
        {
            k.Machine.Cpu.CheckExecute(k.Layout.Rodata.Start + 0x10);
            after = true;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(after, Is.False, "the fetch did not complete");
            Assert.That(_faults.Select(f => (f.Reason, f.Report.ThreadName)), Is.EqualTo(new[] { (FatalReason.CpuException, "fetcher") }));
            Assert.That(_faults.Single().Report.Fault?.Access.Kind, Is.EqualTo(AccessKind.Execute));
            Assert.That(k.Halt, Is.Null);
        });
    }

    [Test]
    public void FetchFromRodata_IsAllowed_WithoutTheSplit()
    {
        BoraKernel k = Create(split: false);
        bool after = false;
        ZTest.Run(k, () => Spawn(k, "fetcher", K_USER, () =>
        {
            k.Machine.Cpu.CheckExecute(k.Layout.Rodata.Start + 0x10);
            after = true;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(after, Is.True, "one executable region covers text and rodata");
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
        });
    }

    [Test]
    public void Split_CostsOnePartition()
    {
        BoraKernel whole = Create(split: false);
        whole.Boot();
        int before = whole.ProtectionDriver!.MaxPartitionsPerDomain;
        BoraKernel split = Create(split: true);
        split.Boot();
        Assert.That(split.ProtectionDriver!.MaxPartitionsPerDomain, Is.EqualTo(before - 1));
    }

    [Test]
    public void DefaultLayout_IsRefusedAtBootWherePowersOfTwoWouldMeet()
    {
        KernelOptions options = Options(split: true, aligned: false);
        TestDelegate boot = () => new BoraKernel(options).Dispose();
        if (PowerOfTwoMpu(board))
        {
            Assert.That(boot, Throws.InvalidOperationException.With.Message.Contains("would cover each other"));
        }
        else
        {
            Assert.That(boot, Throws.Nothing, "32-byte granular MPUs express any layout");
        }
    }
}
