namespace Bora.Abi;

/// <summary>A <c>struct k_stack *</c>: the address of a stack object (a LIFO of 32-bit words, not a thread stack) in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct KStackHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_stack@0x{Address:X8}";
}
