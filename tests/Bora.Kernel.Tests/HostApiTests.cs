using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Bora.Kernel.Tests;

public sealed class HostApiTests
{
    [Test]
    public void Boot_Twice_Throws()
    {
        using BoraKernel k = ZTest.Create();
        k.Boot();
        var ex = Assert.Throws<InvalidOperationException>(() => k.Boot());
        Assert.That(ex!.Message, Does.Contain("already booted"));
    }

    [Test]
    public void Run_BeforeBoot_Throws()
    {
        using BoraKernel k = ZTest.Create();
        var ex = Assert.Throws<InvalidOperationException>(() => k.RunUntilIdle());
        Assert.That(ex!.Message, Does.Contain("Boot()"));
    }

    [Test]
    public void CreateThread_OnStackInUse_ThrowsSayingWhatToFix()
    {
        using BoraKernel k = ZTest.Create();
        StackHandle stack = k.DefineStack("shared_stack", 1024);
        k.CreateThread(k.DeclareThread("a"), stack, 1024, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 3, 0, K_NO_WAIT);
        var ex = Assert.Throws<InvalidOperationException>(() =>
            k.CreateThread(k.DeclareThread("b"), stack, 1024, (_, _, _) => { }, 0, 0, 0, 3, 0, K_NO_WAIT));
        Assert.That(ex!.Message, Does.Contain("already in use").And.Contain("own stack"));
    }

    [Test]
    public void CreateThread_WithInvalidPriority_Throws()
    {
        using BoraKernel k = ZTest.Create();
        var ex = Assert.Throws<InvalidOperationException>(() => k.CreateThread("bad", (_, _, _) => { }, 15));
        Assert.That(ex!.Message, Does.Contain("priority 15"));
    }

