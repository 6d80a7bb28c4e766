namespace Bora.Kernel.Tests;

/// <summary>A thread whose entry catches every exception still dies (DESIGN §2).</summary>
public sealed class ThreadDeathTests
{
    [Test]
    public void CatchAllThread_AbortedByAnotherThread_StillDies()
    {
        using BoraKernel k = ZTest.Create();
        int caught = 0, rethrown = 0;
        bool survived = false;
        ThreadHandle victim = k.CreateThread("victim", (_, _, _) =>
        {
            try
            {
                while (true)
                {
                    k_msleep(1);
                }
            }
            catch (Exception)
            {
                caught++;
            }

            try
            {
                k_msleep(1);
            }
            catch (Exception e) when (e is ThreadTerminatedException)
            {
                rethrown++;
            }

            try
            {
                k.Machine.Cpu.WriteUInt32(k.Layout.Heap.Start, 0xDEAD_BEEF);
            }
            catch (Exception e) when (e is ThreadTerminatedException)
            {
                rethrown++;
            }

            survived = true;
        }, 3);
        k.CreateThread("killer", (_, _, _) =>
        {
            k_msleep(5);
            k_thread_abort(victim);
        }, 2);
        k.Boot();
        RunResult result = k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle));
            Assert.That(caught, Is.EqualTo(1));
            Assert.That(rethrown, Is.EqualTo(2), "the later kernel call and checked access both rethrew");
            Assert.That(survived, Is.True, "the C# code ran to the end of the entry...");
            Assert.That(k.GetThread(victim).IsDead, Is.True, "...but the kernel thread is dead");
            Assert.That(k.Machine.Bus.Memory.ReadUInt32(k.Layout.Heap.Start), Is.Zero, "the dead thread's store did not commit");
            Assert.That(k.GetThread(victim).HostExited, Is.True);
        });
    }

    [Test]
    public void CatchAllThread_Faulting_StillDies()
    {
        using BoraKernel k = ZTest.Create();
        k.SetFatalErrorHandler((_, _) => { });
        int attempts = 0;
        ThreadHandle victim = k.CreateThread("victim", (_, _, _) =>
        {
            while (attempts < 5)
            {
                try
                {
                    attempts++;
                    k.Machine.Cpu.WriteUInt32(0x6000_0000, 1);
                }
                catch (Exception)
                {
                }
            }
        }, 3);
        bool otherRan = false;
        k.CreateThread("other", (_, _, _) => otherRan = true, 4);
        k.Boot();
        k.RunUntilIdle();
        Assert.Multiple(() =>
        {
            Assert.That(k.GetThread(victim).IsDead, Is.True);
            Assert.That(k.Trace.Snapshot().Count(e => e.Kind == TraceEventKind.Fault), Is.EqualTo(1), "only the first access faulted; the rest rethrew the termination");
            Assert.That(otherRan, Is.True);
        });
    }

    [Test]
    public void SelfAbortInsideCatchAll_DoesNotResurrect()
    {
        using BoraKernel k = ZTest.Create();
        int after = 0;
        k.CreateThread("self", (_, _, _) =>
        {
            try
            {
                k_thread_abort(k_current_get());
            }
            catch (Exception)
            {
            }

            try
            {
                k_yield();
                after++;
            }
            catch (Exception)
            {
            }
        }, 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(after, Is.Zero);
    }

    [Test]
    public void AbortFromIsr_OfTheInterruptedThread_UnwindsItAtIsrExit()
    {
        using BoraKernel k = ZTest.Create();
        int after = 0;
        ThreadHandle self = default;
        self = k.CreateThread("self", (_, _, _) =>
        {
            irq_offload(_ => k_thread_abort(self), 0);
            after++;
        }, 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(after, Is.Zero);
        Assert.That(k.GetThread(self).IsDead, Is.True);
    }
}
