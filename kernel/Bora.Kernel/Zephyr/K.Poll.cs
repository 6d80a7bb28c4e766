namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_poll</c> API. Event arrays are addresses of <c>struct k_poll_event</c>s in simulated memory.</summary>
public static partial class K
{
    /// <summary><c>EINTR</c>.</summary>
    public const int EINTR = Errno.EIntr;

    /// <summary><c>K_POLL_TYPE_IGNORE</c>.</summary>
    public const uint K_POLL_TYPE_IGNORE = PollType.Ignore;

    /// <summary><c>K_POLL_TYPE_SIGNAL</c>.</summary>
    public const uint K_POLL_TYPE_SIGNAL = PollType.Signal;

    /// <summary><c>K_POLL_TYPE_SEM_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_SEM_AVAILABLE = PollType.SemAvailable;

    /// <summary><c>K_POLL_TYPE_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_DATA_AVAILABLE = PollType.DataAvailable;

    /// <summary><c>K_POLL_TYPE_FIFO_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_FIFO_DATA_AVAILABLE = PollType.DataAvailable;

    /// <summary><c>K_POLL_TYPE_MSGQ_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_MSGQ_DATA_AVAILABLE = PollType.MsgqDataAvailable;

    /// <summary><c>K_POLL_TYPE_PIPE_DATA_AVAILABLE</c> (not supported: k_poll returns -EINVAL).</summary>
    public const uint K_POLL_TYPE_PIPE_DATA_AVAILABLE = PollType.PipeDataAvailable;

    /// <summary><c>K_POLL_STATE_NOT_READY</c>.</summary>
    public const uint K_POLL_STATE_NOT_READY = PollState.NotReady;

    /// <summary><c>K_POLL_STATE_SIGNALED</c>.</summary>
    public const uint K_POLL_STATE_SIGNALED = PollState.Signaled;

    /// <summary><c>K_POLL_STATE_SEM_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_SEM_AVAILABLE = PollState.SemAvailable;

    /// <summary><c>K_POLL_STATE_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_DATA_AVAILABLE = PollState.DataAvailable;

    /// <summary><c>K_POLL_STATE_FIFO_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_FIFO_DATA_AVAILABLE = PollState.DataAvailable;

    /// <summary><c>K_POLL_STATE_CANCELLED</c>.</summary>
    public const uint K_POLL_STATE_CANCELLED = PollState.Cancelled;

    /// <summary><c>K_POLL_STATE_MSGQ_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_MSGQ_DATA_AVAILABLE = PollState.MsgqDataAvailable;

    /// <summary><c>K_POLL_MODE_NOTIFY_ONLY</c>.</summary>
    public const int K_POLL_MODE_NOTIFY_ONLY = 0;

    /// <summary><c>sizeof(struct k_poll_event)</c>.</summary>
    public const uint K_POLL_EVENT_SIZE = PollEventLayout.Size;

    /// <summary><c>k_poll_event_init</c>: the tag is left as it was; a bad mode or type, or a NULL object, is an oops.</summary>
    public static void k_poll_event_init(uint @event, uint type, int mode, uint obj)
    {
        KernelContext c = Ctx();
        c.Kernel.PollEventInit(c.Thread, @event, type, mode, obj);
    }

    /// <summary><c>K_POLL_EVENT_STATIC_INITIALIZER</c> written at <paramref name="event"/> (no checks, as the macro has none).</summary>
    public static void K_POLL_EVENT_STATIC_INITIALIZER(uint @event, uint type, int mode, uint obj, byte tag)
    {
        KernelContext c = Ctx();
        c.Kernel.WritePollEvent(@event, tag, type, mode, obj);
    }

    /// <summary><c>K_POLL_EVENT_INITIALIZER</c> written at <paramref name="event"/> (tag 0).</summary>
    public static void K_POLL_EVENT_INITIALIZER(uint @event, uint type, int mode, uint obj) =>
        K_POLL_EVENT_STATIC_INITIALIZER(@event, type, mode, obj, 0);

    /// <summary><c>k_poll</c>: 0, -EAGAIN, -EINTR or -EINVAL.</summary>
    public static int k_poll(uint events, int num_events, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPoll(c.Thread, events, num_events, timeout);
    }

    /// <summary><c>k_poll_signal_init</c>.</summary>
    public static void k_poll_signal_init(PollSignalHandle sig)
    {
        KernelContext c = Ctx();
        c.Kernel.CallPollSignalInit(c.Thread, sig);
    }

    /// <summary><c>k_poll_signal_raise</c>: 0.</summary>
    public static int k_poll_signal_raise(PollSignalHandle sig, int result)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPollSignalRaise(c.Thread, sig, result);
    }

    /// <summary><c>k_poll_signal_reset</c>.</summary>
    public static void k_poll_signal_reset(PollSignalHandle sig)
    {
        KernelContext c = Ctx();
        c.Kernel.CallPollSignalReset(c.Thread, sig);
    }

    /// <summary><c>k_poll_signal_check</c> into the words at <paramref name="signaled"/> and <paramref name="result"/>.</summary>
    public static void k_poll_signal_check(PollSignalHandle sig, uint signaled, uint result)
    {
        KernelContext c = Ctx();
        _ = c.Kernel.CallPollSignalCheck(c.Thread, sig, signaled, result);
    }

    /// <summary><c>k_poll_signal_check</c> into locals.</summary>
    public static void k_poll_signal_check(PollSignalHandle sig, out uint signaled, out int result)
    {
        KernelContext c = Ctx();
        (signaled, result) = c.Kernel.CallPollSignalCheck(c.Thread, sig, 0, 0);
    }
}
