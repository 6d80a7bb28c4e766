using System.Runtime.ExceptionServices;
using Serilog;
using Serilog.Events;

namespace Bora.Kernel;

/// <summary>
/// A Bora kernel: one modelled CPU on one board, Zephyr's scheduler, timeouts, threads, interrupts,
/// semaphores and mutexes, and fatal-error handling. Each kernel thread runs its C# entry on a host
/// thread of its own, but only the thread the scheduler chose runs; the rest are parked. The host
/// boots it, creates threads and objects, runs it until idle or for a virtual duration, inspects it,
/// and disposes it.
/// </summary>
/// <remarks>
/// Host API members must be called from the host while no run is in progress (or from the kernel's
/// own threads); <see cref="RaiseIrq"/> may be called from any host thread at any time.
/// </remarks>
public sealed partial class BoraKernel : IDisposable
{
    private const uint InitialFrameBytes = 32;

    private readonly KernelOptions _options;
    private readonly ILogger _log;
    private readonly ProtectionGate _gate;
    private readonly IExceptionModel _exceptionModel;
    private readonly KernelCosts _costs;
    private readonly Cpu _cpu;
    private readonly TraceBuffer _trace;
    private readonly Random? _delayRandom;
    private readonly Symbol _threadEntrySymbol;
    private readonly Symbol _idleSymbol;
    private readonly Symbol _mainSymbol;
    private readonly Symbol _timerSymbol;
    private readonly Symbol _spuriousSymbol;
    private readonly ThreadStack _isrStack;
    private HandoffSlot? _hostSlot;
    private int _running;
    private bool _booted;
    private bool _disposed;
    private bool _wedged;
    private ThreadEntry? _userMain;
    private KThread? _idle;
    private KThread? _main;
    private ExceptionDispatchInfo? _hostException;

    /// <summary>Builds a kernel from <paramref name="options"/>: the machine, the image layout and the interrupt stack. Call <see cref="Boot"/> next.</summary>
    /// <exception cref="ArgumentException">The options name no board, or are inconsistent.</exception>
    public BoraKernel(KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        Board board = _options.Board ?? throw new ArgumentException("KernelOptions.Board is not set: choose the board to boot on (e.g. an mps2 board from the ARM backend, or a BoardMemoryMap of your own)", nameof(options));
        if (board.ClockHz == 0)
        {
            throw new ArgumentException($"board '{board.Name}' has a zero clock; set Board.ClockHz", nameof(options));
        }

        _log = (_options.Logger ?? Serilog.Core.Logger.None).ForContext<BoraKernel>().ForContext("Kernel", _options.Name);
        _costs = _options.Costs;
        Func<SystemBus, IProtectionModel> createProtection = _options.CreateProtection ?? (_ => new NoProtection());
        ProtectionGate? gate = null;
        Machine = new Bora.Machine.Machine(board, bus => gate = new ProtectionGate(createProtection(bus)), _options.AccessCosts);
        _gate = gate!;
        _cpu = Machine.Cpu;
        _exceptionModel = _options.CreateExceptionModel?.Invoke(_gate.Inner) ?? new FrameExceptionModel();
        Clock = new SystemClock(board.ClockHz, _options.TicksPerSecond);
        Layout = new ImageLayout(board, _options.Layout);
        CreateProtectionDriver();
        _trace = new TraceBuffer(_options.TraceCapacity);
        _fatalHandler = _options.FatalErrorHandler ?? DefaultFatalHandler;
        _lines = new IrqLine[_options.IrqLines];
        for (int i = 0; i < _lines.Length; i++)
        {
            _lines[i] = new IrqLine();
        }

        _pending = new long[(_options.IrqLines + 63) / 64];
        _sliceTimeout = new TimeoutEntry(() => _sliceExpired = true);
        if (_options.HostDelaySeed is int seed)
        {
            _delayRandom = new Random(seed);
        }

        _threadEntrySymbol = Layout.Symbols.Register("z_thread_entry", SymbolKind.Kernel, null);
        _idleSymbol = Layout.Symbols.Register("idle", SymbolKind.Kernel, (ThreadEntry)IdleEntry);
        _mainSymbol = Layout.Symbols.Register("bg_thread_main", SymbolKind.Kernel, (ThreadEntry)MainEntry);
        _timerSymbol = Layout.Symbols.Register("sys_clock_isr", SymbolKind.Kernel, null);
        _spuriousSymbol = Layout.Symbols.Register("z_irq_spurious", SymbolKind.Kernel, null);
        _isrStack = DefineStackCore("z_interrupt_stacks", _options.IsrStackSize);

        _cpu.PollHandler = new KernelPollHandler(this);
        _cpu.FaultSink = new KernelFaultSink(this);
        _cpu.State.Privilege = Privilege.Supervisor;
        _cpu.State.Sp = IsrStackTop;
        _options.InitializeArch?.Invoke(this);
        BootProtection();
    }

