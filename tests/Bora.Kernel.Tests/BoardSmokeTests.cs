using Bora.Arch.Arc;
using Bora.Arch.Arm;
using Bora.Arch.X86;
using Bora.Boards;

namespace Bora.Kernel.Tests;

/// <summary>The kernel on every built-in board, in supervisor mode, with that arch's protection and exception models.</summary>
public sealed class BoardSmokeTests
{
    private const int WorkloadLine = 5;

    private static IEnumerable<string> Boards => KernelBoards.Names;

    private static KernelOptions Options(string board)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        return options;
    }

    [Test]
    public void Catalogue_HasTheSixBoards_WithTheirArchs()
    {
        Assert.That(KernelBoards.Names, Is.EqualTo(new[] { "mps2-an385", "mps2-an505", "nsim_em", "nsim_sem", "qemu_x86", "qemu_x86_nopae" }));
        Assert.That(KernelBoards.All.Select(b => b.Board.Arch), Is.EqualTo(new[] { ArmArch.PmsaV7, ArmArch.PmsaV8, ArcBoards.MpuV2, ArcBoards.MpuV4, X86Arch.Pae, X86Arch.Paging32 }));
        Assert.That(KernelBoards.Default.Name, Is.EqualTo("mps2-an385"));
        Assert.That(() => KernelBoards.Get("stm32"), Throws.ArgumentException.With.Message.Contains("unknown board 'stm32'").And.Message.Contains("qemu_x86_nopae"));
    }

    [TestCaseSource(nameof(Boards))]
    public void Workload_OnTheBoard_FinishesTheSameWayTwice(string board)
    {
        KernelOptions options = Options(board);
        (TraceEvent[] first, ulong firstHash) = Workload.RunSolo(Options(board));
        (TraceEvent[] second, ulong secondHash) = Workload.RunSolo(Options(board));
        int irqException = options.Exceptions.IrqBase + WorkloadLine;
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(secondHash, Is.EqualTo(firstHash));
            Assert.That(first.Count(e => e.Kind == TraceEventKind.Switch), Is.GreaterThan(100));
            Assert.That(first.Where(e => e.Kind == TraceEventKind.Fault), Is.Empty, "no fatal error on the board");
            Assert.That(first.Count(e => e.Kind == TraceEventKind.IsrEnter && e.Arg == irqException), Is.EqualTo(8), "the driver's 8 interrupts arrive on the board's vector for the line");
            Assert.That(first.Count(e => e.Kind == TraceEventKind.IsrEnter && e.Arg == options.Exceptions.SysTick), Is.GreaterThan(10), "the system timer runs on the board's vector");
            Assert.That(first.Count(e => e.Kind == TraceEventKind.ThreadExit), Is.EqualTo(13), "the 12 workload threads and main end");
        });
    }

    [TestCaseSource(nameof(Boards))]
    public void Workload_EndsWithEveryThreadDone_AndTheBoardsClockInTheTrace(string board)
    {
        using var k = new BoraKernel(Options(board));
        Workload.Define(k);
        k.Boot();
        RunResult result = k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle));
            Assert.That(k.Threads.Where(t => t != k.IdleThread).Select(t => t.IsDead), Is.All.True);
            Assert.That(k.Board.Name, Is.EqualTo(board));

            // The last consumer finishes after 12 items at 3-4 ms each: about 50 ms of virtual time on every board.
            Assert.That(k.Now, Is.InRange(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80)));
        });
    }

    [Test]
    public void Workload_TracesDiffer_BetweenArchsWithDifferentFrames()
    {
        var hashes = Boards.ToDictionary(b => b, b => Workload.RunSolo(Options(b)).Hash);
        Assert.That(hashes["mps2-an385"], Is.Not.EqualTo(hashes["qemu_x86"]), "same 25 MHz clock, but an 8-word frame costs more than the 3-word int frame");
        Assert.That(hashes["mps2-an385"], Is.Not.EqualTo(hashes["mps2-an505"]), "20 MHz vs 25 MHz");
        Assert.That(hashes["nsim_em"], Is.Not.EqualTo(hashes["mps2-an385"]));
    }

    /// <summary>A thread blocked in k_sem_take was switched out: its frame sits on its own stack, in the arch's shape.</summary>
    [TestCase("mps2-an385", 32)]
    [TestCase("mps2-an505", 32)]
    [TestCase("nsim_em", 40)]
    [TestCase("nsim_sem", 40)]
    [TestCase("qemu_x86", 12)]
    [TestCase("qemu_x86_nopae", 12)]
    public void ContextSwitch_StacksTheArchsFrame_OnTheOutgoingThreadsStack(string board, int frameBytes)
    {
        using var k = new BoraKernel(Options(board));
        SemaphoreHandle never = k.DefineSemaphore("never", 0, 1);
        ThreadHandle blocker = k.CreateThread("blocker", (_, _, _) => k_sem_take(never, K_FOREVER), 5, stackSize: 1024);
        k.Boot();
        Assert.That(k.RunUntilIdle().Reason, Is.EqualTo(RunStopReason.Idle));
        KThread thread = k.GetThread(blocker);
        uint top = thread.Stack!.BufferStart + 1024;
        CpuState context = thread.Context;

        // Cortex-M stacks on the process stack and runs the handler on the main stack (PSP saved in OtherSp here).
        uint threadSp = board.StartsWith("mps2", StringComparison.Ordinal) ? context.OtherSp : context.Sp;
        Assert.That(threadSp, Is.EqualTo(top - (uint)frameBytes));
        if (board.StartsWith("mps2", StringComparison.Ordinal))
        {
            Assert.That(context.Sp, Is.EqualTo(k.IsrStackTop), "the PendSV handler runs on the interrupt (main) stack");
            Assert.That(k.Machine.Cpu.ReadUInt32(threadSp + 28) & 0x0100_0000u, Is.Not.Zero, "the stacked xPSR keeps the Thumb bit");
        }
        else if (board.StartsWith("qemu", StringComparison.Ordinal))
        {
            Assert.That(k.Machine.Cpu.ReadUInt32(threadSp + 4), Is.EqualTo(X86Selectors.KernelCode), "EIP, CS, EFLAGS: CS is the kernel code selector");
            Assert.That(k.Machine.Cpu.ReadUInt32(threadSp + 8) & Eflags.IF, Is.Not.Zero, "EFLAGS has IF");
        }
    }

    [TestCaseSource(nameof(Boards))]
    public void Boot_LeavesTextReadOnly_SoASupervisorStoreThereIsACpuException(string board)
    {
        using var k = new BoraKernel(Options(board));
        uint text = k.Layout.Text.Start;
        k.CreateThread("scribbler", (_, _, _) => k.Machine.Cpu.WriteUInt32(text, 0xDEAD_BEEF), 5);
        k.Boot();
        RunResult result = k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Halted), "a supervisor fault halts (Bora's default handler)");
            Assert.That(result.Halt!.Reason, Is.EqualTo(FatalReason.CpuException));
            FaultRecord fault = result.Halt.Report!.Fault!;
            Assert.That(fault.Arch, Is.EqualTo(k.Board.Arch), fault.ToString());
            Assert.That(fault.Access.Address, Is.EqualTo(text));
            Assert.That(k.Machine.Cpu.ReadUInt32(text), Is.Zero, "nothing was written");
        });
    }

    [TestCase("qemu_x86")]
    [TestCase("qemu_x86_nopae")]
    public void Boot_LeavesPageZeroUnmapped_SoANullReadIsAPageFault(string board)
    {
        using var k = new BoraKernel(Options(board));
        k.CreateThread("null_reader", (_, _, _) => k.Machine.Cpu.ReadUInt32(0), 5);
        k.Boot();
        RunResult result = k.RunUntilIdle();
        var fault = (X86FaultRecord)result.Halt!.Report!.Fault!;
        Assert.That(fault.ExceptionName, Is.EqualTo("#PF"));
        Assert.That(((X86Mmu)k.Protection).Cr2, Is.Zero);
    }

    [TestCase("qemu_x86", X86PagingMode.Pae)]
    [TestCase("qemu_x86_nopae", X86PagingMode.Paging32)]
    public void Boot_TurnsPagingOn_WithWriteProtect(string board, X86PagingMode mode)
    {
        using var k = new BoraKernel(Options(board));
        var mmu = (X86Mmu)k.Protection;
        Assert.That(mmu.PagingMode, Is.EqualTo(mode));
        Assert.That(mmu.Read(X86SystemRegister.Cr0) & Cr0.WP, Is.Not.Zero);
        Assert.That(mmu.InvalidProgramming, Is.Empty);
    }

    [TestCase("mps2-an385")]
    [TestCase("mps2-an505")]
    public void Boot_EnablesTheMpu_WithThePrivilegedBackgroundMap(string board)
    {
        using var k = new BoraKernel(Options(board));
        var mpu = (ArmMpu)k.Protection;
        Assert.That(mpu.Enabled, Is.True);
        Assert.That(mpu.Ctrl & 0x4, Is.Not.Zero, "PRIVDEFENA");
        Assert.That(mpu.InvalidProgramming, Is.Empty);

        // An unprivileged access hits no region: the background map is for privileged code only.
        Assert.That(k.Protection.Decide(k.Layout.Heap.Start, AccessKind.Read, Privilege.User).IsAllowed, Is.False);
        Assert.That(k.Protection.Decide(k.Layout.Heap.Start, AccessKind.Write, Privilege.Supervisor).IsAllowed, Is.True);
        Assert.That(k.Protection.Decide(k.Layout.Heap.Start, AccessKind.Execute, Privilege.Supervisor).IsAllowed, Is.False, "SRAM is execute-never");
    }

    [TestCase("nsim_em")]
    [TestCase("nsim_sem")]
    public void Boot_GivesTheKernelItsRamAndPeripherals(string board)
    {
        using var k = new BoraKernel(Options(board));
        var aux = new ArcAuxRegisters((ArcMpuModel)k.Protection);
        Assert.Multiple(() =>
        {
            Assert.That(k.Protection.Decide(k.Layout.Heap.Start, AccessKind.Write, Privilege.Supervisor).IsAllowed, Is.True);
            Assert.That(k.Protection.Decide(k.Layout.Heap.Start, AccessKind.Read, Privilege.User).IsAllowed, Is.False, "kernel RAM is supervisor-only");
            Assert.That(k.Protection.Decide(k.Layout.Text.Start, AccessKind.Execute, Privilege.User).IsAllowed, Is.True, "text is user-executable");
            Assert.That(k.Protection.Decide(ArcBoards.PeripheralBase, AccessKind.Write, Privilege.Supervisor).IsAllowed, Is.True, "peripherals reachable by the kernel (v2: a P_RW_U_NA boot region; v4: the default region)");
            Assert.That(k.Protection.Decide(ArcBoards.PeripheralBase, AccessKind.Read, Privilege.User).IsAllowed, Is.False, "peripherals are kernel-only");
            Assert.That(aux.Read(ArcAux.INT_VECTOR_BASE), Is.EqualTo(k.Layout.RomRange.Start));
        });
    }

    [Test]
    public void AddBoraKernel_OnABoardByName_BuildsKernelsOnIt()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddBoraKernel("nsim_sem", o => o.Name = "di");
        using Microsoft.Extensions.DependencyInjection.ServiceProvider provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        using BoraKernel k = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BoraKernel>(provider);
        Assert.That(k.Board.Name, Is.EqualTo("nsim_sem"));
        Assert.That(k.Name, Is.EqualTo("di"));
        Assert.That(k.Protection, Is.InstanceOf<ArcMpuV4>());
        Assert.That(k.ExceptionModel, Is.InstanceOf<ArcExceptionModel>());
        Assert.That(() => services.AddBoraKernel("nope"), Throws.ArgumentException.With.Message.Contains("mps2-an385"));
    }
}
