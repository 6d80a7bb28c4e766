namespace Bora.Kernel;

/// <summary>
/// Kernel calls: each one enters the kernel (cost, trace), resolves its objects, runs the object's
/// narrow operation and leaves through a poll point. These are the <c>z_impl_*</c> layer the
/// Zephyr-spelled facade (and later the syscall gate) calls, with the calling thread explicit.
/// </summary>
public sealed partial class BoraKernel
{
    internal void Enter(KThread caller, KernelCall call)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        if (caller != _current)
        {
            throw new InvalidOperationException($"kernel call {call} from thread '{caller.ThreadName}', which does not hold the CPU ('{_current?.ThreadName}' does): a kernel thread's host thread must not hand work to other host threads that call the kernel");
        }

        if (_isrNesting == 0 && _cpu.State.Privilege == Privilege.User)
        {
            Fatal(caller, FatalReason.KernelOops, null, Syscalls.SupervisorOnlyCall.Message(call));
        }

        _kernelDepth++;
        Charge(_costs.KernelCallEntry);
        _trace.Record(_cpu.Cycles, TraceEventKind.CallEnter, caller.Id, (int)call, 0);
        if (Verbose)
        {
            _log.Verbose("{Thread} -> {Call}", caller.ThreadName, call);
        }
    }

    internal int Exit(KThread caller, KernelCall call, int result)
    {
        Charge(_costs.KernelCallExit);
        _trace.Record(_cpu.Cycles, TraceEventKind.CallExit, caller.Id, (int)call, result);
        if (Verbose)
        {
            _log.Verbose("{Thread} <- {Call} = {Result}", caller.ThreadName, call, result);
        }

        _kernelDepth--;
        if (_kernelDepth == 0 && _isrNesting == 0 && !_irqMasked)
        {
            PollPoint(caller);
        }

        return result;
    }

    internal ThreadHandle CallThreadCreate(KThread caller, ThreadHandle thread, StackHandle stack, uint stackSize, uint entryAddress, uint p1, uint p2, uint p3, int priority, ThreadOptions options, KTimeout delay)
    {
        Enter(caller, KernelCall.ThreadCreate);
        ThreadHandle result = CreateThreadChecked(caller, thread, stack, stackSize, entryAddress, p1, p2, p3, priority, options, delay);
        Exit(caller, KernelCall.ThreadCreate, 0);
        return result;
    }

    internal uint EntryAddressOf(ThreadEntry entry) => Layout.Symbols.Register(SymbolTable.NameOf(entry), SymbolKind.ThreadEntry, entry).Address;

    internal void CallThreadStart(KThread caller, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ThreadStart);
        StartThread(Lookup<KThread>(caller, thread.Address, "k_thread"));
        Exit(caller, KernelCall.ThreadStart, 0);
    }

    internal void CallThreadAbort(KThread caller, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ThreadAbort);
        AbortThread(caller, Lookup<KThread>(caller, thread.Address, "k_thread"));
        Exit(caller, KernelCall.ThreadAbort, 0);
    }

    internal int CallThreadJoin(KThread caller, ThreadHandle thread, KTimeout timeout)
    {
        Enter(caller, KernelCall.ThreadJoin);
        return Exit(caller, KernelCall.ThreadJoin, JoinThread(caller, Lookup<KThread>(caller, thread.Address, "k_thread"), timeout));
    }

    internal void CallThreadSuspend(KThread caller, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ThreadSuspend);
        Suspend(caller, Lookup<KThread>(caller, thread.Address, "k_thread"));
        Exit(caller, KernelCall.ThreadSuspend, 0);
    }

    internal void CallThreadResume(KThread caller, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ThreadResume);
        ResumeThread(Lookup<KThread>(caller, thread.Address, "k_thread"));
        Exit(caller, KernelCall.ThreadResume, 0);
    }

    internal int CallThreadPriorityGet(KThread caller, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ThreadPriorityGet);
        return Exit(caller, KernelCall.ThreadPriorityGet, Lookup<KThread>(caller, thread.Address, "k_thread").Priority);
    }

    internal void CallThreadPrioritySet(KThread caller, ThreadHandle thread, int priority)
    {
        Enter(caller, KernelCall.ThreadPrioritySet);
        KThread target = Lookup<KThread>(caller, thread.Address, "k_thread");
        if (!Priorities.IsValidApplication(priority) && !(priority == Priorities.Idle && target == _idle))
        {
            Fatal(caller, FatalReason.KernelOops, null, $"k_thread_priority_set: priority {priority} is outside [{Priorities.Highest}, {Priorities.LowestApplication}]");
        }

        if (SetPriority(target, priority) && caller.SchedLocked == 0)
        {
            ForceReschedule(caller);
        }

        Exit(caller, KernelCall.ThreadPrioritySet, 0);
    }

    internal int CallThreadNameSet(KThread caller, ThreadHandle thread, string name)
    {
        Enter(caller, KernelCall.ThreadNameSet);
        KThread target = Lookup<KThread>(caller, thread.Address, "k_thread");
        const int MaxName = 32;
        target.ThreadName = name.Length >= MaxName ? name[..(MaxName - 1)] : name;
        return Exit(caller, KernelCall.ThreadNameSet, 0);
    }

    internal void CallYield(KThread caller)
    {
        Enter(caller, KernelCall.Yield);
        Yield(caller);
        Exit(caller, KernelCall.Yield, 0);
    }

    internal long CallSleep(KThread caller, KTimeout timeout, KernelCall call)
    {
        Enter(caller, call);
        if (_isrNesting > 0)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"{call} called from an ISR, which cannot sleep");
        }

        long left = SleepTicks(caller, timeout);
        Exit(caller, call, (int)Math.Clamp(left, int.MinValue, int.MaxValue));
        return left;
    }

    internal void CallWakeup(KThread caller, ThreadHandle thread)
    {
        Enter(caller, KernelCall.Wakeup);
        Wakeup(Lookup<KThread>(caller, thread.Address, "k_thread"));
        Exit(caller, KernelCall.Wakeup, 0);
    }

    internal void CallBusyWait(KThread caller, uint microseconds)
    {
        Enter(caller, KernelCall.BusyWait);
        Exit(caller, KernelCall.BusyWait, 0);
        BusyWait(caller, microseconds);
    }

    internal void CallSchedLock(KThread caller)
    {
        Enter(caller, KernelCall.SchedLock);
        if (_isrNesting == 0)
        {
            caller.SchedLocked++;
        }

        Exit(caller, KernelCall.SchedLock, 0);
    }

    internal void CallSchedUnlock(KThread caller)
    {
        Enter(caller, KernelCall.SchedUnlock);
        if (_isrNesting == 0 && caller.SchedLocked > 0)
        {
            caller.SchedLocked--;
        }

        Exit(caller, KernelCall.SchedUnlock, 0);
    }

    internal void CallTimeSliceSet(KThread caller, int sliceMs, int priority)
    {
        Enter(caller, KernelCall.TimeSliceSet);
        SetTimeSlice(caller, sliceMs, priority);
        Exit(caller, KernelCall.TimeSliceSet, 0);
    }

    internal long CallUptimeTicks(KThread caller)
    {
        Enter(caller, KernelCall.ClockGet);
        long ticks = CurrentTick;
        Exit(caller, KernelCall.ClockGet, 0);
        return ticks;
    }

    internal ulong CallCycles(KThread caller)
    {
        Enter(caller, KernelCall.ClockGet);
        ulong cycles = _cpu.Cycles;
        Exit(caller, KernelCall.ClockGet, 0);
        return cycles;
    }

    internal int CallSemInit(KThread caller, SemaphoreHandle sem, uint initialCount, uint limit)
    {
        Enter(caller, KernelCall.SemInit);
        return Exit(caller, KernelCall.SemInit, Lookup<KSemaphore>(caller, sem.Address, "k_sem").Init(initialCount, limit));
    }

    internal void CallSemGive(KThread caller, SemaphoreHandle sem)
    {
        Enter(caller, KernelCall.SemGive);
        Lookup<KSemaphore>(caller, sem.Address, "k_sem").Give();
        Exit(caller, KernelCall.SemGive, 0);
    }

    internal int CallSemTake(KThread caller, SemaphoreHandle sem, KTimeout timeout)
    {
        Enter(caller, KernelCall.SemTake);
        return Exit(caller, KernelCall.SemTake, Lookup<KSemaphore>(caller, sem.Address, "k_sem").Take(caller, timeout));
    }

    internal void CallSemReset(KThread caller, SemaphoreHandle sem)
    {
        Enter(caller, KernelCall.SemReset);
        Lookup<KSemaphore>(caller, sem.Address, "k_sem").Reset();
        Exit(caller, KernelCall.SemReset, 0);
    }

    internal uint CallSemCountGet(KThread caller, SemaphoreHandle sem)
    {
        Enter(caller, KernelCall.SemCountGet);
        uint count = Lookup<KSemaphore>(caller, sem.Address, "k_sem").Count;
        Exit(caller, KernelCall.SemCountGet, (int)count);
        return count;
    }

    internal int CallMutexInit(KThread caller, MutexHandle mutex)
    {
        Enter(caller, KernelCall.MutexInit);
        return Exit(caller, KernelCall.MutexInit, Lookup<KMutex>(caller, mutex.Address, "k_mutex").Init());
    }

    internal int CallMutexLock(KThread caller, MutexHandle mutex, KTimeout timeout)
    {
        Enter(caller, KernelCall.MutexLock);
        return Exit(caller, KernelCall.MutexLock, Lookup<KMutex>(caller, mutex.Address, "k_mutex").Lock(caller, timeout));
    }

    internal int CallMutexUnlock(KThread caller, MutexHandle mutex)
    {
        Enter(caller, KernelCall.MutexUnlock);
        return Exit(caller, KernelCall.MutexUnlock, Lookup<KMutex>(caller, mutex.Address, "k_mutex").Unlock(caller));
    }

    /// <summary><c>irq_lock</c>: masks interrupts and returns the key that restores the previous state.</summary>
    internal uint CallIrqLock(KThread caller)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        Charge(_costs.IrqLock);
        uint key = _irqMasked ? 1u : 0u;
        _irqMasked = true;
        _trace.Record(_cpu.Cycles, TraceEventKind.CallExit, caller.Id, (int)KernelCall.IrqLock, key);
        return key;
    }

    /// <summary><c>irq_unlock</c>: restores the state <paramref name="key"/> describes; unmasking is a poll point.</summary>
    internal void CallIrqUnlock(KThread caller, uint key)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        Charge(_costs.IrqLock);
        _trace.Record(_cpu.Cycles, TraceEventKind.CallExit, caller.Id, (int)KernelCall.IrqUnlock, key);
        if (key == 0)
        {
            _irqMasked = false;
            if (_kernelDepth == 0 && _isrNesting == 0)
            {
                PollPoint(caller);
            }
        }
    }

    /// <summary><c>irq_offload</c>: runs <paramref name="routine"/> in ISR context now.</summary>
    internal void CallIrqOffload(KThread caller, IsrHandler routine, uint parameter)
    {
        Enter(caller, KernelCall.IrqOffload);
        Symbol symbol = Layout.Symbols.Register(SymbolTable.NameOf(routine), SymbolKind.Isr, routine);
        RunIsr(caller, _options.Exceptions.Offload, symbol, () => routine(parameter));
        Exit(caller, KernelCall.IrqOffload, 0);
    }

    internal void CallIrqRaise(KThread caller, int line)
    {
        Enter(caller, KernelCall.IrqRaise);
        _ = LineAt(line);
        Interlocked.Or(ref _pending[line >> 6], 1L << (line & 63));
        Exit(caller, KernelCall.IrqRaise, 0);
    }

    internal void CallIrqConnect(KThread caller, int line, int priority, IsrHandler isr, uint arg)
    {
        Enter(caller, KernelCall.IrqConfigure);
        ConnectCore(line, priority, isr, arg);
        Exit(caller, KernelCall.IrqConfigure, line);
    }

    internal void CallIrqEnable(KThread caller, int line, bool enabled)
    {
        Enter(caller, KernelCall.IrqConfigure);
        LineAt(line).Enabled = enabled;
        Exit(caller, KernelCall.IrqConfigure, 0);
    }

    internal bool IrqIsEnabled(int line) => LineAt(line).Enabled;

    /// <summary><c>k_oops</c> / <c>k_panic</c>: a software-raised fatal error of the caller.</summary>
    internal void CallExcept(KThread caller, FatalReason reason)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        _trace.Record(_cpu.Cycles, TraceEventKind.CallEnter, caller.Id, (int)(reason == FatalReason.KernelPanic ? KernelCall.Panic : KernelCall.Oops), 0);
        Fatal(caller, reason, null, reason == FatalReason.KernelPanic ? "k_panic() called" : "k_oops() called");
    }

    /// <summary>
    /// Calls the function registered at <paramref name="functionAddress"/> from the calling kernel
    /// thread, as a call through a function pointer: the instruction fetch there is checked first
    /// (execute permission, XN), and an address that holds no registered function is a CPU exception
    /// of the caller. Supports functions of type <see cref="Action"/>, <see cref="Action{T}"/> of
    /// <see cref="uint"/>, <see cref="IsrHandler"/> and <see cref="ThreadEntry"/> (called with zeros).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from a host thread, or the function has an unsupported type.</exception>
    public void Call(uint functionAddress, uint argument = 0)
    {
        KernelContext context = KernelContext.Current is { } c && c.Kernel == this
            ? c
            : throw new InvalidOperationException("Call runs code through a function address on a kernel thread; call it from a kernel thread or ISR");
        CallFunction(context.Thread, functionAddress, target =>
        {
            switch (target)
            {
                case Action action:
                    action();
                    break;
                case Action<uint> withArgument:
                    withArgument(argument);
                    break;
                case IsrHandler isr:
                    isr(argument);
                    break;
                case ThreadEntry entry:
                    entry(argument, 0, 0);
                    break;
                default:
                    throw new InvalidOperationException($"the function at 0x{functionAddress:X8} is a {target.GetType().Name}; Call supports Action, Action<uint>, IsrHandler and ThreadEntry");
            }
        });
    }

    /// <summary>Calls the function registered at <paramref name="address"/>, as a call through a function pointer: the fetch is checked first.</summary>
    internal void CallFunction(KThread caller, uint address, Action<Delegate> invoke)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        uint savedPc = _cpu.State.Pc;
        _cpu.CheckExecute(address);
        Delegate? target = Layout.Symbols.TargetAt(address);
        if (target is null)
        {
            FaultRecord noCode = _cpu.Protection.RaiseBusFault(new MemoryAccess(address, 2, AccessKind.Execute, _cpu.State.Privilege), address);
            Fatal(caller, FatalReason.CpuException, noCode, $"call through function address 0x{address:X8}, which holds no registered function ({Layout.Symbols.Describe(address)})");
        }

        _cpu.State.Pc = address;
        invoke(target);
        _cpu.State.Pc = savedPc;
    }
}
