using System.Diagnostics.CodeAnalysis;
using Serilog.Events;

namespace Bora.Kernel;

/// <summary>
/// The baton: hand-off between host threads, thread start and end, and the unwinding of dead threads.
/// Only the baton holder touches kernel state.
/// </summary>
public sealed partial class BoraKernel
{
    private const int HostThreadStackBytes = 512 * 1024;

    /// <summary>
    /// Switches from <paramref name="self"/> (the baton holder, on its own host thread) to
    /// <paramref name="next"/>, and parks until the scheduler resumes <paramref name="self"/>.
    /// </summary>
    private void SwitchTo(KThread self, KThread next)
    {
        // The switch is an exception (PendSV on Cortex-M): the arch stacks its frame on the outgoing
        // thread's stack, so a thread switched out near its guard overflows here, as on hardware.
        CpuState cpu = _cpu.State;
        ExceptionEntry frame = _exceptionModel.Enter(cpu, _cpu, _options.Exceptions.PendSv, cpu.Pc);
        if (frame.StackingFault is { } stacking)
        {
            Fatal(self, ClassifyFault(self, stacking), stacking, $"context switch could not stack '{self.ThreadName}''s frame");
        }

        self.SwitchFrame = frame;
        SaveContext(self);
        Charge(_costs.ContextSwitch);
        _trace.Record(_cpu.Cycles, TraceEventKind.Switch, self.Id, next.Id, 0);
        if (Verbose)
        {
            _log.Verbose("Switch {From} -> {To} at cycle {Cycles}", self.ThreadName, next.ThreadName, _cpu.Cycles);
        }

        MakeCurrent(next);
        Inject();
        Resume(next);
        self.Slot!.Wait(Timeout.InfiniteTimeSpan, next.Slot);
        Inject();
        ThrowIfUnwinding(self);
        self.SwitchFrame = null;
        ExceptionReturn resumed = _exceptionModel.Return(_cpu.State, _cpu, frame);
        if (resumed.UnstackingFault is { } unstacking)
        {
            Fatal(self, ClassifyFault(self, unstacking), unstacking, $"exception return could not unstack '{self.ThreadName}''s frame after a context switch");
        }

        _cpu.CheckExecute(resumed.ResumedPc);
    }

    private void SaveContext(KThread thread)
    {
        thread.Context.CopyFrom(_cpu.State);
        thread.IrqMasked = _irqMasked;
        thread.KernelDepth = _kernelDepth;
    }

    /// <summary>Makes <paramref name="next"/> the running thread: restores its CPU state and starts its time slice.</summary>
    private void MakeCurrent(KThread next)
    {
        _current = next;
        _cpu.State.CopyFrom(next.Context);
        SwitchInProtection(next);
        _irqMasked = next.IrqMasked;
        _kernelDepth = next.KernelDepth;
        ResetSlice(next);
    }

    /// <summary>Hands the baton to <paramref name="thread"/>'s host thread, starting it on its first run.</summary>
    private void Resume(KThread thread)
    {
        if (thread.HostThread is null)
        {
            var host = new Thread(HostMain, HostThreadStackBytes)
            {
                IsBackground = true,
                Name = $"bora:{Name}:{thread.ThreadName}",
            };
            thread.HostThread = host;
            host.Start(thread);
        }
        else
        {
            thread.Slot!.Release();
        }
    }

    /// <summary>Gives control back to the host that called Run; <paramref name="self"/> stays current and parks.</summary>
    private void ReturnToHost(KThread self, RunStopReason reason)
    {
        _stopReason = reason;
        Inject();
        _hostSlot!.Release();
        self.Slot!.Wait(Timeout.InfiniteTimeSpan, _hostSlot);
        Inject();
        ThrowIfUnwinding(self);
    }

    private void HostMain(object? state)
    {
        var thread = (KThread)state!;
        KernelContext.Current = new KernelContext(this, thread);
        try
        {
            try
            {
                Inject();
                ThrowIfUnwinding(thread);
                ThreadEntry entry = EnterThreadCode(thread, out uint p1, out uint p2, out uint p3);
                entry(p1, p2, p3);
                OnEntryReturned(thread);
            }
            catch (Exception e) when (e is not ThreadTerminatedException && !thread.Unwinding)
            {
                HaltForHostException(thread, e);
            }
        }
        catch (ThreadTerminatedException)
        {
            // The only place a thread's termination ends.
        }
        catch (Exception e) when (thread.Unwinding)
        {
            _log.Debug(e, "Thread {Thread} threw {Exception} while unwinding; ignored", thread.ThreadName, e.GetType().Name);
        }
        finally
        {
            ThreadExited(thread);
            KernelContext.Current = null;
        }
    }

