namespace Bora.Hal;

/// <summary>A device model answering loads and stores in a window of the physical address space.</summary>
public interface IMmioDevice
{
    /// <summary>Name used in maps and reports.</summary>
    string Name { get; }

    /// <summary>
    /// Reads <paramref name="size"/> bytes at <paramref name="offset"/> from the window start.
    /// Returns <see langword="false"/> when the device refuses the access (a bus error).
    /// </summary>
    bool TryRead(uint offset, int size, Privilege privilege, out uint value);

    /// <summary>
    /// Writes <paramref name="size"/> bytes at <paramref name="offset"/> from the window start.
    /// Returns <see langword="false"/> when the device refuses the access (a bus error).
    /// </summary>
    bool TryWrite(uint offset, int size, Privilege privilege, uint value);
}
