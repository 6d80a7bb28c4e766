namespace Bora.Arch.Arm;

/// <summary>
/// The ARMv7-M / ARMv8-M default memory map (the background the MPU falls back on): which ranges are
/// execute-never. Every range is readable and writable as far as the MPU is concerned; the bus decides
/// whether anything answers.
/// </summary>
internal static class DefaultMemoryMap
{
    /// <summary>Start of the Peripheral range (0x40000000–0x5FFFFFFF, XN).</summary>
    public const uint PeripheralStart = 0x4000_0000;

    /// <summary>Start of the external RAM range (0x60000000–0x9FFFFFFF, executable).</summary>
    public const uint ExternalRamStart = 0x6000_0000;

    /// <summary>Start of the external Device range (0xA0000000–0xDFFFFFFF, XN).</summary>
    public const uint DeviceStart = 0xA000_0000;

    /// <summary>Start of the System range (0xE0000000–0xFFFFFFFF, always XN, even inside an MPU region).</summary>
    public const uint SystemStart = 0xE000_0000;

    /// <summary>Every address at which the default map's attributes change (besides 0).</summary>
    public static readonly ulong[] Boundaries =
    [
        0x2000_0000, PeripheralStart, ExternalRamStart, DeviceStart, SystemStart, (ulong)ScsRegisters.PpbLast + 1,
    ];

    /// <summary>Whether the default map marks <paramref name="address"/> execute-never.</summary>
    public static bool IsExecuteNever(uint address) =>
        address >= SystemStart
        || (address >= PeripheralStart && address < ExternalRamStart)
        || (address >= DeviceStart && address < SystemStart);

    /// <summary>The privileged rights the default map grants at <paramref name="address"/>.</summary>
    public static AccessRights PrivilegedRights(uint address) =>
        AccessRights.PrivilegedReadWrite.WithExecute(IsExecuteNever(address), address);
}
