namespace Bora.Arch.Arm;

/// <summary>UsageFault Status Register bits (CFSR[31:16]).</summary>
[Flags]
public enum Ufsr : ushort
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>Undefined instruction.</summary>
    UNDEFINSTR = 0x0001,

    /// <summary>Invalid EPSR state (e.g. Thumb bit clear).</summary>
    INVSTATE = 0x0002,

    /// <summary>Invalid EXC_RETURN or PC load.</summary>
    INVPC = 0x0004,

    /// <summary>Coprocessor access.</summary>
    NOCP = 0x0008,

    /// <summary>Stack pointer moved below its limit register (ARMv8-M Mainline).</summary>
    STKOF = 0x0010,

    /// <summary>Unaligned access trap.</summary>
    UNALIGNED = 0x0100,

    /// <summary>Divide by zero trap.</summary>
    DIVBYZERO = 0x0200,
}
