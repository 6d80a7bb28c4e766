using Bora.Machine;

namespace Bora.Kernel.Tests;

/// <summary>Boards for kernel tests until the arch backends land: plain memory maps on a machine without a protection unit.</summary>
internal static class TestBoards
{
    /// <summary>1 MiB flash at 0, 4 MiB SRAM at 0x20000000, 25 MHz (an mps2-an385-like map).</summary>
    public static Board Flat { get; } = new(
        "test-flat",
        "test-m3",
        NoProtection.Id,
        new BoardMemoryMap(
        [
            new MemoryMapEntry("flash", new AddressRange(0x0000_0000, 0x0010_0000), MemoryKind.Rom),
            new MemoryMapEntry("sram", new AddressRange(0x2000_0000, 0x2040_0000), MemoryKind.Ram),
        ]),
        25_000_000);

    /// <summary>512 KiB flash, 2 MiB SRAM, a hole, a RAZ/WI window; 48 MHz.</summary>
    public static Board Holey { get; } = new(
        "test-holey",
        "test-m4",
        NoProtection.Id,
        new BoardMemoryMap(
        [
            new MemoryMapEntry("flash", new AddressRange(0x0800_0000, 0x0808_0000), MemoryKind.Rom),
            new MemoryMapEntry("sram", new AddressRange(0x2000_0000, 0x2020_0000), MemoryKind.Ram),
            new MemoryMapEntry("reserved", new AddressRange(0x4000_0000, 0x4000_1000), MemoryKind.RazWi),
        ]),
        48_000_000);

    public static KernelOptions Options(Board? board = null) => new()
    {
        Board = board ?? Flat,
        HostWaitTimeout = TimeSpan.FromSeconds(20),
    };
}
