namespace Bora.Kernel.Objects;

/// <summary>How a thread waits on a <see cref="KEvent"/> (kernel/events.c <c>K_EVENT_WAIT_*</c>, <c>K_EVENT_OPTION_*</c>).</summary>
[Flags]
public enum EventWaitOptions
{
    /// <summary>Any of the desired events satisfies the wait.</summary>
    Any = 0,

    /// <summary>All of the desired events are needed.</summary>
    All = 1,

    /// <summary>The object's events are reset to 0 before waiting.</summary>
    Reset = 2,
}
