namespace Bora.Hal;

/// <summary>
/// Registers reached by special instructions rather than loads and stores: ARC auxiliary registers
/// (<c>LR</c>/<c>SR</c>), x86 control registers and MSRs. Numbers are the arch's own.
/// </summary>
public interface ISystemRegisters
{
    /// <summary>Reads register <paramref name="number"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The model has no such register.</exception>
    ulong Read(uint number);

    /// <summary>Writes register <paramref name="number"/> with the arch's write semantics.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The model has no such register.</exception>
    void Write(uint number, ulong value);
}
