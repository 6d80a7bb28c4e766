namespace Bora.Abi;

/// <summary>A <c>struct k_queue *</c>: the address of a queue in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct QueueHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_queue@0x{Address:X8}";
}
