using Bora.Boards;
using Bora.Kernel.Threading;

namespace Bora.Kernel.Tests.UserMode;

/// <summary>
/// <c>CONFIG_HW_STACK_PROTECTION</c> (<see cref="KernelOptions.HwStackProtection"/>) on every board: on, a supervisor
/// thread that pushes below its stack object dies with <c>K_ERR_STACK_CHK_FAIL</c>; off, the same push goes
/// undetected (as on Zephyr) and the guard's region is given back to the domains.
/// </summary>
[TestFixtureSource(typeof(KernelBoards), nameof(KernelBoards.Names))]
public sealed class HwStackProtectionTests(string board)
{
    /// <summary>
    /// Regions the guard costs per domain: one MPU region for ARM's guard and ARC MPU v4's; none for ARC MPU v2
    /// (stack-checking registers) or x86 (a guard page in the stack object).
    /// </summary>
    private static readonly Dictionary<string, int> s_guardRegions = new()
    {
        ["mps2-an385"] = 1,
        ["mps2-an505"] = 1,
        ["nsim_em"] = 0,
        ["nsim_sem"] = 1,
        ["qemu_x86"] = 0,
        ["qemu_x86_nopae"] = 0,
    };

    [Test]
    public void Overflow_BelowASupervisorStack_IsStackChkFail_WithProtectionOn()
    {
        (BoraKernel kernel, List<(FatalReason Reason, FatalErrorReport Report)> faults, bool survived) = Overflow(hwStackProtection: true);
        using (kernel)
        {
            Assert.Multiple(() =>
            {
                Assert.That(survived, Is.False, "the overflowing push must not complete");
                Assert.That(faults, Has.Count.EqualTo(1));
                Assert.That(faults.Select(f => f.Reason), Is.All.EqualTo(FatalReason.StackCheckFail));
                Assert.That(faults.Select(f => f.Report.ThreadName), Is.All.EqualTo("overflower"));
            });
        }
    }

    [Test]
    public void Overflow_BelowASupervisorStack_GoesUndetected_WithProtectionOff()
    {
        (BoraKernel kernel, List<(FatalReason Reason, FatalErrorReport Report)> faults, bool survived) = Overflow(hwStackProtection: false);
        using (kernel)
        {
            Assert.Multiple(() =>
            {
                Assert.That(faults, Is.Empty, () => string.Join("\n", faults.Select(f => f.Report)));
                Assert.That(survived, Is.True);
            });
        }
    }

    [Test]
    public void TurningProtectionOff_GivesTheGuardsRegionsBackToTheDomains()
    {
        int on = MaxPartitions(hwStackProtection: true);
        int off = MaxPartitions(hwStackProtection: false);
        Assert.That(off - on, Is.EqualTo(s_guardRegions[board]));
    }

    private int MaxPartitions(bool hwStackProtection)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.HwStackProtection = hwStackProtection;
        using var kernel = new BoraKernel(options);
        kernel.Boot();
        return kernel.ProtectionDriver!.MaxPartitionsPerDomain;
    }

    /// <summary>A supervisor thread reserves one frame reaching 8 bytes below its stack object (past any guard).</summary>
    private (BoraKernel Kernel, List<(FatalReason Reason, FatalErrorReport Report)> Faults, bool Survived) Overflow(bool hwStackProtection)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.HwStackProtection = hwStackProtection;
        var kernel = new BoraKernel(options);
        var faults = new List<(FatalReason Reason, FatalErrorReport Report)>();
        kernel.SetFatalErrorHandler((reason, report) => faults.Add((reason, report)));

        // The bytes just below the overflowing stack belong to a stack nobody runs on.
        _ = kernel.DefineStack("padding", 1024);
        StackHandle stack = kernel.DefineStack("overflower_stack", 1024);
        bool survived = false;
        kernel.CreateThread(kernel.DeclareThread("overflower"), stack, 1024, (_, _, _) =>
        {
            uint sp = kernel.Machine.Cpu.State.Sp;
            using StackFrame frame = StackFrame.Push(sp - stack.Address + 8);
            survived = true;
        }, 0, 0, 0, 1, ThreadOptions.None, KTimeout.NoWait);
        kernel.Boot();
        kernel.RunUntilIdle();
        Assert.That(kernel.Halt, Is.Null, () => $"the kernel halted: {kernel.Halt}");
        return (kernel, faults, survived);
    }
}
