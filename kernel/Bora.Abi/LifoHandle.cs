namespace Bora.Abi;

/// <summary>A <c>struct k_lifo *</c>: the address of a LIFO (a queue used last-in first-out) in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct LifoHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_lifo@0x{Address:X8}";
}
