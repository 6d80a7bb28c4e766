namespace Bora.Abi;

/// <summary>A <c>struct k_pipe *</c>: the address of a pipe in the kernel-object area.</summary>
/// <param name="Address">The object's address.</param>
public readonly record struct PipeHandle(uint Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"k_pipe@0x{Address:X8}";
}
