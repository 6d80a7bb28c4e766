namespace Bora.Abi;

/// <summary>A <c>struct k_event *</c>: the address of an event object in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct EventHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_event@0x{Address:X8}";
}
