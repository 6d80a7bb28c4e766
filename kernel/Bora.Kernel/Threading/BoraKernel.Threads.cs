namespace Bora.Kernel;

/// <summary>Thread life cycle and thread APIs (kernel/thread.c, kernel/sched.c).</summary>
public sealed partial class BoraKernel
{
    private int _nextThreadId;

    /// <summary>Validates and creates a thread; invalid arguments throw for the host and oops a calling thread.</summary>
    private ThreadHandle CreateThreadChecked(KThread? creator, ThreadHandle handle, StackHandle stackHandle, uint stackSize, uint entryAddress, uint p1, uint p2, uint p3, int priority, ThreadOptions options, KTimeout delay)
    {
        string? error = null;
        KThread? thread = _objects.GetValueOrDefault(handle.Address) as KThread;
        ThreadStack? stack = _objects.GetValueOrDefault(stackHandle.Address) as ThreadStack;
        Symbol? entry = Layout.Symbols.At(entryAddress);
        if (thread is null)
        {
            error = $"{handle} is not a struct k_thread: declare the thread object first (BoraKernel.DeclareThread)";
        }
        else if (!thread.IsDead || thread.HasLiveHostThread)
        {
            error = $"thread object '{thread.Name}' is still in use by a live thread (T{thread.Id}); abort or join it before creating a new thread on it";
        }
        else if (stack is null)
        {
            error = $"{stackHandle} is not a thread stack object: define it with BoraKernel.DefineStack (K_THREAD_STACK_DEFINE)";
        }
        else if (stack.InUseBy is { IsDead: false } user)
        {
            error = $"stack '{stack.Name}' is already in use by thread '{user.ThreadName}' (T{user.Id}); give each live thread its own stack";
        }
        else if ((options & ThreadOptions.User) != 0 && stack.IsKernelOnly)
        {
            error = $"stack '{stack.Name}' is a kernel-only stack (K_KERNEL_STACK_DEFINE) and cannot host a K_USER thread: define it with K_THREAD_STACK_DEFINE";
        }
        else if (stackSize > stack.BufferSize || stackSize < InitialFrameBytes * 2)
        {
            error = $"stack size {stackSize} does not fit stack '{stack.Name}': it must be between {InitialFrameBytes * 2} and K_THREAD_STACK_SIZEOF = {stack.BufferSize}";
        }
        else if (!Priorities.IsValidApplication(priority))
        {
            error = $"priority {priority} is outside the application range [{Priorities.Highest}, {Priorities.LowestApplication}]";
        }
        else if (entry is null || entry.Address != entryAddress)
        {
            error = $"entry 0x{entryAddress:X8} is not the start of a registered function ({Layout.Symbols.Describe(entryAddress)})";
        }

        if (error is not null)
        {
            if (creator is null)
            {
                throw new InvalidOperationException($"k_thread_create: {error}");
            }

            Fatal(creator, FatalReason.KernelOops, null, $"k_thread_create: {error}");
        }

        CreateThreadCore(creator, thread!, stack!, stackSize, entry!, p1, p2, p3, priority, options, delay, isIdle: false);
        return thread!.Handle;
    }

