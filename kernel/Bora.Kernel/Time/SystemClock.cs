namespace Bora.Kernel.Time;

/// <summary>
/// Converts between CPU cycles (the machine's virtual time), system ticks and wall units, with
/// Zephyr's rounding (<c>k_ms_to_ticks_ceil</c>, <c>k_ticks_to_ms_floor</c>, ...).
/// </summary>
public sealed class SystemClock
{
    /// <summary>Creates the clock of a CPU running at <paramref name="cyclesPerSecond"/> with <paramref name="ticksPerSecond"/> system ticks.</summary>
    public SystemClock(ulong cyclesPerSecond, uint ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfZero(cyclesPerSecond);
        ArgumentOutOfRangeException.ThrowIfZero(ticksPerSecond);
        if (ticksPerSecond > cyclesPerSecond)
        {
            throw new ArgumentOutOfRangeException(nameof(ticksPerSecond), $"a tick rate of {ticksPerSecond} Hz is faster than the {cyclesPerSecond} Hz core clock; lower KernelOptions.TicksPerSecond");
        }

        CyclesPerSecond = cyclesPerSecond;
        TicksPerSecond = ticksPerSecond;
    }

    /// <summary>Core clock (<c>sys_clock_hw_cycles_per_sec</c>).</summary>
    public ulong CyclesPerSecond { get; }

    /// <summary><c>CONFIG_SYS_CLOCK_TICKS_PER_SEC</c>.</summary>
    public uint TicksPerSecond { get; }

    /// <summary>The tick holding cycle <paramref name="cycles"/> (floor).</summary>
    public long TickAt(ulong cycles) => (long)((UInt128)cycles * TicksPerSecond / CyclesPerSecond);

    /// <summary>The first cycle of tick <paramref name="tick"/> (ceiling).</summary>
    public ulong CycleOfTick(long tick)
    {
        UInt128 product = (UInt128)(ulong)tick * CyclesPerSecond;
        UInt128 cycles = (product + TicksPerSecond - 1) / TicksPerSecond;
        return cycles > ulong.MaxValue ? ulong.MaxValue : (ulong)cycles;
    }

    /// <summary><c>k_ms_to_ticks_ceil64</c>.</summary>
    public long MsToTicksCeil(long ms) => ms <= 0 ? 0 : (long)(((UInt128)(ulong)ms * TicksPerSecond + 999) / 1000);

    /// <summary><c>k_us_to_ticks_ceil64</c>.</summary>
    public long UsToTicksCeil(long us) => us <= 0 ? 0 : (long)(((UInt128)(ulong)us * TicksPerSecond + 999_999) / 1_000_000);

    /// <summary><c>k_ticks_to_ms_floor64</c>.</summary>
    public long TicksToMsFloor(long ticks) => ticks <= 0 ? 0 : (long)((UInt128)(ulong)ticks * 1000 / TicksPerSecond);

    /// <summary><c>k_ticks_to_ms_ceil64</c>.</summary>
    public long TicksToMsCeil(long ticks) => ticks <= 0 ? 0 : (long)(((UInt128)(ulong)ticks * 1000 + TicksPerSecond - 1) / TicksPerSecond);

    /// <summary><c>k_ticks_to_us_ceil64</c>.</summary>
    public long TicksToUsCeil(long ticks) => ticks <= 0 ? 0 : (long)(((UInt128)(ulong)ticks * 1_000_000 + TicksPerSecond - 1) / TicksPerSecond);

    /// <summary>Cycles in <paramref name="microseconds"/> (ceiling), as <c>k_busy_wait</c> counts them.</summary>
    public ulong UsToCycles(ulong microseconds) => (ulong)(((UInt128)microseconds * CyclesPerSecond + 999_999) / 1_000_000);

    /// <summary>Cycles in a host <see cref="TimeSpan"/> (ceiling, 100 ns resolution).</summary>
    public ulong DurationToCycles(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "a virtual duration cannot be negative");
        }

        UInt128 cycles = ((UInt128)(ulong)duration.Ticks * CyclesPerSecond + (TimeSpan.TicksPerSecond - 1)) / TimeSpan.TicksPerSecond;
        return cycles > ulong.MaxValue ? ulong.MaxValue : (ulong)cycles;
    }

    /// <summary>The virtual time of cycle <paramref name="cycles"/> (floor, 100 ns resolution).</summary>
    public TimeSpan CyclesToDuration(ulong cycles) => TimeSpan.FromTicks((long)((UInt128)cycles * TimeSpan.TicksPerSecond / CyclesPerSecond));

    /// <summary>Relative ticks of a relative timeout (Zephyr's compile-time conversion, rounded up).</summary>
    public long RelativeTicks(KTimeout timeout) => timeout.Kind switch
    {
        TimeoutKind.Ticks => Math.Max(0, timeout.Value),
        TimeoutKind.Milliseconds => MsToTicksCeil(timeout.Value),
        TimeoutKind.Microseconds => UsToTicksCeil(timeout.Value),
        _ => 0,
    };
}
