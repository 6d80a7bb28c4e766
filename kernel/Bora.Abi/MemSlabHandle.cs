namespace Bora.Abi;

/// <summary>A <c>struct k_mem_slab *</c>: the address of a memory slab in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct MemSlabHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_mem_slab@0x{Address:X8}";
}
