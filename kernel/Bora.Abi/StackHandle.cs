namespace Bora.Abi;

/// <summary>A <c>k_thread_stack_t *</c>: the address of a thread stack object.</summary>
/// <param name="Address">The stack object's lowest address.</param>
public readonly record struct StackHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_thread_stack@0x{Address:X8}";
}
