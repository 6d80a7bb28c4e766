namespace Bora.Abi;

/// <summary>A <c>struct k_sem *</c>: the address of a semaphore in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct SemaphoreHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_sem@0x{Address:X8}";
}
