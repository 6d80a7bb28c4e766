namespace Bora.Kernel.Tests;

public sealed class IsrContextTests
{
    [Test]
    public void IsrRaisedWhileIdle_RunsOnTheIdleThreadsHostThread()
    {
        using BoraKernel k = ZTest.Create();
        string? hostThread = null;
        ThreadHandle? current = null;
        k.IrqConnect(9, 0, _ =>
        {
            hostThread = Thread.CurrentThread.Name;
            current = k_current_get();
        }, 0);
        k.IrqEnable(9);
        k.Boot();
        k.RunUntilIdle();
        k.RaiseIrq(9);
        k.RunUntilIdle();
        Assert.That(hostThread, Does.EndWith(":idle"));
        Assert.That(current, Is.EqualTo(k.IdleThread!.Handle));
    }

    [Test]
    public void IsrRaisedByAThread_RunsOnThatThreadsHostThread_AtTheKernelExit()
    {
        using BoraKernel k = ZTest.Create();
        var order = new List<string>();
        k.IrqConnect(9, 0, _ => order.Add("isr on " + Thread.CurrentThread.Name), 0);
        k.IrqEnable(9);
        k.CreateThread("raiser", (_, _, _) =>
        {
            order.Add("before");
            trigger_irq(9);
            order.Add("after");
        }, 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(order, Is.EqualTo(new[] { "before", $"isr on bora:{k.Name}:raiser", "after" }));
    }

    [Test]
    public void IsrStacksAFrameOnTheInterruptedStack()
    {
        using BoraKernel k = ZTest.Create();
        uint spInIsr = 0, spInThread = 0;
        k.CreateThread("t", (_, _, _) =>
        {
            spInThread = k.Machine.Cpu.State.Sp;
            irq_offload(_ => spInIsr = k.Machine.Cpu.State.Sp, 0);
            Assert.That(k.Machine.Cpu.State.Sp, Is.EqualTo(spInThread), "exception return restores SP");
        }, 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(spInThread - spInIsr, Is.EqualTo(FrameExceptionModel.FrameBytes));
    }
}
