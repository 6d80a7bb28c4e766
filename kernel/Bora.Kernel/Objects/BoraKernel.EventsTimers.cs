namespace Bora.Kernel;

/// <summary>Event objects and timers: definitions, kernel calls and timer expiry (kernel/events.c, kernel/timer.c).</summary>
public sealed partial class BoraKernel
{
    /// <summary>Defines an initialised event object (<c>K_EVENT_DEFINE</c>).</summary>
    public EventHandle DefineEvent(string name)
    {
        EnsureHostAccess(nameof(DefineEvent));
        KEvent ev = DefineObject(name, KObjectSizes.Event, "k_event", a => new KEvent(this, a, name));
        ev.MarkInitialized();
        return ev.Handle;
    }

    /// <summary>
    /// Defines an initialised timer (<c>K_TIMER_DEFINE</c>) with optional expiry and stop functions,
    /// registered in text.
    /// </summary>
    public TimerHandle DefineTimer(string name, TimerHandler? expiry = null, TimerHandler? stop = null)
    {
        EnsureHostAccess(nameof(DefineTimer));
        KTimer timer = DefineObject(name, KObjectSizes.Timer, "k_timer", a => new KTimer(this, a, name));
        timer.Init(TimerFunctionAddress(expiry), TimerFunctionAddress(stop));
        return timer.Handle;
    }

