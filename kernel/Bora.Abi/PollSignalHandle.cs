namespace Bora.Abi;

/// <summary>A <c>struct k_poll_signal *</c>: the address of a poll signal in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct PollSignalHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_poll_signal@0x{Address:X8}";
}
