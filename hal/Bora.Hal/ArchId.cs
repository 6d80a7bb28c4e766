namespace Bora.Hal;

/// <summary>
/// Names a protection backend variant (<c>armv7m-pmsav7</c>, <c>x86-pae</c>). A string key rather
/// than an enum so that a new backend needs no change to the HAL.
/// </summary>
/// <param name="Name">Lower-case identifier, as used on the command line and in vector files.</param>
public readonly record struct ArchId(string Name)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
