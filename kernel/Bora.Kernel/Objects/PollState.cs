namespace Bora.Kernel.Objects;

/// <summary>Bits of <c>k_poll_event.state</c> (<c>K_POLL_STATE_*</c>, <c>Z_POLL_STATE_BIT(_POLL_STATE_*)</c>).</summary>
public static class PollState
{
    /// <summary><c>K_POLL_STATE_NOT_READY</c>.</summary>
    public const uint NotReady = 0;

    /// <summary><c>K_POLL_STATE_SIGNALED</c>.</summary>
    public const uint Signaled = 1u << 0;

    /// <summary><c>K_POLL_STATE_SEM_AVAILABLE</c>.</summary>
    public const uint SemAvailable = 1u << 1;

    /// <summary><c>K_POLL_STATE_DATA_AVAILABLE</c> (<c>K_POLL_STATE_FIFO_DATA_AVAILABLE</c>).</summary>
    public const uint DataAvailable = 1u << 2;

    /// <summary><c>K_POLL_STATE_CANCELLED</c>: <c>k_queue_cancel_wait</c> / <c>k_fifo_cancel_wait</c>.</summary>
    public const uint Cancelled = 1u << 3;

    /// <summary><c>K_POLL_STATE_MSGQ_DATA_AVAILABLE</c>.</summary>
    public const uint MsgqDataAvailable = 1u << 4;

    /// <summary><c>K_POLL_STATE_PIPE_DATA_AVAILABLE</c>.</summary>
    public const uint PipeDataAvailable = 1u << 5;
}
