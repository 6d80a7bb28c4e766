namespace Bora.Abi;

/// <summary>A <c>struct k_fifo *</c>: the address of a FIFO (a queue used first-in first-out) in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct FifoHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_fifo@0x{Address:X8}";
}
