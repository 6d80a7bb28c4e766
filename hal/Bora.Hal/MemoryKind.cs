namespace Bora.Hal;

/// <summary>What the bus finds at an address.</summary>
public enum MemoryKind
{
    /// <summary>Nothing answers: any access is a bus error.</summary>
    Unmapped,

    /// <summary>Read-write memory.</summary>
    Ram,

    /// <summary>Read-only memory (flash/ROM): loads succeed, CPU stores are bus errors.</summary>
    Rom,

    /// <summary>Memory-mapped device registers, served by a device model.</summary>
    Mmio,

    /// <summary>A reserved window that reads as zero and ignores writes (RAZ/WI).</summary>
    RazWi,
}
