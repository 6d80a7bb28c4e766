namespace Bora.Hal;

/// <summary>
/// Memory as exception entry and return see it: every word checked by the protection model at an
/// explicit privilege, a denied access reported as a fault record instead of being raised.
/// </summary>
public interface ICheckedMemory
{
    /// <summary>Stores a word; returns the fault, or <see langword="null"/> when it was written.</summary>
    FaultRecord? TryWriteWord(uint address, uint value, AccessKind kind, Privilege privilege);

    /// <summary>Loads a word; returns the fault, or <see langword="null"/> when <paramref name="value"/> was read.</summary>
    FaultRecord? TryReadWord(uint address, AccessKind kind, Privilege privilege, out uint value);
}
