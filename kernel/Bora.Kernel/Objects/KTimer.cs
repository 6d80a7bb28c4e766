namespace Bora.Kernel.Objects;

/// <summary>
/// A timer (<c>struct k_timer</c>, kernel/timer.c) driven by the kernel's timeout queue: its expiry
/// function runs in the timer ISR, a periodic timer re-arms itself a whole period after the tick it
/// was due at, and <c>k_timer_status_sync</c> waiters are woken at each expiry or at a stop.
/// </summary>
public sealed class KTimer : KObject
{
    private readonly TimeoutEntry _timeout;

    internal KTimer(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Timer, KObjectKind.Timer, name)
    {
        _timeout = new TimeoutEntry(() => kernel.OnTimerExpiry(this));
    }

    /// <summary>Address of the expiry function (0 for none).</summary>
    public uint ExpiryFunction { get; private set; }

    /// <summary>Address of the stop function (0 for none).</summary>
    public uint StopFunction { get; private set; }

    /// <summary>Expiries since the status was last read.</summary>
    public uint Status { get; internal set; }

    /// <summary>The period (<c>K_NO_WAIT</c> or <c>K_FOREVER</c> for a one-shot timer).</summary>
    public KTimeout Period { get; internal set; }

    /// <summary>The user data word.</summary>
    public uint UserData { get; internal set; }

    /// <summary>Whether the timer is running (its timeout is queued).</summary>
    public bool IsRunning => _timeout.IsActive;

    /// <summary>The tick at which the timer next expires (meaningful while it runs).</summary>
    public long ExpiryTick => _timeout.ExpiryTick;

    /// <summary>The timer as a handle.</summary>
    public TimerHandle Handle => new(Address);

    internal TimeoutEntry Timeout => _timeout;

    internal WaitQueue WaitQueue { get; } = new();

    /// <summary><c>k_timer_init</c>: records the functions, clears status and user data.</summary>
    internal void Init(uint expiryFunction, uint stopFunction)
    {
        ExpiryFunction = expiryFunction;
        StopFunction = stopFunction;
        Status = 0;
        UserData = 0;
        Period = KTimeout.NoWait;
        MarkInitialized();
    }
}
