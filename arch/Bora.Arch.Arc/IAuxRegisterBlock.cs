namespace Bora.Arch.Arc;

/// <summary>A group of auxiliary registers one hardware block implements.</summary>
internal interface IAuxRegisterBlock
{
    /// <summary>Reads <paramref name="number"/> if this block implements it.</summary>
    bool TryRead(uint number, out uint value);

    /// <summary>Writes <paramref name="number"/> if this block implements it.</summary>
    bool TryWrite(uint number, uint value);
}