    /// <summary>
    /// What <c>z_thread_entry</c> does on real hardware: the initial frame that creation wrote is
    /// popped from the thread's stack at its privilege, and the entry address found there is fetched.
    /// </summary>
    private ThreadEntry EnterThreadCode(KThread thread, out uint p1, out uint p2, out uint p3)
    {
        Privilege privilege = _cpu.State.Privilege;
        uint sp = _cpu.State.Sp;
        Span<uint> frame = stackalloc uint[(int)(InitialFrameBytes / 4)];
        for (int i = 0; i < frame.Length; i++)
        {
            if (_cpu.TryRead(sp + (uint)(i * 4), 4, AccessKind.StackPop, privilege, out frame[i]) is { } fault)
            {
                Fatal(thread, ClassifyFault(thread, fault), fault, $"thread '{thread.ThreadName}' could not pop its initial frame at 0x{sp:X8}");
            }
        }

        _cpu.State.Sp = sp + InitialFrameBytes;
        uint entryAddress = frame[0];
        p1 = frame[1];
        p2 = frame[2];
        p3 = frame[3];
        if (thread.IsUser)
        {
            // A K_USER thread starts in supervisor mode and drops to user mode before its entry (z_thread_entry
            // -> arch_user_mode_enter), so the entry is fetched at user privilege.
            PrepareUserMode(thread);
        }

        _cpu.State.Pc = entryAddress;
        _cpu.CheckExecute(entryAddress);
        if (Layout.Symbols.TargetAt(entryAddress) is ThreadEntry entry)
        {
            return entry;
        }

        FaultRecord noCode = _cpu.Protection.RaiseBusFault(new MemoryAccess(entryAddress, 2, AccessKind.Execute, privilege), entryAddress);
        Fatal(thread, FatalReason.CpuException, noCode, $"thread '{thread.ThreadName}' entry 0x{entryAddress:X8} is not a registered thread entry ({Layout.Symbols.Describe(entryAddress)})");
        return null!;
    }

    /// <summary>The entry returned: <c>z_thread_entry</c> calls <c>k_thread_abort(_current)</c>.</summary>
    private void OnEntryReturned(KThread thread)
    {
        if (thread.IsDead)
        {
            return;
        }

        if (thread.IsEssential)
        {
            Fatal(thread, FatalReason.KernelPanic, null, $"essential thread '{thread.ThreadName}' returned from its entry");
        }

        MarkDead(thread);
    }

    /// <summary>The host thread of <paramref name="thread"/> is ending: pass the baton on.</summary>
    private void ThreadExited(KThread thread)
    {
        thread.HostExited = true;
        if (thread.Unwinding)
        {
            EndUnwind(thread);
        }

        if (thread.UnwindReturn is { } back)
        {
            thread.UnwindReturn = null;
            Inject();
            back.Release();
            return;
        }

        if (_current != thread || Halt is not null || _disposed)
        {
            return;
        }

        // The thread ended itself (returned, aborted itself, or died of a fatal error): run the next one.
        _isrNesting = 0;
        KThread next = NextUp();
        Charge(_costs.ContextSwitch);
        _trace.Record(_cpu.Cycles, TraceEventKind.Switch, thread.Id, next.Id, 0);
        if (Verbose)
        {
            _log.Verbose("Switch {From} -> {To} at cycle {Cycles} (thread ended)", thread.ThreadName, next.ThreadName, _cpu.Cycles);
        }

        MakeCurrent(next);
        Inject();
        Resume(next);
    }

    /// <summary>Makes every later kernel call and checked access of <paramref name="thread"/> throw, and denies its accesses.</summary>
    private void BeginUnwind(KThread thread)
    {
        thread.Unwinding = true;
        _gate.DenyAll = true;
        _cpu.SetPollDeadline(0);
    }

    private void EndUnwind(KThread thread)
    {
        thread.Unwinding = false;
        _gate.DenyAll = false;
        ArmPollDeadline();
    }

    /// <summary>Throws <paramref name="thread"/>'s termination on its host thread (which must be the calling one).</summary>
    [DoesNotReturn]
    private void ThrowTermination(KThread thread)
    {
        if (!thread.Unwinding)
        {
            BeginUnwind(thread);
        }

        if (_log.IsEnabled(LogEventLevel.Debug))
        {
            _log.Debug("Thread {Thread} unwinds", thread.ThreadName);
        }

        throw new ThreadTerminatedException(thread.ThreadName, thread.Id);
    }

    private void ThrowIfUnwinding(KThread thread)
    {
        if (thread.Unwinding)
        {
            ThrowTermination(thread);
        }
    }

    /// <summary>
    /// Unwinds the host thread of <paramref name="target"/> (dead, parked, not current) while the
    /// caller waits: the target's <c>catch</c> and <c>finally</c> blocks run now, holding the baton,
    /// and can neither touch the machine nor call the kernel.
    /// </summary>
    private void UnwindRemote(KThread target)
    {
        if (!target.HasLiveHostThread)
        {
            return;
        }

        HandoffSlot back = KernelContext.Current?.Kernel == this ? KernelContext.Current.Thread.Slot! : _hostSlot!;
        target.UnwindReturn = back;
        BeginUnwind(target);
        Inject();
        target.Slot!.Release();
        back.Wait(Timeout.InfiniteTimeSpan, target.Slot);
        Inject();
    }
}
