namespace Bora.Kernel.Image;

/// <summary>A named address in text: a registered thread entry or callable function.</summary>
/// <param name="Name">The symbol name.</param>
/// <param name="Address">The code address (what a function pointer holds).</param>
/// <param name="Size">Bytes of text it occupies.</param>
/// <param name="Kind">What it is.</param>
public sealed record Symbol(string Name, uint Address, uint Size, SymbolKind Kind)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}@0x{Address:X8}";
}
