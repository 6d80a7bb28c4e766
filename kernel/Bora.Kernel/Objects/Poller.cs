namespace Bora.Kernel.Objects;

/// <summary>One <c>k_poll</c> call in progress (<c>struct z_poller</c>): the polling thread and its private wait queue.</summary>
internal sealed class Poller(KThread thread)
{
    /// <summary>The polling thread.</summary>
    public KThread Thread { get; } = thread;

    /// <summary><c>is_polling</c>: cleared as soon as one event is ready.</summary>
    public bool IsPolling { get; set; } = true;

    /// <summary>The wait queue the poller pends on (only it ever waits there).</summary>
    public WaitQueue WaitQueue { get; } = new();
}
