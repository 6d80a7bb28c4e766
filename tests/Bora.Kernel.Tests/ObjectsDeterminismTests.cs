namespace Bora.Kernel.Tests;

public sealed class ObjectsDeterminismTests
{
    [Test]
    public void ObjectsWorkload_RunTwice_GivesIdenticalTraces()
    {
        (TraceEvent[] first, ulong firstHash, string firstLog) = ObjectsWorkload.Run();
        (TraceEvent[] second, ulong secondHash, string secondLog) = ObjectsWorkload.Run();
        Assert.That(first.Length, Is.GreaterThan(500), "the workload is not trivial");
        Assert.That(first.Count(e => e.Kind == TraceEventKind.Switch), Is.GreaterThan(60));
        Assert.That(first.Count(e => e.Kind == TraceEventKind.IsrEnter), Is.GreaterThan(25), "device ISRs and timer ISRs");
        Assert.That(firstLog, Does.Contain("heap0 null").Or.Contain("heap1 null").Or.Contain("heap2 null"), "the heap is contended: some timed allocations fail");
        Assert.That(firstLog, Does.Contain("slab_waiter -11"), "slab allocations time out");
        Assert.That(secondLog, Is.EqualTo(firstLog));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(secondHash, Is.EqualTo(firstHash));
    }

    [Test]
    public void ObjectsWorkload_WithRandomHostDelays_GivesTheUndisturbedTrace()
    {
        (TraceEvent[] baseline, ulong baselineHash, string baselineLog) = ObjectsWorkload.Run();
        foreach (int seed in new[] { 1, 2 })
        {
            (TraceEvent[] disturbed, ulong hash, string log) = ObjectsWorkload.Run(hostDelaySeed: seed);
            Assert.That(log, Is.EqualTo(baselineLog), $"seed {seed}");
            Assert.That(disturbed, Is.EqualTo(baseline), $"seed {seed}");
            Assert.That(hash, Is.EqualTo(baselineHash));
        }
    }
}
