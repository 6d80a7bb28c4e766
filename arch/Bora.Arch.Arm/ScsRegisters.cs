namespace Bora.Arch.Arm;

/// <summary>Addresses of the System Control Space registers Bora models (CMSIS <c>SCB_Type</c> and <c>MPU_Type</c>).</summary>
public static class ScsRegisters
{
    /// <summary>First address of the Private Peripheral Bus.</summary>
    public const uint PpbStart = 0xE000_0000;

    /// <summary>Last address of the Private Peripheral Bus (inclusive).</summary>
    public const uint PpbLast = 0xE00F_FFFF;

    /// <summary>System Handler Priority Register 1 (MemManage, BusFault, UsageFault priorities in bytes 0..2).</summary>
    public const uint SHPR1 = 0xE000_ED18;

    /// <summary>System Handler Control and State Register (MEMFAULTENA[16], BUSFAULTENA[17], USGFAULTENA[18]).</summary>
    public const uint SHCSR = 0xE000_ED24;

    /// <summary>Configurable Fault Status Register: MMFSR[7:0], BFSR[15:8], UFSR[31:16].</summary>
    public const uint CFSR = 0xE000_ED28;

    /// <summary>HardFault Status Register.</summary>
    public const uint HFSR = 0xE000_ED2C;

    /// <summary>MemManage Fault Address Register.</summary>
    public const uint MMFAR = 0xE000_ED34;

    /// <summary>BusFault Address Register.</summary>
    public const uint BFAR = 0xE000_ED38;

    /// <summary>MPU Type Register (DREGION[15:8]).</summary>
    public const uint MPU_TYPE = 0xE000_ED90;

    /// <summary>MPU Control Register: PRIVDEFENA[2], HFNMIENA[1], ENABLE[0].</summary>
    public const uint MPU_CTRL = 0xE000_ED94;

    /// <summary>MPU Region Number Register.</summary>
    public const uint MPU_RNR = 0xE000_ED98;

    /// <summary>MPU Region Base Address Register.</summary>
    public const uint MPU_RBAR = 0xE000_ED9C;

    /// <summary>PMSAv7 MPU Region Attribute and Size Register.</summary>
    public const uint MPU_RASR = 0xE000_EDA0;

    /// <summary>PMSAv8 MPU Region Limit Address Register (same address as <see cref="MPU_RASR"/>).</summary>
    public const uint MPU_RLAR = 0xE000_EDA0;

    /// <summary>First alias register, <c>MPU_RBAR_A1</c>; aliases follow every 4 bytes (RBAR_A1, RASR_A1 / RLAR_A1, ... RASR_A3 / RLAR_A3).</summary>
    public const uint MPU_RBAR_A1 = 0xE000_EDA4;

    /// <summary>Last alias register, <c>MPU_RASR_A3</c> / <c>MPU_RLAR_A3</c>.</summary>
    public const uint MPU_RASR_A3 = 0xE000_EDB8;

    /// <summary>PMSAv8 Memory Attribute Indirection Register 0 (Attr0..Attr3).</summary>
    public const uint MPU_MAIR0 = 0xE000_EDC0;

    /// <summary>PMSAv8 Memory Attribute Indirection Register 1 (Attr4..Attr7).</summary>
    public const uint MPU_MAIR1 = 0xE000_EDC4;

    /// <summary>Whether <paramref name="address"/> lies in the Private Peripheral Bus.</summary>
    public static bool IsPpb(uint address) => address >= PpbStart && address <= PpbLast;
}
