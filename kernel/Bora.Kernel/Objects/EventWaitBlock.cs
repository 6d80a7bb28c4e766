namespace Bora.Kernel.Objects;

/// <summary>What a thread pended on a <see cref="KEvent"/> waits for, and what woke it (<c>struct z_event_wait_block</c>).</summary>
/// <param name="desired">The desired event bits.</param>
/// <param name="options">Any/all (the reset option has been applied already).</param>
internal sealed class EventWaitBlock(uint desired, EventWaitOptions options)
{
    /// <summary>The desired event bits.</summary>
    public uint Desired { get; } = desired;

    /// <summary>Any or all.</summary>
    public EventWaitOptions Options { get; } = options;

    /// <summary>The bits that satisfied the wait, set by the poster.</summary>
    public uint Received { get; set; }
}
