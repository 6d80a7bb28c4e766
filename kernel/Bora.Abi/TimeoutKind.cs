namespace Bora.Abi;

/// <summary>How a <see cref="KTimeout"/> value is expressed.</summary>
public enum TimeoutKind
{
    /// <summary>Do not wait (<c>K_NO_WAIT</c>).</summary>
    NoWait,

    /// <summary>Wait forever (<c>K_FOREVER</c>).</summary>
    Forever,

    /// <summary>A relative number of system ticks (<c>K_TICKS</c>).</summary>
    Ticks,

    /// <summary>A relative number of milliseconds (<c>K_MSEC</c>), rounded up to ticks.</summary>
    Milliseconds,

    /// <summary>A relative number of microseconds (<c>K_USEC</c>), rounded up to ticks.</summary>
    Microseconds,

    /// <summary>An absolute tick count since boot (<c>K_TIMEOUT_ABS_TICKS</c>).</summary>
    AbsoluteTicks,
}
