namespace Bora.Kernel.Tests;

public sealed class DeterminismTests
{
    [Test]
    public void Workload_RunTwice_GivesIdenticalTraces()
    {
        (TraceEvent[] first, ulong firstHash) = Workload.RunSolo(TestBoards.Flat);
        (TraceEvent[] second, ulong secondHash) = Workload.RunSolo(TestBoards.Flat);
        Assert.That(first.Length, Is.GreaterThan(500), "the workload is not trivial");
        Assert.That(first.Count(e => e.Kind == TraceEventKind.Switch), Is.GreaterThan(50));
        Assert.That(first.Count(e => e.Kind == TraceEventKind.IsrEnter), Is.GreaterThan(8), "interrupts and timer ISRs happen");
        Assert.That(second, Is.EqualTo(first));
        Assert.That(secondHash, Is.EqualTo(firstHash));
    }

    [Test]
    public void Workload_WithRandomHostDelaysAtEveryHandOffAndAccess_GivesTheUndisturbedTrace()
    {
        (TraceEvent[] baseline, ulong baselineHash) = Workload.RunSolo(TestBoards.Flat);
        foreach (int seed in new[] { 1, 2, 3 })
        {
            (TraceEvent[] disturbed, ulong hash) = Workload.RunSolo(TestBoards.Flat, hostDelaySeed: seed);
            Assert.That(disturbed, Is.EqualTo(baseline), $"seed {seed}");
            Assert.That(hash, Is.EqualTo(baselineHash));
        }
    }

    [Test]
    public void Workload_ChangingOnePriority_ChangesTheTrace()
    {
        (_, ulong baseline) = Workload.RunSolo(TestBoards.Flat);
        (_, ulong shifted) = Workload.RunSolo(TestBoards.Flat, priorityShift: -1);
        Assert.That(shifted, Is.Not.EqualTo(baseline));
    }

    [Test]
    public void Workload_OnAnotherBoard_IsDeterministicThere()
    {
        (_, ulong a) = Workload.RunSolo(TestBoards.Holey);
        (_, ulong b) = Workload.RunSolo(TestBoards.Holey);
        (_, ulong flat) = Workload.RunSolo(TestBoards.Flat);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(a, Is.Not.EqualTo(flat), "a different clock changes tick boundaries and so the trace");
    }

    [Test]
    public void ThirtyTwoKernels_OnMixedBoards_RunConcurrently_AndEachTraceEqualsItsSoloRun()
    {
        const int Kernels = 32;
        Bora.Boards.KernelBoard[] boards = [.. Bora.Boards.KernelBoards.All];
        KernelOptions OptionsFor(int index)
        {
            KernelOptions options = boards[index % boards.Length].CreateOptions();
            options.HostWaitTimeout = TimeSpan.FromSeconds(20);
            return options;
        }

        var solo = new ulong[boards.Length];
        for (int b = 0; b < boards.Length; b++)
        {
            solo[b] = Workload.RunSolo(OptionsFor(b), hostCallback: () => { }).Hash;
        }

        Assert.That(solo.Distinct().Count(), Is.GreaterThanOrEqualTo(4), "the boards' clocks and frames give different traces");
        using var barrier = new Barrier(Kernels);
        var hashes = new ulong[Kernels];
        var errors = new Exception?[Kernels];
        var barrierPassed = new bool[Kernels];
        var hosts = new Thread[Kernels];
        for (int i = 0; i < Kernels; i++)
        {
            int index = i;
            hosts[i] = new Thread(() =>
            {
                try
                {
                    using var k = new BoraKernel(OptionsFor(index));
                    Workload.Define(k, hostCallback: () => barrierPassed[index] = barrier.SignalAndWait(TimeSpan.FromSeconds(20)));
                    k.Boot();
                    k.RunUntilIdle();
                    hashes[index] = k.Trace.Hash;
                }
                catch (Exception e)
                {
                    errors[index] = e;
                }
            })
            {
                IsBackground = true,
                Name = $"host-{i}",
            };
            hosts[i].Start();
        }

        foreach (Thread host in hosts)
        {
            Assert.That(host.Join(TimeSpan.FromSeconds(60)), Is.True, "a kernel host thread did not finish");
        }

        Assert.That(errors.Where(e => e is not null), Is.Empty);
        Assert.That(barrierPassed, Is.All.True, "all 32 kernels were inside Run at the same time");
        for (int i = 0; i < Kernels; i++)
        {
            Assert.That(hashes[i], Is.EqualTo(solo[i % boards.Length]), $"kernel {i} on {boards[i % boards.Length].Name}");
        }
    }

    [Test]
    public void SplitRuns_GiveTheSameTraceAsOneRun()
    {
        (_, ulong whole) = Workload.RunSolo(TestBoards.Flat);
        using var k = new BoraKernel(TestBoards.Options());
        Workload.Define(k);
        k.Boot();
        while (k.RunFor(TimeSpan.FromMilliseconds(7)).Reason == RunStopReason.DeadlineReached && k.Now < TimeSpan.FromSeconds(5))
        {
        }

        Assert.That(k.Trace.Hash, Is.EqualTo(whole), "stopping at deadlines and resuming does not perturb the run");
    }
}
