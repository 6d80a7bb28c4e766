namespace Bora.Kernel.Tests;

/// <summary>IPC objects in the kernel-object area: sizes, placement, type checks, facade constants.</summary>
public sealed class IpcObjectTests
{
    [Test]
    public void IpcObjects_OccupyTheirStructSizes_InTheObjectArea()
    {
        using BoraKernel k = ZTest.Create();
        KObject[] objects =
        [
            k.GetCondvar(k.DefineCondvar("cv")),
            k.GetMsgq(k.DeclareMsgq("q")),
            k.GetKStack(k.DeclareKStack("s")),
            k.GetQueue(k.DefineQueue("queue").Address),
            k.GetQueue(k.DefineFifo("fifo").Address),
            k.GetQueue(k.DefineLifo("lifo").Address),
            k.GetPipe(k.DeclarePipe("p")),
        ];
        Assert.That(objects.Select(o => o.Size), Is.EqualTo(new uint[] { 8, 40, 24, 16, 16, 16, 40 }));
        Assert.That(objects.Select(o => o.ZephyrTypeName), Is.EqualTo(new[] { "k_condvar", "k_msgq", "k_stack", "k_queue", "k_queue", "k_queue", "k_pipe" }));
        Assert.That(objects.Select(o => KObjectSizes.Of(o.Kind)), Is.EqualTo(objects.Select(o => o.Size)));
        Assert.That(objects.All(o => k.Layout.Objects.Contains(o.Address) && o.Address % 4 == 0), Is.True);
        Assert.That(objects.Select(o => o.Address).Distinct().Count(), Is.EqualTo(objects.Length));
        Assert.That(k.GetQueue(k.DefineFifo("fifo2").Address).Flavor, Is.EqualTo(QueueFlavor.Fifo));
    }

    [Test]
    public void FacadeErrnoConstants_AreZephyrs()
    {
        Assert.That((ENOMSG, EIO, -Errno.ENoMem), Is.EqualTo((35, 5, -12)));
    }

    [Test]
    public void PassingAMsgqWhereAKStackIsExpected_IsAnOopsNamingBothTypes()
    {
        using BoraKernel k = ZTest.Create();
        MsgqHandle msgq = k.DeclareMsgq("not_a_stack");
        var reports = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, report) => reports.Add(report));
        k.CreateThread("culprit", (_, _, _) => k_stack_push(new KStackHandle(msgq.Address), 1), 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(reports, Has.Count.EqualTo(1));
        Assert.That(reports[0].Reason, Is.EqualTo(K_ERR_KERNEL_OOPS));
        Assert.That(reports[0].Message, Does.Contain("k_msgq 'not_a_stack'").And.Contain("not a struct k_stack"));
    }

    [Test]
    public void APipeAtAnAddressThatIsNoObject_IsAnOops()
    {
        using BoraKernel k = ZTest.Create();
        var reports = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, report) => reports.Add(report));
        k.CreateThread("culprit", (_, _, _) => k_pipe_flush(new PipeHandle(k.Layout.Heap.Start)), 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(reports.Select(r => r.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
        Assert.That(reports[0].Message, Does.Contain("-EBADF").And.Contain("k_pipe"));
    }
}
