namespace Bora.Abi;

/// <summary>A <c>struct k_condvar *</c>: the address of a condition variable in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct CondvarHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_condvar@0x{Address:X8}";
}