    private void CreateThreadCore(KThread? creator, KThread thread, ThreadStack stack, uint stackSize, Symbol entry, uint p1, uint p2, uint p3, int priority, ThreadOptions options, KTimeout delay, bool isIdle)
    {
        uint top = (stack.BufferStart + stackSize) & ~(Math.Max(_options.StackGeometry.PointerAlignment, 4) - 1);
        uint frame = top - InitialFrameBytes;
        uint[] words = [entry.Address, p1, p2, p3, 0, 0, _threadEntrySymbol.Address, _options.ThreadStatus];
        for (int i = 0; i < words.Length; i++)
        {
            if (_cpu.TryWrite(frame + (uint)(i * 4), 4, AccessKind.Write, Privilege.Supervisor, words[i]) is { } fault)
            {
                if (creator is null)
                {
                    throw new InvalidOperationException($"k_thread_create: cannot write the initial frame of '{thread.Name}' on stack '{stack.Name}' at 0x{frame:X8}: {fault}. Define the stack in RAM.");
                }

                Fatal(creator, ClassifyFault(creator, fault), fault, $"k_thread_create could not write the initial frame of '{thread.Name}' at 0x{frame:X8}");
            }
        }

        thread.Id = ++_nextThreadId;
        thread.IncarnationIds.Add(thread.Id);
        thread.ThreadName = thread.Name;
        thread.Priority = isIdle ? Priorities.Idle : priority;
        thread.Options = options;
        thread.States = ThreadStates.Prestart;
        thread.Stack = stack;
        stack.InUseBy = thread;
        thread.EntrySymbol = entry;
        thread.Entry = Layout.Symbols.TargetAt(entry.Address) as ThreadEntry;
        thread.P1 = p1;
        thread.P2 = p2;
        thread.P3 = p3;

        // z_setup_new_thread: a thread inherits its creator's resource pool.
        thread.ResourcePool = creator?.ResourcePool;
        thread.SchedLocked = 0;
        thread.IrqMasked = false;
        thread.KernelDepth = 0;
        thread.SwapRetval = 0;
        thread.PendedOn = null;
        thread.Unwinding = false;
        thread.UnwindReturn = null;
        thread.HostThread = null;
        thread.HostExited = false;
        thread.Slot?.Dispose();
        thread.Slot = new HandoffSlot();
        InitThreadMemory(creator, thread, stack);
        InitThreadPermissions(creator, thread, options);
        CpuState context = thread.Context;
        Array.Clear(context.Registers);
        context.Sp = frame;
        context.OtherSp = IsrStackTop;
        context.Pc = _threadEntrySymbol.Address;
        context.Status = _options.ThreadStatus;
        context.Privilege = Privilege.Supervisor;
        context.InException = false;
        context.ExecutionPriority = CpuState.ThreadModePriority;
        if (creator is not null)
        {
            Charge(_costs.ThreadCreate);
        }

        _trace.Record(_cpu.Cycles, TraceEventKind.ThreadCreate, creator?.Id ?? 0, thread.Priority, thread.Id);
        if (delay.IsNoWait)
        {
            StartThread(thread);
        }
        else if (!delay.IsForever)
        {
            AddTimeout(thread.Timeout, delay);
        }
    }

    private void StartThread(KThread thread)
    {
        if ((thread.States & ThreadStates.Prestart) == 0)
        {
            return;
        }

        RemoveTimeout(thread.Timeout);
        thread.States &= ~ThreadStates.Prestart;
        ReadyThread(thread);
    }

    /// <summary>What a thread's timeout does when it expires (<c>z_thread_timeout</c>, or the delayed start).</summary>
    internal void OnThreadTimeout(KThread thread)
    {
        if (thread.IsDead)
        {
            return;
        }

        if ((thread.States & ThreadStates.Prestart) != 0)
        {
            thread.States &= ~ThreadStates.Prestart;
            ReadyThread(thread);
            return;
        }

        if (thread.PendedOn is { } queue)
        {
            queue.Remove(thread);
            thread.PendedOn = null;
            thread.States &= ~ThreadStates.Pending;
        }

        thread.States &= ~ThreadStates.Sleeping;
        ReadyThread(thread);
    }

    /// <summary>
    /// <c>halt_thread(thread, _THREAD_DEAD)</c>: takes the thread off every queue and timeout, wakes its
    /// joiners with 0 and frees its stack object.
    /// </summary>
    private void MarkDead(KThread thread)
    {
        thread.States |= ThreadStates.Dead;
        UnreadyThread(thread);
        if (thread.PendedOn is not null)
        {
            Unpend(thread);
        }

        RemoveTimeout(thread.Timeout);
        while (UnpendFirst(thread.JoinQueue, 0) is not null)
        {
        }

        if (thread.Stack is { } stack && stack.InUseBy == thread)
        {
            stack.InUseBy = null;
        }

        ExitThreadMemory(thread);
        ExitThreadPermissions(thread);
        _trace.Record(_cpu.Cycles, TraceEventKind.ThreadExit, thread.Id, 0, 0);
        if (Verbose)
        {
            _log.Verbose("Thread {Thread} (T{Id}) exits", thread.ThreadName, thread.Id);
        }
    }

