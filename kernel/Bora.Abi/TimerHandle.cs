namespace Bora.Abi;

/// <summary>A <c>struct k_timer *</c>: the address of a timer in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct TimerHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_timer@0x{Address:X8}";
}
