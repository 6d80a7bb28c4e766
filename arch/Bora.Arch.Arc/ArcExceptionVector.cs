namespace Bora.Arch.Arc;

/// <summary>ARCv2 exception vectors (ECR.VECTOR), as Zephyr's <c>fault.c</c> names them.</summary>
public enum ArcExceptionVector
{
    /// <summary>Reset.</summary>
    EV_Reset = 0,

    /// <summary>Memory error: a bus error on a fetch or a data access.</summary>
    EV_MemError = 1,

    /// <summary>Illegal or unimplemented instruction, or an LR/SR to a register that does not exist.</summary>
    EV_InstructionError = 2,

    /// <summary>Machine check: overlapping v4 MPU regions, an exception inside an exception.</summary>
    EV_MachineCheck = 3,

    /// <summary>Instruction TLB miss.</summary>
    EV_TLBMissI = 4,

    /// <summary>Data TLB miss.</summary>
    EV_TLBMissD = 5,

    /// <summary>Protection violation: MPU, stack checking, MMU.</summary>
    EV_ProtV = 6,

    /// <summary>Privilege violation.</summary>
    EV_PrivilegeV = 7,

    /// <summary>Software interrupt (SWI).</summary>
    EV_SWI = 8,

    /// <summary>TRAP_S / TRAP0: the syscall path.</summary>
    EV_Trap = 9,

    /// <summary>Extension instruction exception.</summary>
    EV_Extension = 10,

    /// <summary>Division by zero.</summary>
    EV_DivZero = 11,

    /// <summary>Data cache consistency error.</summary>
    EV_DCError = 12,

    /// <summary>Misaligned data access.</summary>
    EV_Misaligned = 13,

    /// <summary>Vector unit exception.</summary>
    EV_VecUnit = 14,
}
