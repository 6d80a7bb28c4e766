namespace Bora.Kernel.Tests;

/// <summary>
/// A deterministic mixed workload of 12 threads: producer/consumer pairs with timeouts, time-sliced
/// busy workers, an interrupt-driven driver, a mutex contended across priorities (inheritance), and
/// sleepers with checked memory traffic.
/// </summary>
internal static class Workload
{
    /// <summary>Defines the workload's objects and threads on <paramref name="k"/> (before boot).</summary>
    /// <param name="k">The kernel.</param>
    /// <param name="priorityShift">Added to one worker's priority, to show the trace depends on it.</param>
    /// <param name="hostCallback">Called (pure host code) from one thread mid-run.</param>
    public static void Define(BoraKernel k, int priorityShift = 0, Action? hostCallback = null)
    {
        uint sharedBase = k.Layout.Heap.Start;
        SemaphoreHandle[] items = [k.DefineSemaphore("items0", 0, 4), k.DefineSemaphore("items1", 0, 4)];
        SemaphoreHandle irqSem = k.DefineSemaphore("irq_sem", 0, 100);
        MutexHandle lockA = k.DefineMutex("lock_a");
        k.IrqConnect(5, 2, _ => k_sem_give(irqSem), 0);
        k.IrqEnable(5);

        for (int p = 0; p < 2; p++)
        {
            int pair = p;
            k.CreateThread($"producer{p}", (_, _, _) =>
            {
                for (int i = 0; i < 12; i++)
                {
                    k.Machine.Cpu.WriteUInt32(sharedBase + (uint)((pair * 64) + ((i % 8) * 4)), (uint)i);
                    k_sem_give(items[pair]);
                    k_msleep(3 + pair);
                }
            }, 4 + p);
            k.CreateThread($"consumer{p}", (_, _, _) =>
            {
                int got = 0;
                while (got < 12)
                {
                    if (k_sem_take(items[pair], K_MSEC(5)) == 0)
                    {
                        _ = k.Machine.Cpu.ReadUInt32(sharedBase + (uint)((pair * 64) + ((got % 8) * 4)));
                        got++;
                    }
                }
            }, 3 + p);
        }

        k.CreateThread("slicer_setup", (_, _, _) => k_sched_time_slice_set(2, 6), -2);
        for (int w = 0; w < 2; w++)
        {
            k.CreateThread($"worker{w}", (_, _, _) =>
            {
                for (int i = 0; i < 6; i++)
                {
                    k_busy_wait(1500);
                    k.Machine.Cpu.ReadUInt32(sharedBase + 0x200);
                }
            }, 7 + (w == 1 ? priorityShift : 0));
        }

        k.CreateThread("driver", (_, _, _) =>
        {
            for (int i = 0; i < 8; i++)
            {
                k_msleep(4);
                trigger_irq(5);
            }
        }, 1);
        k.CreateThread("irq_waiter", (_, _, _) =>
        {
            for (int i = 0; i < 8; i++)
            {
                k_sem_take(irqSem, K_FOREVER);
            }

            hostCallback?.Invoke();
        }, 2);

        int[] mutexPrios = [9, 6, 3];
        for (int m = 0; m < mutexPrios.Length; m++)
        {
            int index = m;
            k.CreateThread($"locker{m}", (_, _, _) =>
            {
                k_msleep(1 + index);
                for (int i = 0; i < 3; i++)
                {
                    k_mutex_lock(lockA, K_FOREVER);
                    k_busy_wait(700);
                    k_mutex_unlock(lockA);
                    k_msleep(2);
                }
            }, mutexPrios[m]);
        }
    }

    /// <summary>Runs the workload alone on a fresh kernel and returns its trace.</summary>
    public static (TraceEvent[] Events, ulong Hash) RunSolo(Board board, int priorityShift = 0, int? hostDelaySeed = null, Action? hostCallback = null) =>
        RunSolo(TestBoards.Options(board), priorityShift, hostDelaySeed, hostCallback);

    /// <summary>Runs the workload alone on a fresh kernel built from <paramref name="options"/> and returns its trace.</summary>
    public static (TraceEvent[] Events, ulong Hash) RunSolo(KernelOptions options, int priorityShift = 0, int? hostDelaySeed = null, Action? hostCallback = null)
    {
        options.HostDelaySeed = hostDelaySeed;
        using var k = new BoraKernel(options);
        Define(k, priorityShift, hostCallback);
        k.Boot();
        RunResult result = k.RunUntilIdle();
        Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle), () => $"workload did not finish: {result}");
        Assert.That(k.Trace.HasWrapped, Is.False, "the trace ring is large enough for the whole workload");
        return (k.Trace.Snapshot(), k.Trace.Hash);
    }
}
