namespace Bora.Kernel;

/// <summary>
/// <c>k_poll</c> and poll signals (kernel/poll.c): definition (host API) and kernel calls. The events
/// array lives in simulated memory; the kernel works on a copy for the duration of the call and the
/// poller writes the states back through the checked accessors when it returns.
/// </summary>
public sealed partial class BoraKernel
{
    // Look-up only (never iterated): the k_poll call each thread is in, so registrations left behind by
    // a thread that was aborted while polling are recognised as stale and skipped.
    private readonly Dictionary<KThread, Poller> _pollers = [];

    /// <summary>Defines an initialised poll signal (<c>K_POLL_SIGNAL_INITIALIZER</c>).</summary>
    public PollSignalHandle DefinePollSignal(string name)
    {
        EnsureHostAccess(nameof(DefinePollSignal));
        KPollSignal signal = DefineObject(name, KObjectSizes.PollSignal, "k_poll_signal", a => new KPollSignal(this, a, name));
        signal.MarkInitialized();
        return signal.Handle;
    }

    /// <summary>The poll signal at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a poll signal.</exception>
    public KPollSignal GetPollSignal(PollSignalHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KPollSignal ?? throw new ArgumentException($"{handle} is not a poll signal", nameof(handle));

    /// <summary>
    /// <c>k_poll_event_init</c> (an inline function in Zephyr: it runs with the caller's rights): writes
    /// the event at <paramref name="ev"/>, leaving its tag as it was. A mode other than
    /// <c>K_POLL_MODE_NOTIFY_ONLY</c>, a type of <c>_POLL_NUM_TYPES</c> bits or more, or a NULL object
    /// (all Zephyr assertions) is an oops of the caller.
    /// </summary>
    internal void PollEventInit(KThread caller, uint ev, uint type, int mode, uint obj)
    {
        if (mode != 0 || type >= (1u << PollEventLayout.TypeBits) || obj == 0)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_poll_event_init(0x{ev:X8}, type 0x{type:X}, mode {mode}, obj 0x{obj:X8}): only K_POLL_MODE_NOTIFY_ONLY, a valid K_POLL_TYPE_* and a non-NULL object are allowed");
        }

        WritePollEvent(ev, _cpu.ReadByte(ev + PollEventLayout.BitsOffset), type, mode, obj);
    }

    /// <summary><c>K_POLL_EVENT_STATIC_INITIALIZER</c>: writes the whole event, tag included, without checks.</summary>
    internal void WritePollEvent(uint ev, byte tag, uint type, int mode, uint obj)
    {
        _cpu.WriteUInt32(ev + PollEventLayout.NodeNextOffset, 0);
        _cpu.WriteUInt32(ev + PollEventLayout.NodePrevOffset, 0);
        _cpu.WriteUInt32(ev + PollEventLayout.PollerOffset, 0);
        _cpu.WriteUInt32(ev + PollEventLayout.BitsOffset, PollEventLayout.Pack(tag, type, PollState.NotReady, mode));
        _cpu.WriteUInt32(ev + PollEventLayout.ObjOffset, obj);
    }

    /// <summary>
    /// <c>z_impl_k_poll</c>: 0 (at least one event is ready; see each event's state), <c>-EAGAIN</c>
    /// (none was ready and the caller did not wait, or the wait timed out), <c>-EINTR</c> (a queue's
    /// wait was cancelled) or <c>-EINVAL</c> (a negative count, or an event with an unknown type or
    /// mode — <c>z_vrfy_k_poll</c>'s checks, applied to every caller). An object of the wrong type is an
    /// oops. In an ISR (Zephyr asserts) the call never waits.
    /// </summary>
    internal int CallPoll(KThread caller, uint events, int numEvents, KTimeout timeout)
    {
        Enter(caller, KernelCall.Poll);
        Charge(_costs.IpcOperation);
        if (numEvents < 0 || (ulong)numEvents * PollEventLayout.Size > uint.MaxValue)
        {
            return Exit(caller, KernelCall.Poll, -Errno.EInval);
        }

        var poller = new Poller(caller);
        PollEventCopy[] copies = ReadPollEvents(caller, poller, events, numEvents);
        if (copies.Length != numEvents)
        {
            return Exit(caller, KernelCall.Poll, -Errno.EInval);
        }

        bool justCheck = timeout.IsNoWait || InIsr;
        int registered = RegisterPollEvents(copies, poller, justCheck);
        int result;
        if (!poller.IsPolling)
        {
            result = 0;
        }
        else if (justCheck)
        {
            poller.IsPolling = false;
            result = -Errno.EAgain;
        }
        else
        {
            _pollers[caller] = poller;
            result = Pend(caller, poller.WaitQueue, timeout);
            _pollers.Remove(caller);
        }

        poller.IsPolling = false;
        for (int i = registered - 1; i >= 0; i--)
        {
            copies[i].List?.Remove(copies[i]);
        }

        WriteBackPollEvents(copies);
        return Exit(caller, KernelCall.Poll, result);
    }

