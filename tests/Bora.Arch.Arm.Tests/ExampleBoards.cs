namespace Bora.Arch.Arm.Tests;

/// <summary>
/// The boards arch-spec §2.8/§2.9 assume: a Cortex-M4 (PMSAv7, 8 regions) and a Cortex-M33 (PMSAv8,
/// 8 regions), with 512 KiB of flash at 0, SRAM at 0x20000000 and external RAM at 0x60000000.
/// </summary>
internal static class ExampleBoards
{
    private static BoardMemoryMap Map() => new(
    [
        new MemoryMapEntry("flash", AddressRange.FromSize(0, 0x8_0000), MemoryKind.Rom),
        new MemoryMapEntry("sram", AddressRange.FromSize(0x2000_0000, 0x4_0000), MemoryKind.Ram),
        new MemoryMapEntry("peripherals", AddressRange.FromSize(0x4000_0000, 0x1000_0000), MemoryKind.RazWi),
        new MemoryMapEntry("external ram", AddressRange.FromSize(0x6000_0000, 0x10_0000), MemoryKind.Ram),
        new MemoryMapEntry("ppb", new AddressRange(ScsRegisters.PpbStart, (ulong)ScsRegisters.PpbLast + 1), MemoryKind.Mmio),
    ]);

    public static ArmMachine CortexM4() =>
        ArmMachine.Create(new Board("example-m4", "cortex-m4", ArmArch.PmsaV7, Map(), 64_000_000), regionCount: 8);

    public static ArmMachine CortexM33() =>
        ArmMachine.Create(new Board("example-m33", "cortex-m33", ArmArch.PmsaV8, Map(), 64_000_000), regionCount: 8);
}
