using BenchmarkDotNet.Attributes;
using Bora.Boards;
using Bora.Kernel;
using Bora.Kernel.Hosting;

namespace Bora.Bench;

/// <summary>
/// What a switch into a thread of another memory domain costs, per backend: a semaphore ping-pong (two context
/// switches per iteration, each thread reading one word of its data between switches) between two supervisor threads
/// (the baseline), two user threads of one domain, and two user threads of two domains. Every switch runs the arch
/// driver's <c>SwitchIn</c>: the MPUs rewrite the dynamic regions that differ (guard; plus user stack; plus
/// partitions), x86 loads CR3 only between domains (a TLB flush, so the next accesses walk the tables again). User
/// threads make their semaphore calls in supervisor mode on their privilege stack (<see cref="UserCall"/>, until the
/// syscall gate lands), so the user variants also pay that mode change, which costs no modelled cycles.
/// </summary>
/// <remarks>
/// An operation is one context switch, host-thread hand-off included, which dominates on a loaded host; the ratio
/// columns compare the variants of one board. The modelled (virtual) cycles per switch, which do not depend on the
/// host, are printed once per kernel by its setup.
/// </remarks>
[MemoryDiagnoser]
public class DomainSwitchBenchmarks
{
    private const int Iterations = 10_000;

    private readonly Dictionary<DomainSwitchKind, BoraKernel> _kernels = [];

    /// <summary>The board (backend) under test: every built-in board.</summary>
    [ParamsSource(nameof(Boards))]
    public string Board { get; set; } = KernelBoards.DefaultName;

    /// <summary>Every built-in board.</summary>
    public static IEnumerable<string> Boards => KernelBoards.Names;

    [GlobalSetup(Target = nameof(SupervisorSwitch))]
    public void SetupSupervisor() => Setup(DomainSwitchKind.Supervisor);

    [GlobalSetup(Target = nameof(SameDomainUserSwitch))]
    public void SetupSameDomain() => Setup(DomainSwitchKind.SameDomain);

    [GlobalSetup(Target = nameof(OtherDomainUserSwitch))]
    public void SetupOtherDomain() => Setup(DomainSwitchKind.OtherDomain);

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (BoraKernel kernel in _kernels.Values)
        {
            kernel.Dispose();
        }

        _kernels.Clear();
    }

    /// <summary>Supervisor ↔ supervisor, default domain.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * Iterations)]
    public RunStopReason SupervisorSwitch() => BenchKernel.Run(_kernels[DomainSwitchKind.Supervisor]);

    /// <summary>User ↔ user, one domain.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Iterations)]
    public RunStopReason SameDomainUserSwitch() => BenchKernel.Run(_kernels[DomainSwitchKind.SameDomain]);

    /// <summary>User ↔ user, two domains.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Iterations)]
    public RunStopReason OtherDomainUserSwitch() => BenchKernel.Run(_kernels[DomainSwitchKind.OtherDomain]);

    /// <summary>Builds the kernel of <paramref name="kind"/>, runs it once and prints what one switch costs in modelled cycles and driver work.</summary>
    private void Setup(DomainSwitchKind kind)
    {
        BoraKernel kernel = DomainSwitchKernel.Build(Board, kind, Iterations);
        ulong cycles = kernel.Machine.Cpu.Cycles;
        long work = DriverCounters.Read(kernel.ProtectionDriver).Count;
        BenchKernel.Run(kernel);
        (long workAfter, string what) = DriverCounters.Read(kernel.ProtectionDriver);
        double switches = 2.0 * Iterations;
        Console.WriteLine(FormattableString.Invariant(
            $"// {Board} {kind}: {(kernel.Machine.Cpu.Cycles - cycles) / switches:F1} modelled cycles and {(workAfter - work) / switches:F2} {what} per switch (the iteration's reads and calls included)"));
        _kernels[kind] = kernel;
    }
}
