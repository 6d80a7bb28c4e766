namespace Bora.Arch.Arm;

/// <summary>MemManage Fault Status Register bits (CFSR[7:0]).</summary>
[Flags]
public enum Mmfsr : byte
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>Instruction access violation (MMFAR not valid).</summary>
    IACCVIOL = 0x01,

    /// <summary>Data access violation (MMFAR valid).</summary>
    DACCVIOL = 0x02,

    /// <summary>MemManage fault on exception-return unstacking.</summary>
    MUNSTKERR = 0x08,

    /// <summary>MemManage fault on exception-entry stacking.</summary>
    MSTKERR = 0x10,

    /// <summary>MemManage fault during lazy floating-point state preservation.</summary>
    MLSPERR = 0x20,

    /// <summary>MMFAR holds a valid fault address.</summary>
    MMARVALID = 0x80,
}
