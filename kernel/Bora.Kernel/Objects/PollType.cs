namespace Bora.Kernel.Objects;

/// <summary>Values of <c>k_poll_event.type</c> (<c>K_POLL_TYPE_*</c>, <c>Z_POLL_TYPE_BIT(_POLL_TYPE_*)</c>).</summary>
public static class PollType
{
    /// <summary><c>K_POLL_TYPE_IGNORE</c>.</summary>
    public const uint Ignore = 0;

    /// <summary><c>K_POLL_TYPE_SIGNAL</c>.</summary>
    public const uint Signal = 1u << 0;

    /// <summary><c>K_POLL_TYPE_SEM_AVAILABLE</c>.</summary>
    public const uint SemAvailable = 1u << 1;

    /// <summary><c>K_POLL_TYPE_DATA_AVAILABLE</c> (<c>K_POLL_TYPE_FIFO_DATA_AVAILABLE</c>): a queue, FIFO or LIFO.</summary>
    public const uint DataAvailable = 1u << 2;

    /// <summary><c>K_POLL_TYPE_MSGQ_DATA_AVAILABLE</c>.</summary>
    public const uint MsgqDataAvailable = 1u << 3;

    /// <summary><c>K_POLL_TYPE_PIPE_DATA_AVAILABLE</c> (reserved: Bora does not poll pipes; k_poll returns -EINVAL).</summary>
    public const uint PipeDataAvailable = 1u << 4;
}
