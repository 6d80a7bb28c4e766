namespace Bora.Kernel.Tests;

/// <summary>
/// Determinism of the IPC objects: a workload of 11 threads and an ISR over a msgq, a k_stack, a FIFO,
/// a pipe, a condvar and k_poll on a poll signal and the msgq (timeouts included) gives the same trace twice and under random host delays.
/// </summary>
public sealed class IpcDeterminismTests
{
    private static void Define(BoraKernel k, int priorityShift)
    {
        var mem = new TestMemory(k, 8192, "ipc_mem");
        uint ring = mem.Alloc(8 * 4);
        uint stackBuffer = mem.Alloc(4 * 4);
        uint pipeRing = mem.Alloc(32);
        uint items = mem.Alloc(16 * 8);
        uint scratch = mem.Alloc(1024);
        MsgqHandle msgq = k.DeclareMsgq("wl_msgq");
        KStackHandle stack = k.DeclareKStack("wl_stack");
        FifoHandle fifo = k.DefineFifo("wl_fifo");
        PipeHandle pipe = k.DeclarePipe("wl_pipe");
        CondvarHandle cv = k.DefineCondvar("wl_cv");
        MutexHandle lockM = k.DefineMutex("wl_lock");
        PollSignalHandle signal = k.DefinePollSignal("wl_signal");
        uint events = mem.Alloc(2 * K_POLL_EVENT_SIZE);
        int shared = 0;

        k.IrqConnect(7, 1, _ =>
        {
            k_stack_push(stack, (uint)shared);
            k_fifo_put(fifo, items + ((uint)(shared % 16) * 8));
            k_condvar_signal(cv);
        }, 0);
        k.IrqEnable(7);

        k.CreateThread("setup", (_, _, _) =>
        {
            k_msgq_init(msgq, ring, 4, 8);
            k_stack_init(stack, stackBuffer, 4);
            k_pipe_init(pipe, pipeRing, 32);
        }, -5);

        for (int p = 0; p < 2; p++)
        {
            int index = p;
            k.CreateThread($"msgq_producer{p}", (_, _, _) =>
            {
                uint msg = scratch + (uint)(index * 4);
                for (int i = 0; i < 10; i++)
                {
                    k.Machine.Cpu.WriteUInt32(msg, (uint)((index * 100) + i));
                    k_msgq_put(msgq, msg, K_MSEC(3));
                    k_msleep(1 + index);
                }
            }, 4 + p);
        }

        k.CreateThread("msgq_consumer", (_, _, _) =>
        {
            uint rx = scratch + 64;
            for (int i = 0; i < 25; i++)
            {
                k_msgq_get(msgq, rx, K_MSEC(4));
            }
        }, 3 + priorityShift);

        k.CreateThread("driver", (_, _, _) =>
        {
            for (int i = 0; i < 10; i++)
            {
                k_msleep(2);
                shared++;
                trigger_irq(7);
                k_poll_signal_raise(signal, i);
            }
        }, 1);

        k.CreateThread("poller", (_, _, _) =>
        {
            for (int i = 0; i < 12; i++)
            {
                k_poll_event_init(events, K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, signal.Address);
                k_poll_event_init(events + K_POLL_EVENT_SIZE, K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, msgq.Address);
                k_poll(events, 2, K_MSEC(3));
                k_poll_signal_reset(signal);
            }
        }, 2);

        k.CreateThread("stack_popper", (_, _, _) =>
        {
            for (int i = 0; i < 12; i++)
            {
                k_stack_pop(stack, scratch + 128, K_MSEC(5));
            }
        }, 2);

        k.CreateThread("fifo_getter", (_, _, _) =>
        {
            for (int i = 0; i < 12; i++)
            {
                _ = k_fifo_get(fifo, K_MSEC(3));
            }
        }, 5);

        k.CreateThread("pipe_writer", (_, _, _) =>
        {
            for (int i = 0; i < 8; i++)
            {
                k_pipe_put(pipe, scratch + 256, 20, out _, 5, K_MSEC(4));
                k_busy_wait(500);
            }
        }, 6);

        k.CreateThread("pipe_reader", (_, _, _) =>
        {
            for (int i = 0; i < 10; i++)
            {
                k_pipe_get(pipe, scratch + 512, 15, out _, 10, K_MSEC(6));
            }
        }, 6);

        for (int w = 0; w < 2; w++)
        {
            k.CreateThread($"cv_waiter{w}", (_, _, _) =>
            {
                for (int i = 0; i < 5; i++)
                {
                    k_mutex_lock(lockM, K_FOREVER);
                    k_condvar_wait(cv, lockM, K_MSEC(7));
                    k_mutex_unlock(lockM);
                }
            }, 7 + w);
        }
    }

    private static (TraceEvent[] Events, ulong Hash) RunOnce(int? hostDelaySeed = null, int priorityShift = 0)
    {
        KernelOptions options = TestBoards.Options();
        options.HostDelaySeed = hostDelaySeed;
        using var k = new BoraKernel(options);
        Define(k, priorityShift);
        k.Boot();
        RunResult result = k.RunUntilIdle();
        Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle), () => $"workload did not finish: {result}");
        Assert.That(k.Halt, Is.Null);
        Assert.That(k.Trace.HasWrapped, Is.False);
        return (k.Trace.Snapshot(), k.Trace.Hash);
    }

    [Test]
    public void IpcWorkload_RunTwice_GivesIdenticalTraces()
    {
        (TraceEvent[] first, ulong firstHash) = RunOnce();
        (TraceEvent[] second, ulong secondHash) = RunOnce();
        Assert.That(first.Length, Is.GreaterThan(500), "the workload is not trivial");
        Assert.That(first.Count(e => e.Kind == TraceEventKind.IsrEnter), Is.GreaterThan(10), "the ISR and timer interrupts ran");
        int[] ipcCalls = [(int)KernelCall.MsgqPut, (int)KernelCall.MsgqGet, (int)KernelCall.StackPop, (int)KernelCall.QueueGet, (int)KernelCall.PipePut, (int)KernelCall.PipeGet, (int)KernelCall.CondvarWait, (int)KernelCall.Poll, (int)KernelCall.PollSignalRaise];
        foreach (int call in ipcCalls)
        {
            Assert.That(first.Any(e => e.Kind == TraceEventKind.CallExit && e.Arg == call), Is.True, $"{(KernelCall)call} ran");
        }

        Assert.That(first.Any(e => e.Kind == TraceEventKind.CallExit && e.Value == -EAGAIN), Is.True, "some waits timed out");
        Assert.That(second, Is.EqualTo(first));
        Assert.That(secondHash, Is.EqualTo(firstHash));
    }

    [Test]
    public void IpcWorkload_WithRandomHostDelays_GivesTheUndisturbedTrace()
    {
        (TraceEvent[] baseline, ulong baselineHash) = RunOnce();
        foreach (int seed in new[] { 11, 12 })
        {
            (TraceEvent[] disturbed, ulong hash) = RunOnce(hostDelaySeed: seed);
            Assert.That(disturbed, Is.EqualTo(baseline), $"seed {seed}");
            Assert.That(hash, Is.EqualTo(baselineHash));
        }
    }

    [Test]
    public void IpcWorkload_ChangingOnePriority_ChangesTheTrace()
    {
        (_, ulong baseline) = RunOnce();
        (_, ulong shifted) = RunOnce(priorityShift: 4);
        Assert.That(shifted, Is.Not.EqualTo(baseline));
    }
}
