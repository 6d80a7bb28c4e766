namespace Bora.Kernel.Objects;

/// <summary>A poll signal (<c>struct k_poll_signal</c>, kernel/poll.c): a flag and a result that <c>k_poll</c> can wait for.</summary>
public sealed class KPollSignal : KObject
{
    internal KPollSignal(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.PollSignal, KObjectKind.PollSignal, name)
    {
    }

    /// <summary><c>signaled</c>: non-zero once raised, until reset.</summary>
    public uint Signaled { get; internal set; }

    /// <summary><c>result</c>: the value passed to the last raise.</summary>
    public int Result { get; internal set; }

    /// <summary>Events registered on it by pollers.</summary>
    public int PollerCount => PollEvents.Count;

    /// <summary>The signal as a handle.</summary>
    public PollSignalHandle Handle => new(Address);

    internal PollEventList PollEvents { get; } = new();
}
