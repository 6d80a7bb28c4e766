namespace Bora.Abi;

/// <summary>A <c>struct k_msgq *</c>: the address of a message queue in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct MsgqHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_msgq@0x{Address:X8}";
}
