using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>
/// The built-in ARM boards, with the physical memory maps of the QEMU machines of the same name (QEMU
/// 7.2 <c>hw/arm/mps2.c</c> and <c>mps2-tz.c</c>), as recorded in the hardware vector files.
/// </summary>
public static class ArmBoards
{
    private const uint KiB = 1024;
    private const uint MiB = 1024 * 1024;

    /// <summary>MPS2 with FPGA image AN385: Cortex-M3, PMSAv7 MPU with 8 regions.</summary>
    public static Board Mps2An385 { get; } = new(
        "mps2-an385",
        "cortex-m3",
        ArmArch.PmsaV7,
        new BoardMemoryMap(
        [
            Ram("ssram1", 0x0000_0000, 4 * MiB),
            Ram("ssram1-alias", 0x0040_0000, 4 * MiB),
            RazWi("reserved", 0x0080_0000, 0x0100_0000),
            Ram("blockram(+aliases)", 0x0100_0000, 64 * KiB),
            RazWi("reserved", 0x0101_0000, 0x2000_0000),
            Ram("ssram2/3(+alias)", 0x2000_0000, 8 * MiB),
            RazWi("reserved", 0x2080_0000, 0x2100_0000),
            Ram("psram", 0x2100_0000, 16 * MiB),
            Window("sram bit-band alias", 0x2200_0000, 0x2400_0000, MemoryKind.Mmio),
            RazWi("peripherals (not modelled)", 0x4000_0000, 0x4400_0000),
            Window("ppb", ScsRegisters.PpbStart, (ulong)ScsRegisters.PpbLast + 1, MemoryKind.Mmio),
        ]),
        ClockHz: 25_000_000);

    /// <summary>MPS2 with FPGA image AN505: Cortex-M33 (Secure state, SAU off), PMSAv8 MPU with 16 regions.</summary>
    public static Board Mps2An505 { get; } = new(
        "mps2-an505",
        "cortex-m33",
        ArmArch.PmsaV8,
        new BoardMemoryMap(
        [
            Ram("ssram1(ns-alias)", 0x0000_0000, 4 * MiB),
            Ram("ssram1-mirror(ns-alias)", 0x0040_0000, 4 * MiB),
            Ram("ssram1(s-alias)", 0x1000_0000, 4 * MiB),
            Ram("ssram1-mirror(s-alias)", 0x1040_0000, 4 * MiB),
            Ram("iotkit-sram(ns-alias)", 0x2000_0000, 32 * KiB),
            Ram("ssram2/3(ns-alias)", 0x2800_0000, 4 * MiB),
            Ram("iotkit-sram(s-alias)", 0x3000_0000, 32 * KiB),
            Ram("ssram2/3(s-alias)", 0x3800_0000, 4 * MiB),
            RazWi("peripherals (not modelled)", 0x4000_0000, 0x6000_0000),
            Ram("psram", 0x8000_0000, 16 * MiB),
            Window("ppb", ScsRegisters.PpbStart, (ulong)ScsRegisters.PpbLast + 1, MemoryKind.Mmio),
        ]),
        ClockHz: 20_000_000);

    /// <summary>Every built-in ARM board.</summary>
    public static IReadOnlyList<Board> All { get; } = [Mps2An385, Mps2An505];

    /// <summary>The board called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static Board? Find(string name) => All.FirstOrDefault(b => b.Name == name);

    /// <summary>The number of MPU regions the board's core implements (MPU_TYPE.DREGION).</summary>
    public static int MpuRegions(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Arch == ArmArch.PmsaV8 ? 16 : 8;
    }

    /// <summary>Attaches the board's own devices (besides the PPB, which the MPU attaches) to its bus.</summary>
    internal static void AttachDevices(Board board, SystemBus bus)
    {
        if (board.Name == Mps2An385.Name)
        {
            bus.Attach(new AddressRange(0x2200_0000, 0x2400_0000), new BitBandAlias(bus, 0x2000_0000));
        }
    }

    private static MemoryMapEntry Ram(string name, uint start, uint size) =>
        new(name, AddressRange.FromSize(start, size), MemoryKind.Ram);

    private static MemoryMapEntry RazWi(string name, uint start, uint end) => Window(name, start, end, MemoryKind.RazWi);

    private static MemoryMapEntry Window(string name, ulong start, ulong end, MemoryKind kind) =>
        new(name, new AddressRange(start, end), kind);
}
