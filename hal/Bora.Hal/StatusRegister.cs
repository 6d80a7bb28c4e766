namespace Bora.Hal;

/// <summary>An architectural status register captured in a fault report.</summary>
/// <param name="Name">The manual's name (<c>CFSR</c>, <c>ECR</c>, <c>CR2</c>).</param>
/// <param name="Value">The raw value.</param>
/// <param name="Decoded">The set fields spelled out, e.g. <c>DACCVIOL|MMARVALID</c>.</param>
public readonly record struct StatusRegister(string Name, ulong Value, string Decoded)
{
    /// <inheritdoc/>
    public override string ToString() => Decoded.Length == 0 ? $"{Name}=0x{Value:X8}" : $"{Name}=0x{Value:X8} ({Decoded})";
}
