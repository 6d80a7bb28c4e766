namespace Bora.Abi;

/// <summary>
/// Zephyr's <c>k_timeout_t</c> as a value. Zephyr converts <c>K_MSEC</c> to ticks at compile time
/// with the configured tick rate; here the unit travels with the value and the kernel rounds up to
/// its own tick rate when it uses it, which gives the same tick count.
/// </summary>
/// <param name="Kind">How <paramref name="Value"/> is expressed.</param>
/// <param name="Value">The amount (ignored for <see cref="TimeoutKind.NoWait"/> and <see cref="TimeoutKind.Forever"/>).</param>
public readonly record struct KTimeout(TimeoutKind Kind, long Value)
{
    /// <summary><c>K_NO_WAIT</c>.</summary>
    public static KTimeout NoWait => new(TimeoutKind.NoWait, 0);

    /// <summary><c>K_FOREVER</c>.</summary>
    public static KTimeout Forever => new(TimeoutKind.Forever, -1);

    /// <summary>Whether this is <c>K_NO_WAIT</c> (a zero relative amount counts as no wait, as <c>K_MSEC(0)</c> does in Zephyr).</summary>
    public bool IsNoWait => Kind == TimeoutKind.NoWait || (Kind is TimeoutKind.Ticks or TimeoutKind.Milliseconds or TimeoutKind.Microseconds && Value == 0);

    /// <summary>Whether this is <c>K_FOREVER</c>.</summary>
    public bool IsForever => Kind == TimeoutKind.Forever;

    /// <summary><c>K_TICKS(t)</c>.</summary>
    public static KTimeout FromTicks(long ticks) => new(TimeoutKind.Ticks, ticks);

    /// <summary><c>K_MSEC(ms)</c>.</summary>
    public static KTimeout FromMilliseconds(long milliseconds) => new(TimeoutKind.Milliseconds, milliseconds);

    /// <summary><c>K_USEC(us)</c>.</summary>
    public static KTimeout FromMicroseconds(long microseconds) => new(TimeoutKind.Microseconds, microseconds);

    /// <summary><c>K_SECONDS(s)</c>.</summary>
    public static KTimeout FromSeconds(long seconds) => new(TimeoutKind.Milliseconds, seconds * 1000);

    /// <summary><c>K_TIMEOUT_ABS_TICKS(t)</c>.</summary>
    public static KTimeout AbsoluteTicks(long ticks) => new(TimeoutKind.AbsoluteTicks, ticks);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        TimeoutKind.NoWait => "K_NO_WAIT",
        TimeoutKind.Forever => "K_FOREVER",
        TimeoutKind.Ticks => $"K_TICKS({Value})",
        TimeoutKind.Milliseconds => $"K_MSEC({Value})",
        TimeoutKind.Microseconds => $"K_USEC({Value})",
        _ => $"K_TIMEOUT_ABS_TICKS({Value})",
    };
}
