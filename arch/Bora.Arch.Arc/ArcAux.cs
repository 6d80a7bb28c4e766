namespace Bora.Arch.Arc;

/// <summary>
/// ARCv2 auxiliary register numbers (reached with <c>LR</c>/<c>SR</c>), spelled as Zephyr's
/// <c>include/zephyr/arch/arc/v2/aux_regs.h</c> and the embARC headers spell them.
/// </summary>
public static class ArcAux
{
    /// <summary>STATUS32: the processor status word (read with LR; written by FLAG/KFLAG and RTIE).</summary>
    public const uint STATUS32 = 0x00A;

    /// <summary>AUX_USER_SP: the banked stack pointer of the mode that is not running.</summary>
    public const uint AUX_USER_SP = 0x00D;

    /// <summary>AUX_IRQ_CTRL: which registers interrupt entry saves on the stack.</summary>
    public const uint AUX_IRQ_CTRL = 0x00E;

    /// <summary>INT_VECTOR_BASE: base of the exception and interrupt vector table.</summary>
    public const uint INT_VECTOR_BASE = 0x025;

    /// <summary>MPU_BUILD: MPU build configuration (VERSION[7:0], REGIONS[15:8]).</summary>
    public const uint MPU_BUILD = 0x06D;

    /// <summary>USTACK_TOP: lowest address of the user stack (stack checking).</summary>
    public const uint USTACK_TOP = 0x260;

    /// <summary>USTACK_BASE: address just above the user stack (stack checking).</summary>
    public const uint USTACK_BASE = 0x261;

    /// <summary>KSTACK_TOP: lowest address of the kernel stack (stack checking).</summary>
    public const uint KSTACK_TOP = 0x264;

    /// <summary>KSTACK_BASE: address just above the kernel stack (stack checking).</summary>
    public const uint KSTACK_BASE = 0x265;

    /// <summary>ERET: exception return address.</summary>
    public const uint ERET = 0x400;

    /// <summary>ERBTA: exception return branch target address.</summary>
    public const uint ERBTA = 0x401;

    /// <summary>ERSTATUS: STATUS32 as it was when the exception was taken.</summary>
    public const uint ERSTATUS = 0x402;

    /// <summary>ECR: exception cause register (VECTOR[23:16], CAUSE[15:8], PARAMETER[7:0]).</summary>
    public const uint ECR = 0x403;

    /// <summary>EFA: exception fault address.</summary>
    public const uint EFA = 0x404;

    /// <summary>MPU_EN: MPU enable (v2) and default-region permissions.</summary>
    public const uint MPU_EN = 0x409;

    /// <summary>BTA: branch target address of a pending delay-slot branch.</summary>
    public const uint BTA = 0x412;

    /// <summary>MPU_ECR: MPU exception cause (v2): EC_CODE[23:16], VT[9:8], REGION[7:0].</summary>
    public const uint MPU_ECR = 0x420;

    /// <summary>MPU_RDB0: base register of region 0; region n is at <c>MPU_RDB0 + 2n</c>.</summary>
    public const uint MPU_RDB0 = 0x422;

    /// <summary>MPU_RDP0: permission register of region 0; region n is at <c>MPU_RDP0 + 2n</c>.</summary>
    public const uint MPU_RDP0 = 0x423;

    /// <summary>MPU_INDEX (v4): selects the region MPU_RSTART/REND/RPER address; reports MPU_PROBE results.</summary>
    public const uint MPU_INDEX = 0x448;

    /// <summary>MPU_RSTART (v4): start of the selected region (32-byte granular).</summary>
    public const uint MPU_RSTART = 0x449;

    /// <summary>MPU_REND (v4): start of the last 32-byte block of the selected region.</summary>
    public const uint MPU_REND = 0x44A;

    /// <summary>MPU_RPER (v4): VALID[0], permissions [8:3], S[15], SID[23:16] of the selected region.</summary>
    public const uint MPU_RPER = 0x44B;

    /// <summary>MPU_PROBE (v4): writing an address makes MPU_INDEX report the region(s) matching it.</summary>
    public const uint MPU_PROBE = 0x44C;
}