    internal void CallPollSignalInit(KThread caller, PollSignalHandle signal)
    {
        Enter(caller, KernelCall.PollSignalInit);
        KPollSignal s = LookupPollSignal(caller, signal);
        s.Signaled = 0;
        s.MarkInitialized();
        Exit(caller, KernelCall.PollSignalInit, 0);
    }

    /// <summary><c>z_impl_k_poll_signal_raise</c>: sets the flag and result and notifies the first registered poller; 0.</summary>
    internal int CallPollSignalRaise(KThread caller, PollSignalHandle signal, int result)
    {
        Enter(caller, KernelCall.PollSignalRaise);
        Charge(_costs.IpcOperation);
        KPollSignal s = LookupPollSignal(caller, signal);
        s.Result = result;
        s.Signaled = 1;
        HandlePollEvents(s.PollEvents, PollState.Signaled);
        return Exit(caller, KernelCall.PollSignalRaise, 0);
    }

    /// <summary><c>k_poll_signal_reset</c>: clears the flag.</summary>
    internal void CallPollSignalReset(KThread caller, PollSignalHandle signal)
    {
        Enter(caller, KernelCall.PollSignalReset);
        LookupPollSignal(caller, signal).Signaled = 0;
        Exit(caller, KernelCall.PollSignalReset, 0);
    }

    /// <summary><c>z_impl_k_poll_signal_check</c>: the flag and result, also stored at <paramref name="signaled"/> and <paramref name="result"/> unless 0.</summary>
    internal (uint Signaled, int Result) CallPollSignalCheck(KThread caller, PollSignalHandle signal, uint signaled, uint result)
    {
        Enter(caller, KernelCall.PollSignalCheck);
        KPollSignal s = LookupPollSignal(caller, signal);
        if (signaled != 0)
        {
            _cpu.WriteUInt32(signaled, s.Signaled);
        }

        if (result != 0)
        {
            _cpu.WriteUInt32(result, unchecked((uint)s.Result));
        }

        Exit(caller, KernelCall.PollSignalCheck, (int)s.Signaled);
        return (s.Signaled, s.Result);
    }

    /// <summary>
    /// <c>z_handle_obj_poll_events</c>: notifies the first live event registered on an object that
    /// became available (or whose wait was cancelled). Registrations of a thread aborted while polling
    /// are dropped on the way.
    /// </summary>
    internal void HandlePollEvents(PollEventList list, uint state)
    {
        while (list.TakeFirst() is { } ev)
        {
            Poller poller = ev.Poller;
            if (_pollers.GetValueOrDefault(poller.Thread) != poller || poller.Thread.IsDead)
            {
                continue;
            }

            SignalPollEvent(ev, state);
            return;
        }
    }

    /// <summary><c>signal_poll_event</c> + <c>signal_poller</c>.</summary>
    private void SignalPollEvent(PollEventCopy ev, uint state)
    {
        Poller poller = ev.Poller;
        KThread thread = poller.Thread;
        if (thread.PendedOn == poller.WaitQueue)
        {
            // z_unpend_thread + return value + z_ready_thread (which skips a suspended thread).
            WakeWaiter(thread, state == PollState.Cancelled ? -Errno.EIntr : 0);
        }

        poller.IsPolling = false;
        SetPollEventReady(ev, state);
    }

    private static void SetPollEventReady(PollEventCopy ev, uint state)
    {
        ev.State |= state;
        ev.Touched = true;
    }