    /// <summary>The machine: board, bus, CPU.</summary>
    public Bora.Machine.Machine Machine { get; }

    /// <summary>The arch's protection model (without the kernel's gate in front of it).</summary>
    public IProtectionModel Protection => _gate.Inner;

    /// <summary>The arch's exception entry/return.</summary>
    public IExceptionModel ExceptionModel => _exceptionModel;

    /// <summary>The board.</summary>
    public Board Board => Machine.Board;

    /// <summary>Cycle/tick/time conversions.</summary>
    public SystemClock Clock { get; }

    /// <summary>Where text, kernel data, objects, stacks, partitions and heap live.</summary>
    public ImageLayout Layout { get; }

    /// <summary>The trace ring.</summary>
    public TraceBuffer Trace => _trace;

    /// <summary>The kernel's name (logs, traces).</summary>
    public string Name => _options.Name;

    /// <summary>Configured options (a copy).</summary>
    public KernelOptions Options => _options.Clone();

    /// <summary>Why the kernel halted, or <see langword="null"/> while it has not.</summary>
    public HaltInfo? Halt { get; private set; }

    /// <summary>Whether <see cref="Boot"/> has run.</summary>
    public bool IsBooted => _booted;

    /// <summary>The cycle counter.</summary>
    public ulong Cycles => _cpu.Cycles;

    /// <summary>Virtual time since boot.</summary>
    public TimeSpan Now => Clock.CyclesToDuration(_cpu.Cycles);

    /// <summary>The current system tick.</summary>
    public long Ticks => CurrentTick;

    /// <summary>Every thread object ever declared, in declaration order.</summary>
    public IReadOnlyList<KThread> Threads => [.. _threads];

    /// <summary>Every kernel object, in definition order.</summary>
    public IReadOnlyList<KObject> Objects => [.. _objectList];

    /// <summary>The thread holding the CPU (between runs: the one that will resume).</summary>
    public KThread? Current => _current;

    /// <summary>The main thread (after boot).</summary>
    public KThread? MainThread => _main;

    /// <summary>The idle thread (after boot).</summary>
    public KThread? IdleThread => _idle;

    /// <summary>Top of the interrupt stack.</summary>
    public uint IsrStackTop => _isrStack.BufferStart + _isrStack.BufferSize;

    /// <summary>
    /// Boots the kernel: creates the idle thread and the main thread (priority 0, essential until
    /// <paramref name="main"/> returns). Threads and objects defined before boot start with it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel was already booted.</exception>
    public void Boot(ThreadEntry? main = null)
    {
        EnsureHostAccess(nameof(Boot));
        if (_booted)
        {
            throw new InvalidOperationException("the kernel is already booted; a kernel boots once. Create a new BoraKernel to boot again.");
        }

        BootAppMemory();
        _userMain = main;
        _idle = DeclareThreadCore("idle");
        ThreadStack idleStack = DefineStackCore("z_idle_stacks", _options.IdleStackSize);
        CreateThreadCore(null, _idle, idleStack, idleStack.BufferSize, _idleSymbol, 0, 0, 0, Priorities.Idle, ThreadOptions.Essential, KTimeout.NoWait, isIdle: true);
        _main = DeclareThreadCore("main");
        ThreadStack mainStack = DefineStackCore("z_main_stack", _options.MainStackSize);
        CreateThreadCore(null, _main, mainStack, mainStack.BufferSize, _mainSymbol, 0, 0, 0, Priorities.Main, ThreadOptions.Essential, KTimeout.NoWait, isIdle: false);
        _booted = true;
        _log.Debug("Booted on {Board} ({Arch}), {Ticks} ticks/s", Board.Name, Board.Arch, Clock.TicksPerSecond);
    }