    /// <summary><c>z_impl_k_thread_abort</c>.</summary>
    private void AbortThread(KThread caller, KThread target)
    {
        if (target.IsDead || !target.WasCreated)
        {
            return;
        }

        if (target.IsEssential)
        {
            Fatal(caller, FatalReason.KernelPanic, null, $"k_thread_abort of essential thread '{target.ThreadName}'");
        }

        MarkDead(target);
        if (target == caller)
        {
            if (_isrNesting == 0)
            {
                ThrowTermination(caller);
            }

            // In an ISR: the interrupted thread unwinds when the ISR returns.
            return;
        }

        UnwindRemote(target);
    }

    /// <summary><c>z_impl_k_thread_join</c>: 0, <c>-EBUSY</c> (<c>K_NO_WAIT</c>, or in an ISR), <c>-EDEADLK</c> (joining itself or a thread joining it), <c>-EAGAIN</c> (timed out).</summary>
    private int JoinThread(KThread caller, KThread target, KTimeout timeout)
    {
        if (target.IsDead && target.WasCreated)
        {
            return 0;
        }

        if (timeout.IsNoWait || _isrNesting > 0)
        {
            return -Errno.EBusy;
        }

        if (target == caller || target.PendedOn == caller.JoinQueue)
        {
            return -Errno.EDeadLk;
        }

        return Pend(caller, target.JoinQueue, timeout);
    }

    /// <summary><c>z_tick_sleep</c> / <c>z_impl_k_sleep</c>: returns the ticks left when woken early, 0 when the time passed.</summary>
    private long SleepTicks(KThread self, KTimeout timeout)
    {
        if (timeout.IsForever)
        {
            UnreadyThread(self);
            self.States |= ThreadStates.Sleeping;
            Swap(self);
            return TickCounts.Forever;
        }

        if (timeout.IsNoWait)
        {
            Yield(self);
            return 0;
        }

        long now = CurrentTick;
        long expected = timeout.Kind == TimeoutKind.AbsoluteTicks ? timeout.Value : now + Clock.RelativeTicks(timeout);
        UnreadyThread(self);
        self.States |= ThreadStates.Sleeping;
        AddTimeout(self.Timeout, timeout);
        Swap(self);
        long left = expected - CurrentTick;
        return left > 0 ? left : 0;
    }

    /// <summary><c>z_impl_k_yield</c>: moves the caller behind the threads of its priority and reschedules.</summary>
    private void Yield(KThread self)
    {
        if (_isrNesting > 0)
        {
            return;
        }

        UnreadyThread(self);
        ReadyThread(self);
        Swap(self);
    }

    /// <summary><c>z_impl_k_wakeup</c>: ends a sleep early (a thread waiting on an object is left alone); starts a delayed thread.</summary>
    private void Wakeup(KThread target)
    {
        if ((target.States & ThreadStates.Pending) != 0 || target.IsDead)
        {
            return;
        }

        if ((target.States & ThreadStates.Prestart) != 0 && target.Timeout.IsActive)
        {
            StartThread(target);
            return;
        }

        if ((target.States & ThreadStates.Sleeping) == 0)
        {
            return;
        }

        RemoveTimeout(target.Timeout);
        target.States &= ~ThreadStates.Sleeping;
        ReadyThread(target);
    }

    /// <summary><c>z_impl_k_thread_suspend</c>: cancels the thread's timeout (a sleep ends; a timed wait becomes untimed) and takes it off the CPU.</summary>
    private void Suspend(KThread caller, KThread target)
    {
        if (target.IsDead || (target.States & ThreadStates.Suspended) != 0)
        {
            return;
        }

        RemoveTimeout(target.Timeout);
        target.States &= ~ThreadStates.Sleeping;
        target.States |= ThreadStates.Suspended;
        UnreadyThread(target);
        if (target == caller && _isrNesting == 0)
        {
            Swap(caller);
        }
    }

    /// <summary><c>z_impl_k_thread_resume</c>.</summary>
    private void ResumeThread(KThread target)
    {
        if ((target.States & ThreadStates.Suspended) == 0)
        {
            return;
        }

        target.States &= ~ThreadStates.Suspended;
        ReadyThread(target);
    }
}