    private PollEventCopy[] ReadPollEvents(KThread caller, Poller poller, uint events, int numEvents)
    {
        var copies = new List<PollEventCopy>(numEvents);
        for (int i = 0; i < numEvents; i++)
        {
            uint address = events + ((uint)i * PollEventLayout.Size);
            uint bits = _cpu.ReadUInt32(address + PollEventLayout.BitsOffset);
            uint obj = _cpu.ReadUInt32(address + PollEventLayout.ObjOffset);
            var copy = new PollEventCopy(poller, address, bits, obj);
            if (PollEventLayout.Mode(bits) != 0 || !ResolvePollObject(caller, copy))
            {
                break;
            }

            copies.Add(copy);
        }

        return [.. copies];
    }

    /// <summary>Checks the event's object has the type its event type names (an oops otherwise); false for an unknown type.</summary>
    private bool ResolvePollObject(KThread caller, PollEventCopy ev)
    {
        switch (ev.Type)
        {
            case PollType.Ignore:
                return true;
            case PollType.Signal:
                _ = LookupPollSignal(caller, new PollSignalHandle(ev.Obj));
                return true;
            case PollType.SemAvailable:
                _ = Lookup<KSemaphore>(caller, ev.Obj, "k_sem");
                return true;
            case PollType.DataAvailable:
                _ = Lookup<KQueue>(caller, ev.Obj, "k_queue");
                return true;
            case PollType.MsgqDataAvailable:
                _ = Lookup<KMsgq>(caller, ev.Obj, "k_msgq");
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>register_events</c>: marks ready events, registers the others while still polling; the number registered.</summary>
    private int RegisterPollEvents(PollEventCopy[] copies, Poller poller, bool justCheck)
    {
        int registered = 0;
        foreach (PollEventCopy ev in copies)
        {
            if (IsPollConditionMet(ev, out uint state))
            {
                SetPollEventReady(ev, state);
                poller.IsPolling = false;
            }
            else if (!justCheck && poller.IsPolling)
            {
                PollEventsOf(ev)?.Add(ev);
                ev.Registered = true;
                ev.Touched = true;
                registered++;
            }
        }

        return registered;
    }

    /// <summary><c>is_condition_met</c>.</summary>
    private bool IsPollConditionMet(PollEventCopy ev, out uint state)
    {
        (bool met, state) = ev.Type switch
        {
            PollType.SemAvailable => (((KSemaphore)_objects[ev.Obj]).Count > 0, PollState.SemAvailable),
            PollType.DataAvailable => (((KQueue)_objects[ev.Obj]).Head != 0, PollState.DataAvailable),
            PollType.Signal => (((KPollSignal)_objects[ev.Obj]).Signaled != 0, PollState.Signaled),
            PollType.MsgqDataAvailable => (((KMsgq)_objects[ev.Obj]).UsedMsgs > 0, PollState.MsgqDataAvailable),
            _ => (false, PollState.NotReady),
        };
        return met;
    }

    private PollEventList? PollEventsOf(PollEventCopy ev) => ev.Type switch
    {
        PollType.SemAvailable => ((KSemaphore)_objects[ev.Obj]).PollEvents,
        PollType.DataAvailable => ((KQueue)_objects[ev.Obj]).PollEvents,
        PollType.Signal => ((KPollSignal)_objects[ev.Obj]).PollEvents,
        PollType.MsgqDataAvailable => ((KMsgq)_objects[ev.Obj]).PollEvents,
        _ => null,
    };

    /// <summary>Writes each changed event back: the new state, <c>poller</c> NULL, and an unlinked node for registered ones.</summary>
    private void WriteBackPollEvents(PollEventCopy[] copies)
    {
        foreach (PollEventCopy ev in copies)
        {
            if (!ev.Touched)
            {
                continue;
            }

            if (ev.Registered)
            {
                _cpu.WriteUInt32(ev.Address + PollEventLayout.NodeNextOffset, 0);
                _cpu.WriteUInt32(ev.Address + PollEventLayout.NodePrevOffset, 0);
            }

            _cpu.WriteUInt32(ev.Address + PollEventLayout.PollerOffset, 0);
            uint bits = _cpu.ReadUInt32(ev.Address + PollEventLayout.BitsOffset);
            _cpu.WriteUInt32(ev.Address + PollEventLayout.BitsOffset, PollEventLayout.WithState(bits, ev.State));
        }
    }

    private KPollSignal LookupPollSignal(KThread caller, PollSignalHandle signal) => Lookup<KPollSignal>(caller, signal.Address, "k_poll_signal");
}