    /// <summary>Declares a <c>struct k_thread</c> in the kernel-object area (a global <c>struct k_thread name;</c>).</summary>
    public ThreadHandle DeclareThread(string name)
    {
        EnsureHostAccess(nameof(DeclareThread));
        return DeclareThreadCore(name).Handle;
    }

    /// <summary>Defines a thread stack object of <paramref name="size"/> usable bytes (<c>K_THREAD_STACK_DEFINE</c>).</summary>
    public StackHandle DefineStack(string name, uint size)
    {
        EnsureHostAccess(nameof(DefineStack));
        return DefineStackCore(name, size).Handle;
    }

    /// <summary>
    /// Defines a kernel-only stack object (<c>K_KERNEL_STACK_DEFINE</c>): laid out as a thread stack, but it can
    /// never host a user thread (creating a <c>K_USER</c> thread on it throws; a thread on it calling
    /// <c>k_thread_user_mode_enter</c> oopses).
    /// </summary>
    public StackHandle DefineKernelStack(string name, uint size)
    {
        EnsureHostAccess(nameof(DefineKernelStack));
        ThreadStack stack = DefineStackCore(name, size);
        stack.IsKernelOnly = true;
        return stack.Handle;
    }

    /// <summary>Defines an initialised semaphore (<c>K_SEM_DEFINE</c>).</summary>
    /// <exception cref="ArgumentException">The counts are invalid (<paramref name="limit"/> is 0 or below <paramref name="initialCount"/>).</exception>
    public SemaphoreHandle DefineSemaphore(string name, uint initialCount, uint limit)
    {
        EnsureHostAccess(nameof(DefineSemaphore));
        KSemaphore sem = DefineSemaphoreCore(name);
        if (sem.Init(initialCount, limit) != 0)
        {
            throw new ArgumentException($"K_SEM_DEFINE({name}, {initialCount}, {limit}): the limit must be at least 1 and at least the initial count");
        }

        return sem.Handle;
    }

    /// <summary>Declares an uninitialised semaphore (a global <c>struct k_sem name;</c>; call <c>k_sem_init</c> before use).</summary>
    public SemaphoreHandle DeclareSemaphore(string name)
    {
        EnsureHostAccess(nameof(DeclareSemaphore));
        return DefineSemaphoreCore(name).Handle;
    }

    /// <summary>Defines an initialised mutex (<c>K_MUTEX_DEFINE</c>).</summary>
    public MutexHandle DefineMutex(string name)
    {
        EnsureHostAccess(nameof(DefineMutex));
        KMutex mutex = DefineMutexCore(name);
        mutex.MarkInitialized();
        return mutex.Handle;
    }

    /// <summary>Registers <paramref name="function"/> in text under <paramref name="name"/>; its address is what a function pointer to it holds.</summary>
    public Symbol RegisterFunction(string name, Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        EnsureHostAccess(nameof(RegisterFunction));
        return Layout.Symbols.Register(name, function is ThreadEntry ? SymbolKind.ThreadEntry : function is IsrHandler ? SymbolKind.Isr : SymbolKind.Function, function);
    }

