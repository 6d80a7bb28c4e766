using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>
/// The x86 boards Bora models. Addresses are physical; every board maps RAM from address 0, as a PC
/// does (Zephyr never maps page 0, so NULL still faults through the page tables).
/// </summary>
public static class X86Boards
{
    /// <summary>Name of Zephyr's <c>qemu_x86</c> (PAE).</summary>
    public const string QemuX86Name = "qemu_x86";

    /// <summary>Name of Zephyr's <c>qemu_x86/atom/nopae</c> (32-bit paging).</summary>
    public const string QemuX86NoPaeName = "qemu_x86_nopae";

    /// <summary>Name of the QEMU <c>pc</c> machine with 256 MiB, on which the x86 vectors were recorded.</summary>
    public const string PcName = "pc";

    /// <summary>Core clock of the QEMU boards: the 25 MHz Zephyr's <c>qemu_x86</c> configures for its system timer.</summary>
    public const ulong ClockHz = 25_000_000;

    /// <summary>RAM of Zephyr's <c>qemu_x86</c>: <c>dram0</c> at 0, 32 MiB (<c>DT_DRAM_SIZE</c>).</summary>
    public const uint QemuX86RamBytes = 32u << 20;

    /// <summary>RAM of the vectors' <c>pc</c> machine: <c>-m 256M</c>.</summary>
    public const uint PcRamBytes = 256u << 20;

    /// <summary>
    /// Zephyr's <c>qemu_x86</c> with PAE paging: <c>dram0</c> [0, 32 MiB) (the image is linked at 1 MiB),
    /// and the IOAPIC, HPET and local APIC windows of <c>intel/atom.dtsi</c> (no device model attached yet:
    /// an access there is a bus error).
    /// </summary>
    public static Board QemuX86 { get; } = new(QemuX86Name, "ia32 (qemu32,+nx,+pae)", X86Arch.Pae, QemuMap(), ClockHz);

    /// <summary>Zephyr's <c>qemu_x86/atom/nopae</c>: the same machine driven with 32-bit paging.</summary>
    public static Board QemuX86NoPae { get; } = new(QemuX86NoPaeName, "ia32 (qemu32)", X86Arch.Paging32, QemuMap(), ClockHz);

    /// <summary>
    /// QEMU's <c>pc</c> machine with <c>-cpu max -m 256M</c>, as the x86 vectors use it: <c>ram</c>
    /// [0, 256 MiB) — the recording harness's first 4 MiB and the probed RAM from 4 MiB up.
    /// </summary>
    public static Board Pc { get; } = PcWithRam(PcRamBytes);

    /// <summary>Every board, by name.</summary>
    public static IReadOnlyList<Board> All { get; } = [QemuX86, QemuX86NoPae, Pc];

    /// <summary>The board named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No x86 board has that name.</exception>
    public static Board Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"no x86 board '{name}' (known: {string.Join(", ", All.Select(b => b.Name))})", nameof(name));

    /// <summary>A <c>pc</c> machine with <paramref name="ramBytes"/> of RAM from address 0.</summary>
    public static Board PcWithRam(ulong ramBytes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ramBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ramBytes, 0xC000_0000UL);
        return new Board(PcName, "ia32 (max)", X86Arch.Pae,
            new BoardMemoryMap([new MemoryMapEntry("ram", new AddressRange(0, ramBytes), MemoryKind.Ram)]), ClockHz);
    }

    private static BoardMemoryMap QemuMap() => new(
    [
        new MemoryMapEntry("dram0", new AddressRange(0, QemuX86RamBytes), MemoryKind.Ram),
        new MemoryMapEntry("ioapic", AddressRange.FromSize(0xFEC0_0000, 0x1000), MemoryKind.Mmio),
        new MemoryMapEntry("hpet", AddressRange.FromSize(0xFED0_0000, 0x400), MemoryKind.Mmio),
        new MemoryMapEntry("lapic", AddressRange.FromSize(0xFEE0_0000, 0x1000), MemoryKind.Mmio),
    ]);
}
