namespace Bora.Abi;

/// <summary>A <c>struct k_heap *</c>: the address of a heap in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct HeapHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_heap@0x{Address:X8}";
}