    /// <summary>
    /// Creates a thread from the host (<c>k_thread_create</c>, or <c>K_THREAD_DEFINE</c> before boot).
    /// </summary>
    /// <exception cref="InvalidOperationException">The thread object or the stack is in use, or the arguments are invalid; the message says what to fix.</exception>
    public ThreadHandle CreateThread(ThreadHandle thread, StackHandle stack, uint stackSize, ThreadEntry entry, uint p1, uint p2, uint p3, int priority, ThreadOptions options, KTimeout delay)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EnsureHostAccess(nameof(CreateThread));
        Symbol symbol = Layout.Symbols.Register(SymbolTable.NameOf(entry), SymbolKind.ThreadEntry, entry);
        return CreateThreadChecked(null, thread, stack, stackSize, symbol.Address, p1, p2, p3, priority, options, delay);
    }

    /// <summary>Declares a thread object and a stack named after <paramref name="name"/> and creates the thread on them.</summary>
    public ThreadHandle CreateThread(string name, ThreadEntry entry, int priority, uint stackSize = 1024, ThreadOptions options = ThreadOptions.None, KTimeout? delay = null)
    {
        ThreadHandle thread = DeclareThread(name);
        StackHandle stack = DefineStack(name + "_stack", stackSize);
        return CreateThread(thread, stack, stackSize, entry, 0, 0, 0, priority, options, delay ?? KTimeout.NoWait);
    }

    /// <summary>The thread object at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a thread object.</exception>
    public KThread GetThread(ThreadHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KThread ?? throw new ArgumentException($"{handle} is not a thread object", nameof(handle));

    /// <summary>The semaphore at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a semaphore.</exception>
    public KSemaphore GetSemaphore(SemaphoreHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KSemaphore ?? throw new ArgumentException($"{handle} is not a semaphore", nameof(handle));

    /// <summary>The mutex at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a mutex.</exception>
    public KMutex GetMutex(MutexHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KMutex ?? throw new ArgumentException($"{handle} is not a mutex", nameof(handle));

    /// <summary>Replaces the fatal error handler (<c>k_sys_fatal_error_handler</c>); <see langword="null"/> restores Bora's default.</summary>
    public void SetFatalErrorHandler(FatalErrorHandler? handler)
    {
        EnsureHostAccess(nameof(SetFatalErrorHandler));
        _fatalHandler = handler ?? DefaultFatalHandler;
    }

    /// <summary>
    /// Runs until every thread is blocked and no timeout is pending (jumping the clock over idle
    /// stretches), or until <see cref="KernelOptions.IdleRunLimit"/> of virtual time has passed.
    /// </summary>
    /// <exception cref="KernelHaltedException">The kernel has halted.</exception>
    /// <exception cref="TimeoutException">A thread kept the CPU for longer than <see cref="KernelOptions.HostWaitTimeout"/> of wall time without touching the machine.</exception>
    public RunResult RunUntilIdle() => Run(Clock.DurationToCycles(_options.IdleRunLimit), untilIdle: true);

    /// <summary>Runs for <paramref name="duration"/> of virtual time (idle stretches cost no wall time).</summary>
    /// <exception cref="KernelHaltedException">The kernel has halted.</exception>
    /// <exception cref="TimeoutException">A thread kept the CPU for longer than <see cref="KernelOptions.HostWaitTimeout"/> of wall time without touching the machine.</exception>
    public RunResult RunFor(TimeSpan duration) => Run(Clock.DurationToCycles(duration), untilIdle: false);

    /// <summary>The trace as Chrome/Perfetto JSON.</summary>
    public string ExportChromeTrace()
    {
        var names = new Dictionary<int, string>();
        foreach (KThread t in _threads)
        {
            foreach (int id in t.IncarnationIds)
            {
                names[id] = t.ThreadName;
            }
        }

        return ChromeTraceExporter.Export(_trace.Snapshot(), Clock.CyclesPerSecond, names, $"{Name} on {Board.Name}");
    }

    /// <summary>Unwinds every host thread of the kernel. A disposed kernel cannot be used.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Volatile.Read(ref _running) != 0 || _wedged)
        {
            // A thread still holds the CPU (a run timed out): its host threads are background threads and end with the process.
            return;
        }

        using var back = new HandoffSlot();
        foreach (KThread t in _threads)
        {
            if (!t.HasLiveHostThread)
            {
                continue;
            }

            t.UnwindReturn = back;
            BeginUnwind(t);
            t.Slot!.Release();
            if (!back.Wait(_options.HostWaitTimeout))
            {
                _log.Warning("Thread {Thread} did not finish unwinding within {Timeout}; abandoning the remaining host threads", t.ThreadName, _options.HostWaitTimeout);
                return;
            }
        }

        foreach (KThread t in _threads)
        {
            t.Slot?.Dispose();
            t.Slot = null;
        }

        _hostSlot?.Dispose();
    }

    private RunResult Run(ulong duration, bool untilIdle)
    {
        if (KernelContext.Current is not null)
        {
            throw new InvalidOperationException("RunUntilIdle/RunFor are host APIs and cannot be called from a kernel thread or ISR");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Halt is { } halt)
        {
            throw new KernelHaltedException(halt);
        }

        if (!_booted)
        {
            throw new InvalidOperationException("the kernel has not been booted; call Boot() before running it");
        }

        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("the kernel is already running on another host thread; a kernel runs one Run call at a time");
        }

        try
        {
            ulong now = _cpu.Cycles;
            _runDeadline = duration >= ulong.MaxValue - 1 - now ? ulong.MaxValue - 1 : now + duration;
            _stopWhenIdle = untilIdle;
            HandoffSlot host = _hostSlot ??= new HandoffSlot();
            if (_current is null)
            {
                MakeCurrent(NextUp());
            }

            ArmPollDeadline();
            Inject();
            Resume(_current!);
            if (!host.Wait(_options.HostWaitTimeout, _current!.Slot))
            {
                _wedged = true;
                throw new TimeoutException(
                    $"kernel '{Name}' did not hand control back within {_options.HostWaitTimeout} of wall time: thread '{_current?.ThreadName}' " +
                    "is running C# code that never touches the machine or the kernel (an endless pure loop, or a wait on a host lock). " +
                    "Make it sleep, yield or block on a kernel object; the kernel is unusable now.");
            }

            if (_hostException is { } failure)
            {
                _hostException = null;
                failure.Throw();
            }

            return new RunResult(Halt is not null ? RunStopReason.Halted : _stopReason, Now, _cpu.Cycles, Halt);
        }
        finally
        {
            if (!_wedged)
            {
                _runDeadline = ulong.MaxValue;
                Volatile.Write(ref _running, 0);
            }
        }
    }

    private void EnsureHostAccess(string api)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _running) != 0 && KernelContext.Current?.Kernel != this)
        {
            throw new InvalidOperationException($"{api} changes kernel state and cannot be called from the host while the kernel runs; call it before RunUntilIdle/RunFor returns control, or from a kernel thread");
        }

        if (Halt is { } halt && KernelContext.Current?.Kernel != this)
        {
            throw new KernelHaltedException(halt);
        }
    }

    private void HaltForHostException(KThread thread, Exception exception)
    {
        _hostException = ExceptionDispatchInfo.Capture(exception);
        _log.Error(exception, "Thread {Thread} threw {Exception} out of its entry; halting", thread.ThreadName, exception.GetType().Name);
        FatalHalt(FatalReason.KernelPanic, $"thread '{thread.ThreadName}' threw {exception.GetType().Name} out of its C# entry: {exception.Message}", null);
    }

    private void Inject()
    {
        if (_delayRandom is null)
        {
            return;
        }

        switch (_delayRandom.Next(5))
        {
            case 0:
                Thread.Sleep(0);
                break;
            case 1:
                Thread.Yield();
                break;
            case 2:
                Thread.SpinWait(_delayRandom.Next(1, 400));
                break;
        }
    }

    private void Charge(ulong cycles) => _cpu.AddCycles(cycles);

    /// <summary>Whether verbose events (switches, kernel calls) are logged; asked each time so a level switch takes effect.</summary>
    private bool Verbose => _log.IsEnabled(LogEventLevel.Verbose);
}