    [Test]
    public void Options_WithoutBoard_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BoraKernel(new KernelOptions()));
        Assert.That(ex!.Message, Does.Contain("Board"));
    }

    [Test]
    public void HostApi_FromAnotherHostThreadDuringRun_Throws()
    {
        using BoraKernel k = ZTest.Create();
        Exception? fromHost = null;
        k.CreateThread("t", (_, _, _) =>
        {
            var other = new Thread(() =>
            {
                try
                {
                    k.DefineSemaphore("late", 0, 1);
                }
                catch (Exception e)
                {
                    fromHost = e;
                }
            });
            other.Start();
            Assert.That(other.Join(TimeSpan.FromSeconds(20)), Is.True);
        }, 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(fromHost, Is.InstanceOf<InvalidOperationException>());
        Assert.That(fromHost!.Message, Does.Contain("while the kernel runs"));
    }

    [Test]
    public void Run_FromKernelThread_Throws()
    {
        using BoraKernel k = ZTest.Create();
        Exception? caught = null;
        k.CreateThread("t", (_, _, _) =>
        {
            try
            {
                k.RunUntilIdle();
            }
            catch (InvalidOperationException e)
            {
                caught = e;
            }
        }, 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(caught!.Message, Does.Contain("host API"));
    }

    [Test]
    public void AssertionFailureInsideAThread_SurfacesOnTheHost()
    {
        using BoraKernel k = ZTest.Create();
        k.CreateThread("t", (_, _, _) => throw new InvalidDataException("boom from a kernel thread"), 3);
        k.Boot();
        var ex = Assert.Throws<InvalidDataException>(() => k.RunUntilIdle());
        Assert.That(ex!.Message, Does.Contain("boom"));
        Assert.That(k.Halt!.Message, Does.Contain("InvalidDataException"));
    }

    [Test]
    public void HostRaisedIrq_IsPendedUntilTheNextRun()
    {
        using BoraKernel k = ZTest.Create();
        SemaphoreHandle sem = k.DefineSemaphore("irq_sem", 0, 10);
        k.IrqConnect(3, 1, _ => k_sem_give(sem), 0);
        k.IrqEnable(3);
        int got = 1;
        k.CreateThread("waiter", (_, _, _) => got = k_sem_take(sem, K_FOREVER), 3);
        k.Boot();
        Assert.That(k.RunUntilIdle().Reason, Is.EqualTo(RunStopReason.Idle));
        Assert.That(got, Is.EqualTo(1), "still waiting");
        k.RaiseIrq(3);
        Assert.That(k.IsIrqPending(3), Is.True);
        k.RunUntilIdle();
        Assert.That(got, Is.Zero);
        Assert.That(k.IsIrqPending(3), Is.False);
    }

    [Test]
    public void IrqLock_DefersInterruptsUntilUnlock_AndKeysNest()
    {
        using BoraKernel k = ZTest.Create();
        var order = new List<string>();
        k.IrqConnect(4, 1, _ => order.Add("isr"), 0);
        k.IrqEnable(4);
        ZTest.Run(k, () =>
        {
            uint outer = irq_lock();
            uint inner = irq_lock();
            trigger_irq(4);
            order.Add("locked");
            irq_unlock(inner);
            order.Add("still locked");
            irq_unlock(outer);
            order.Add("unlocked");
            Assert.That((outer, inner), Is.EqualTo((0u, 1u)));
        });
        Assert.That(order, Is.EqualTo(new[] { "locked", "still locked", "isr", "unlocked" }));
    }

    [Test]
    public void CheckedAccesses_ArePollPoints_AndAdvanceTime()
    {
        using BoraKernel k = ZTest.Create();
        int iterations = 0;
        bool highRan = false;
        int iterationsWhenHighRan = -1;
        k.CreateThread("high", (_, _, _) =>
        {
            k_msleep(1);
            highRan = true;
            iterationsWhenHighRan = iterations;
        }, 1);
        k.CreateThread("spinner", (_, _, _) =>
        {
            uint address = k.Layout.Heap.Start;
            while (!highRan)
            {
                k.Machine.Cpu.WriteUInt32(address, (uint)iterations);
                iterations++;
            }
        }, 5);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(highRan, Is.True, "the timer fired at a checked access and preempted the spinner");
        Assert.That(iterationsWhenHighRan, Is.InRange(20_000, 30_000), "a 1-cycle store costs 1 cycle: ~1.1 ms at 25 MHz is ~27,500 stores");
    }

    [Test]
    public void PureComputation_CostsNoVirtualTime()
    {
        using BoraKernel k = ZTest.Create();
        ulong before = 0, after = 0;
        ZTest.Run(k, () =>
        {
            before = k_cycle_get_64();
            double x = 0;
            for (int i = 0; i < 1_000_000; i++)
            {
                x += Math.Sqrt(i);
            }

            after = k_cycle_get_64();
            Assert.That(x, Is.GreaterThan(0));
        });
        Assert.That(after - before, Is.EqualTo(40UL), "only the two cycle reads' exit and entry");
    }

    [Test]
    public void AddBoraKernel_BuildsKernels_AndLogsFaultsAtWarning()
    {
        var sink = new CollectingSink();
        ILogger logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var services = new ServiceCollection();
        services.AddSingleton(logger);
        services.AddBoraKernel(o =>
        {
            o.Board = TestBoards.Flat;
            o.FatalErrorHandler = (_, _) => { };
        });
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using BoraKernel k = provider.GetRequiredService<KernelFactory>().Create();
        using BoraKernel other = provider.GetRequiredService<BoraKernel>();
        Assert.That(other, Is.Not.SameAs(k));
        k.CreateThread("oopser", (_, _, _) => k_oops(), 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(sink.Events.Any(e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("K_ERR_KERNEL_OOPS", StringComparison.Ordinal)), Is.True);
        Assert.That(sink.Events.Any(e => e.Level == LogEventLevel.Verbose && e.MessageTemplate.Text.StartsWith("Switch", StringComparison.Ordinal)), Is.True, "switches are logged at verbose");
    }

    [Test]
    public void ChromeTrace_IsValidTraceEventJson()
    {
        using BoraKernel k = ZTest.Create();
        Workload.Define(k);
        k.Boot();
        k.RunUntilIdle();
        string json = k.ExportChromeTrace();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Any(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("args").GetProperty("name").GetString()!.StartsWith("producer0", StringComparison.Ordinal)), Is.True);
            Assert.That(events.Count(e => e.GetProperty("ph").GetString() == "B"), Is.EqualTo(events.Count(e => e.GetProperty("ph").GetString() == "E")).Within(40), "slices are mostly balanced (open ones at the end of the run excepted)");
            Assert.That(events.Any(e => e.TryGetProperty("name", out var n) && n.GetString() == "SemTake"), Is.True);
            Assert.That(events.Any(e => e.TryGetProperty("cat", out var c) && c.GetString() == "irq"), Is.True);
        });
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events)
            {
                Events.Add(logEvent);
            }
        }
    }
}
