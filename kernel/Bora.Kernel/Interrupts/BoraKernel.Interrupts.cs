namespace Bora.Kernel;

/// <summary>
/// Interrupts and poll points. Interrupts (and the timer, and time-slice expiry) are taken only at
/// poll points: checked accesses in thread context with interrupts unlocked outside kernel code, and
/// every return from the kernel. An ISR runs synchronously on the interrupted thread's host thread.
/// </summary>
public sealed partial class BoraKernel
{
    private readonly IrqLine[] _lines;
    private readonly long[] _pending;
    private Action? _announceCache;

    /// <summary>
    /// Connects <paramref name="isr"/> to interrupt line <paramref name="line"/> with
    /// <paramref name="priority"/> (lower is more urgent) and argument <paramref name="arg"/>
    /// (<c>IRQ_CONNECT</c>); the line stays disabled until <see cref="IrqEnable"/>.
    /// </summary>
    public void IrqConnect(int line, int priority, IsrHandler isr, uint arg)
    {
        ArgumentNullException.ThrowIfNull(isr);
        EnsureHostAccess(nameof(IrqConnect));
        ConnectCore(line, priority, isr, arg);
    }

    /// <summary>Enables or disables interrupt line <paramref name="line"/> (<c>irq_enable</c>, <c>irq_disable</c>).</summary>
    public void IrqEnable(int line, bool enabled = true)
    {
        EnsureHostAccess(nameof(IrqEnable));
        LineAt(line).Enabled = enabled;
        ArmPollDeadline();
    }

    /// <summary>
    /// Pends interrupt line <paramref name="line"/>. Safe from any host thread at any time: the ISR runs
    /// at the kernel's next poll point (raised between runs, at the start of the next run).
    /// </summary>
    public void RaiseIrq(int line)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ = LineAt(line);
        Interlocked.Or(ref _pending[line >> 6], 1L << (line & 63));
        _cpu.RequestPoll();
    }

    /// <summary>Whether interrupt line <paramref name="line"/> is pending.</summary>
    public bool IsIrqPending(int line) => (Volatile.Read(ref _pending[line >> 6]) & (1L << (line & 63))) != 0;

    /// <summary>The poll point a checked access reached (called by the CPU on whichever host thread made the access).</summary>
    internal void OnPoll()
    {
        KernelContext? context = KernelContext.Current;
        if (context is null || context.Kernel != this)
        {
            return;
        }

        KThread self = context.Thread;
        if (self.Unwinding)
        {
            ThrowTermination(self);
        }

        Inject();
        if (_kernelDepth > 0 || _isrNesting > 0 || _irqMasked || self != _current)
        {
            return;
        }

        PollPoint(self);
    }

    /// <summary>
    /// A poll point in thread context (interrupts unlocked, outside kernel code): takes pending
    /// interrupts and the timer, switches if a better thread is ready and <paramref name="self"/> may
    /// be preempted, and hands control back to the host at the run's deadline.
    /// </summary>
    private void PollPoint(KThread self)
    {
        while (true)
        {
            if (self.IsDead)
            {
                ThrowTermination(self);
            }

            if (TakeInterrupt(self))
            {
                continue;
            }

            KThread next = NextUp();
            if (next != self && (!self.IsQueued || IsPreemptible(self)))
            {
                SwitchTo(self, next);
                continue;
            }

            if (_cpu.Cycles >= _runDeadline)
            {
                ReturnToHost(self, _stopWhenIdle ? RunStopReason.IdleLimitReached : RunStopReason.DeadlineReached);
                continue;
            }

            break;
        }

        ArmPollDeadline();
    }

    /// <summary>Runs the most urgent pending enabled line's ISR, else the timer ISR if it is due; returns whether one ran.</summary>
    private bool TakeInterrupt(KThread self)
    {
        int best = -1;
        for (int word = 0; word < _pending.Length; word++)
        {
            long bits = Volatile.Read(ref _pending[word]);
            while (bits != 0)
            {
                int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                int line = (word << 6) + bit;
                if (_lines[line].Enabled && (best < 0 || _lines[line].Priority < _lines[best].Priority))
                {
                    best = line;
                }
            }
        }

        if (best >= 0)
        {
            Interlocked.And(ref _pending[best >> 6], ~(1L << (best & 63)));
            RunLineIsr(self, best);
            return true;
        }

        if (_cpu.Cycles >= _timerDeadline)
        {
            RunIsr(self, _options.Exceptions.SysTick, _timerSymbol, _announce);
            return true;
        }

        return false;
    }

    /// <summary>Runs interrupt line <paramref name="best"/>'s ISR (kept apart so the poll path allocates no closure).</summary>
    private void RunLineIsr(KThread self, int best)
    {
        IrqLine line = _lines[best];
        int exception = _options.Exceptions.IrqBase + best;
        if (line.Handler is not { } handler)
        {
            RunIsr(self, exception, _spuriousSymbol, () => Fatal(self, FatalReason.SpuriousIrq, null, $"interrupt line {best} fired with no ISR connected"));
        }
        else
        {
            RunIsr(self, exception, line.Symbol!, () => handler(line.Arg));
        }
    }

    /// <summary>
    /// Takes exception <paramref name="exception"/> on the current context: the arch's exception
    /// entry stacks its frame, the handler's address is fetched, <paramref name="body"/> runs as the
    /// ISR, and exception return unstacks and fetches the resumed address.
    /// </summary>
    private void RunIsr(KThread self, int exception, Symbol handler, Action body)
    {
        CpuState cpu = _cpu.State;
        Charge(_costs.IsrEntry);
        ExceptionEntry entry = _exceptionModel.Enter(cpu, _cpu, exception, cpu.Pc);
        if (entry.StackingFault is { } stacking)
        {
            Fatal(self, ClassifyFault(self, stacking), stacking, $"exception entry (exception {exception}) could not stack its frame on the interrupted stack");
        }

        _isrNesting++;
        _trace.Record(_cpu.Cycles, TraceEventKind.IsrEnter, self.Id, exception, 0);
        cpu.Pc = handler.Address;
        _cpu.CheckExecute(handler.Address);
        body();
        _trace.Record(_cpu.Cycles, TraceEventKind.IsrExit, self.Id, exception, 0);
        ExceptionReturn resumed = _exceptionModel.Return(cpu, _cpu, entry);
        if (resumed.UnstackingFault is { } unstacking)
        {
            Fatal(self, ClassifyFault(self, unstacking), unstacking, $"exception return (exception {exception}) could not unstack its frame");
        }

        _cpu.CheckExecute(resumed.ResumedPc);
        Charge(_costs.IsrExit);
        _isrNesting--;
    }

    private void ConnectCore(int line, int priority, IsrHandler isr, uint arg)
    {
        IrqLine l = LineAt(line);
        l.Handler = isr;
        l.Arg = arg;
        l.Priority = priority;
        l.Symbol = Layout.Symbols.Register(SymbolTable.NameOf(isr), SymbolKind.Isr, isr);
    }

    private Action _announce => _announceCache ??= Announce;

    private IrqLine LineAt(int line)
    {
        if ((uint)line >= (uint)_lines.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"interrupt lines are 0..{_lines.Length - 1}; raise KernelOptions.IrqLines for more");
        }

        return _lines[line];
    }

    /// <summary>Whether an enabled line is pending (a disabled line stays pending until it is enabled).</summary>
    private bool AnyPendingIrq()
    {
        for (int word = 0; word < _pending.Length; word++)
        {
            long bits = Volatile.Read(ref _pending[word]);
            while (bits != 0)
            {
                int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (_lines[(word << 6) + bit].Enabled)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
