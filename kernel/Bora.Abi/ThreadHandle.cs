namespace Bora.Abi;

/// <summary>A <c>k_tid_t</c>: the address of a <c>struct k_thread</c> in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct ThreadHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_thread@0x{Address:X8}";
}
