namespace Bora.Arch.Arm;

/// <summary>HardFault Status Register bits.</summary>
[Flags]
public enum Hfsr : uint
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>Bus error on a vector table read.</summary>
    VECTTBL = 0x0000_0002,

    /// <summary>A configurable fault was escalated to HardFault.</summary>
    FORCED = 0x4000_0000,

    /// <summary>Debug event.</summary>
    DEBUGEVT = 0x8000_0000,
}
