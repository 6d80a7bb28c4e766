namespace Bora.Arch.Arm;

/// <summary>BusFault Status Register bits (CFSR[15:8]).</summary>
[Flags]
public enum Bfsr : byte
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>Bus error on an instruction fetch.</summary>
    IBUSERR = 0x01,

    /// <summary>Precise data bus error (BFAR valid).</summary>
    PRECISERR = 0x02,

    /// <summary>Imprecise data bus error.</summary>
    IMPRECISERR = 0x04,

    /// <summary>Bus error on exception-return unstacking.</summary>
    UNSTKERR = 0x08,

    /// <summary>Bus error on exception-entry stacking.</summary>
    STKERR = 0x10,

    /// <summary>Bus error during lazy floating-point state preservation.</summary>
    LSPERR = 0x20,

    /// <summary>BFAR holds a valid fault address.</summary>
    BFARVALID = 0x80,
}
