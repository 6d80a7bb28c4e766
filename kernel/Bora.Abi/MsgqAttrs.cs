namespace Bora.Abi;

/// <summary><c>struct k_msgq_attrs</c>: three 32-bit words in memory (msg_size, max_msgs, used_msgs).</summary>
/// <param name="MsgSize">Bytes per message.</param>
/// <param name="MaxMsgs">Capacity in messages.</param>
/// <param name="UsedMsgs">Messages queued now.</param>
public readonly record struct MsgqAttrs(uint MsgSize, uint MaxMsgs, uint UsedMsgs)
{
    /// <summary><c>sizeof(struct k_msgq_attrs)</c> on a 32-bit target.</summary>
    public const uint Size = 12;
}
