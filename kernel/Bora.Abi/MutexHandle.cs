namespace Bora.Abi;

/// <summary>A <c>struct k_mutex *</c>: the address of a mutex in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct MutexHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_mutex@0x{Address:X8}";
}
