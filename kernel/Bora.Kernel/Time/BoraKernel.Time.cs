namespace Bora.Kernel;

/// <summary>
/// Virtual time (kernel/timeout.c, the system timer driver, time slicing): the timer interrupt is
/// due at the first cycle of the earliest timeout's tick; the idle thread jumps the clock there.
/// </summary>
public sealed partial class BoraKernel
{
    private readonly TimeoutQueue _timeouts = new();
    private readonly TimeoutEntry _sliceTimeout;
    private ulong _timerDeadline = ulong.MaxValue;
    private ulong _runDeadline = ulong.MaxValue;
    private bool _stopWhenIdle;
    private RunStopReason _stopReason;
    private long _sliceTicks;
    private int _sliceMaxPriority;
    private bool _sliceExpired;

    private long CurrentTick => Clock.TickAt(_cpu.Cycles);

    /// <summary>
    /// <c>z_add_timeout</c>: a relative timeout of n ticks expires n+1 ticks after the current tick
    /// began (the current tick is partly gone); an absolute one at its tick, but never in the past.
    /// </summary>
    private void AddTimeout(TimeoutEntry entry, KTimeout timeout)
    {
        long now = CurrentTick;
        long expiry = timeout.Kind == TimeoutKind.AbsoluteTicks
            ? Math.Max(now + 1, timeout.Value)
            : now + Clock.RelativeTicks(timeout) + 1;
        _timeouts.Add(entry, expiry);
        UpdateTimerDeadline();
    }

    private void RemoveTimeout(TimeoutEntry entry)
    {
        if (_timeouts.Remove(entry))
        {
            UpdateTimerDeadline();
        }
    }

    private void UpdateTimerDeadline()
    {
        _timerDeadline = _timeouts.First is { } first ? Clock.CycleOfTick(first.ExpiryTick) : ulong.MaxValue;
        ArmPollDeadline();
    }

    /// <summary>Sets the cycle at which the CPU's next poll point fires: the timer, the run deadline, or now.</summary>
    private void ArmPollDeadline()
    {
        ulong deadline = Math.Min(_timerDeadline, _runDeadline);
        if (_delayRandom is not null || _gate.DenyAll)
        {
            deadline = 0;
        }

        _cpu.SetPollDeadline(deadline);
        Interlocked.MemoryBarrier();
        if (AnyPendingIrq())
        {
            _cpu.SetPollDeadline(0);
        }
    }

    /// <summary><c>sys_clock_announce</c>, run by the timer ISR: fires every expired timeout in order, then time slicing.</summary>
    private void Announce()
    {
        long now = CurrentTick;
        while (_timeouts.First is { } first && first.ExpiryTick <= now)
        {
            _timeouts.Remove(first);
            first.Fire();
        }

        if (_sliceExpired && _current is { } current && IsSliceable(current))
        {
            MoveToEndOfPriorityQueue(current);
            ResetSlice(current);
        }

        UpdateTimerDeadline();
    }

    private bool IsSliceable(KThread thread) =>
        _sliceTicks != 0 && IsPreemptible(thread) && thread.Priority >= _sliceMaxPriority && thread != _idle && thread.IsRunnable;

    /// <summary><c>z_reset_time_slice</c>: a thread switched in gets a full slice.</summary>
    private void ResetSlice(KThread thread)
    {
        _timeouts.Remove(_sliceTimeout);
        _sliceExpired = false;
        if (IsSliceable(thread))
        {
            AddTimeout(_sliceTimeout, KTimeout.FromTicks(_sliceTicks - 1));
        }
        else
        {
            UpdateTimerDeadline();
        }
    }

    /// <summary><c>k_sched_time_slice_set</c>.</summary>
    private void SetTimeSlice(KThread caller, int sliceMs, int maxPriority)
    {
        _sliceTicks = Clock.MsToTicksCeil(sliceMs);
        _sliceMaxPriority = maxPriority;
        ResetSlice(caller);
    }

    private void AdvanceTo(ulong cycle)
    {
        if (cycle > _cpu.Cycles)
        {
            _cpu.AddCycles(cycle - _cpu.Cycles);
        }
    }

    /// <summary>
    /// <c>k_busy_wait</c>: spins (in thread context, interrupts and preemption allowed) until
    /// <paramref name="microseconds"/> of cycles have passed since the call.
    /// </summary>
    private void BusyWait(KThread self, uint microseconds)
    {
        ulong target = _cpu.Cycles + Clock.UsToCycles(microseconds);
        while (_cpu.Cycles < target)
        {
            bool polling = _isrNesting == 0 && !_irqMasked && _kernelDepth == 0;
            ulong step = polling ? Math.Min(target, Math.Min(_timerDeadline, _runDeadline)) : target;
            if (polling && AnyPendingIrq())
            {
                step = _cpu.Cycles;
            }

            AdvanceTo(step);
            if (polling)
            {
                PollPoint(self);
            }
        }
    }

    /// <summary>The idle thread: takes interrupts, and when nothing can run jumps the clock to the next timeout (or hands control back).</summary>
    private void IdleEntry(uint p1, uint p2, uint p3)
    {
        KThread idle = _idle!;
        while (true)
        {
            PollPoint(idle);
            if (AnyPendingIrq())
            {
                continue;
            }

            if (_timerDeadline == ulong.MaxValue)
            {
                if (_stopWhenIdle)
                {
                    ReturnToHost(idle, RunStopReason.Idle);
                }
                else
                {
                    AdvanceTo(_runDeadline);
                }

                continue;
            }

            AdvanceTo(Math.Min(_timerDeadline, _runDeadline));
        }
    }

    /// <summary><c>bg_thread_main</c>: runs the host's main, then main is no longer essential.</summary>
    private void MainEntry(uint p1, uint p2, uint p3)
    {
        _userMain?.Invoke(p1, p2, p3);
        _main!.Options &= ~ThreadOptions.Essential;
    }
}