    /// <summary>The event object at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not an event object.</exception>
    public KEvent GetEvent(EventHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KEvent ?? throw new ArgumentException($"{handle} is not an event object", nameof(handle));

    /// <summary>The timer at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a timer.</exception>
    public KTimer GetTimer(TimerHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KTimer ?? throw new ArgumentException($"{handle} is not a timer", nameof(handle));

    /// <summary>The address of <paramref name="function"/> in text (registered on first use), or 0.</summary>
    internal uint TimerFunctionAddress(TimerHandler? function) =>
        function is null ? 0 : Layout.Symbols.Register(SymbolTable.NameOf(function), SymbolKind.Function, function).Address;

    /// <summary>The current tick (for objects that compute timepoints).</summary>
    internal long TickNow => CurrentTick;

    /// <summary><c>z_unpend_thread</c> + return value + <c>z_ready_thread</c> for a waiter that is not necessarily the first.</summary>
    internal void WakeWaiter(KThread thread, int returnValue)
    {
        Unpend(thread);
        thread.SwapRetval = returnValue;
        ReadyThread(thread);
    }

    internal void CallEventInit(KThread caller, EventHandle ev)
    {
        Enter(caller, KernelCall.EventInit);
        Lookup<KEvent>(caller, ev.Address, "k_event").Init();
        Exit(caller, KernelCall.EventInit, 0);
    }

    internal uint CallEventPost(KThread caller, EventHandle ev, uint events, uint mask)
    {
        Enter(caller, KernelCall.EventPost);
        uint previous = Lookup<KEvent>(caller, ev.Address, "k_event").Post(events, mask);
        Exit(caller, KernelCall.EventPost, unchecked((int)previous));
        return previous;
    }

    internal uint CallEventWait(KThread caller, EventHandle ev, uint events, EventWaitOptions options, KTimeout timeout)
    {
        Enter(caller, KernelCall.EventWait);
        uint received = Lookup<KEvent>(caller, ev.Address, "k_event").Wait(caller, events, options, timeout);
        Exit(caller, KernelCall.EventWait, unchecked((int)received));
        return received;
    }

    internal void CallTimerInit(KThread caller, TimerHandle timer, uint expiry, uint stop)
    {
        Enter(caller, KernelCall.TimerInit);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        RemoveTimeoutEntry(t.Timeout);
        t.Init(expiry, stop);
        Exit(caller, KernelCall.TimerInit, 0);
    }

    /// <summary>
    /// <c>z_impl_k_timer_start</c>: a relative duration of n ticks expires at the n-th tick boundary
    /// after the current tick began (Zephyr subtracts the tick <c>z_add_timeout</c> adds, for
    /// backwards compatibility); <c>K_FOREVER</c> does nothing.
    /// </summary>
    internal void CallTimerStart(KThread caller, TimerHandle timer, KTimeout duration, KTimeout period)
    {
        Enter(caller, KernelCall.TimerStart);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        ChargeWork(_costs.TimerOperation);
        if (!duration.IsForever)
        {
            RemoveTimeoutEntry(t.Timeout);
            t.Period = period;
            t.Status = 0;
            KTimeout first = duration.Kind == TimeoutKind.AbsoluteTicks
                ? duration
                : KTimeout.FromTicks(Math.Max(Clock.RelativeTicks(duration) - 1, 0));
            AddTimeout(t.Timeout, first);
        }

        Exit(caller, KernelCall.TimerStart, 0);
    }

    /// <summary>
    /// <c>z_impl_k_timer_stop</c>: a running timer stops, its stop function runs in the caller's context
    /// (an ISR when called from an expiry function), and a <c>k_timer_status_sync</c> waiter is woken.
    /// </summary>
    internal void CallTimerStop(KThread caller, TimerHandle timer)
    {
        Enter(caller, KernelCall.TimerStop);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        ChargeWork(_costs.TimerOperation);
        if (RemoveTimeoutEntry(t.Timeout))
        {
            if (t.StopFunction != 0)
            {
                InvokeTimerFunction(caller, t, t.StopFunction);
            }

            UnpendFirst(t.WaitQueue, 0);
        }

        Exit(caller, KernelCall.TimerStop, 0);
    }

    internal uint CallTimerStatusGet(KThread caller, TimerHandle timer)
    {
        Enter(caller, KernelCall.TimerStatus);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        uint status = t.Status;
        t.Status = 0;
        Exit(caller, KernelCall.TimerStatus, unchecked((int)status));
        return status;
    }

    /// <summary>
    /// <c>z_impl_k_timer_status_sync</c>: blocks until the running timer expires or is stopped, then
    /// returns and clears the status. From an ISR it is an oops (Zephyr asserts; a status of 0 could
    /// not say "did not wait").
    /// </summary>
    internal uint CallTimerStatusSync(KThread caller, TimerHandle timer)
    {
        Enter(caller, KernelCall.TimerStatus);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        if (_isrNesting > 0)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_timer_status_sync({t}) called from an ISR, which cannot block");
        }

        ChargeWork(_costs.TimerOperation);
        uint status = t.Status;
        if (status == 0 && t.IsRunning)
        {
            Pend(caller, t.WaitQueue, KTimeout.Forever);
            status = t.Status;
        }

        t.Status = 0;
        Exit(caller, KernelCall.TimerStatus, unchecked((int)status));
        return status;
    }

    /// <summary><c>k_timer_remaining_ticks</c> (0 when stopped) or <c>k_timer_expires_ticks</c> (the current tick when stopped).</summary>
    internal long CallTimerTicks(KThread caller, TimerHandle timer, bool expires)
    {
        Enter(caller, KernelCall.TimerQuery);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        long now = CurrentTick;
        long ticks = expires
            ? (t.IsRunning ? t.ExpiryTick : now)
            : (t.IsRunning ? Math.Max(0, t.ExpiryTick - now) : 0);
        Exit(caller, KernelCall.TimerQuery, (int)Math.Clamp(ticks, int.MinValue, int.MaxValue));
        return ticks;
    }

    internal uint CallTimerUserData(KThread caller, TimerHandle timer, uint? set)
    {
        Enter(caller, KernelCall.TimerQuery);
        KTimer t = Lookup<KTimer>(caller, timer.Address, "k_timer");
        if (set is uint value)
        {
            t.UserData = value;
        }

        uint data = t.UserData;
        Exit(caller, KernelCall.TimerQuery, unchecked((int)data));
        return data;
    }

    /// <summary>
    /// <c>z_timer_expiration_handler</c>, run in the timer ISR: a periodic timer is re-armed a whole
    /// period after the tick it was due at (an absolute timeout, so a late interrupt does not drift it),
    /// the status counts up, the expiry function is called through its address, and the first
    /// <c>k_timer_status_sync</c> waiter is woken.
    /// </summary>
    internal void OnTimerExpiry(KTimer timer)
    {
        ChargeWork(_costs.TimerOperation);
        if (!timer.Period.IsNoWait && !timer.Period.IsForever)
        {
            long periodTicks = timer.Period.Kind == TimeoutKind.AbsoluteTicks ? timer.Period.Value : Clock.RelativeTicks(timer.Period);
            long next = timer.ExpiryTick + Math.Max(periodTicks - 1, 0) + 1;
            AddTimeout(timer.Timeout, KTimeout.AbsoluteTicks(next));
        }

        timer.Status++;
        if (timer.ExpiryFunction != 0)
        {
            InvokeTimerFunction(_current!, timer, timer.ExpiryFunction);
        }

        UnpendFirst(timer.WaitQueue, 0);
    }

    private void InvokeTimerFunction(KThread caller, KTimer timer, uint address)
    {
        CallFunction(caller, address, target =>
        {
            switch (target)
            {
                case TimerHandler handler:
                    handler(timer.Handle);
                    break;
                case IsrHandler isr:
                    isr(timer.Address);
                    break;
                case Action<uint> action:
                    action(timer.Address);
                    break;
                default:
                    Fatal(caller, FatalReason.KernelOops, null, $"{timer} calls the function at 0x{address:X8}, a {target.GetType().Name}; a timer function takes the timer (TimerHandler)");
                    break;
            }
        });
    }

    private bool RemoveTimeoutEntry(TimeoutEntry entry)
    {
        if (!_timeouts.Remove(entry))
        {
            return false;
        }

        UpdateTimerDeadline();
        return true;
    }
}
