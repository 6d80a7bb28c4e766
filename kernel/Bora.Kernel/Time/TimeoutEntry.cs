namespace Bora.Kernel.Time;

/// <summary>One pending timeout (Zephyr's <c>struct _timeout</c>): fires at a tick, in insertion order among equals.</summary>
internal sealed class TimeoutEntry
{
    public TimeoutEntry(Action fire)
    {
        Fire = fire;
    }

    /// <summary>What expiry does; runs in the timer ISR.</summary>
    public Action Fire { get; set; }

    /// <summary>The tick at which the timeout expires.</summary>
    public long ExpiryTick { get; set; }

    /// <summary>Insertion order, breaking ties between equal expiry ticks.</summary>
    public long Sequence { get; set; }

    /// <summary>Whether the entry is in the queue.</summary>
    public bool IsActive { get; set; }
}
