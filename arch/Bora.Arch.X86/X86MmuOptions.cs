namespace Bora.Arch.X86;

/// <summary>Options of the x86 paging backend.</summary>
public sealed class X86MmuOptions
{
    /// <summary>The paging mode the driver uses (PAE by default, as Zephyr's <c>CONFIG_X86_PAE</c>).</summary>
    public X86PagingMode Mode { get; set; } = X86PagingMode.Pae;

    /// <summary>
    /// MAXPHYADDR: physical-address width. 36, as QEMU's <c>-cpu max</c> reports in <c>qemu-system-i386</c>
    /// (a 32-bit CPU with PSE-36); address bits from here up to 62 are reserved in PAE entries.
    /// </summary>
    public int MaxPhysicalAddressBits { get; set; } = 36;

    /// <summary>
    /// The board to build, by name (see <see cref="X86Boards"/>); by default Zephyr's <c>qemu_x86</c> for
    /// PAE and <c>qemu_x86_nopae</c> for 32-bit paging.
    /// </summary>
    public string? Board { get; set; }

    /// <summary>The board name in effect: <see cref="Board"/>, or the default for <see cref="Mode"/>.</summary>
    public string BoardName => Board ?? (Mode == X86PagingMode.Paging32 ? X86Boards.QemuX86NoPaeName : X86Boards.QemuX86Name);
}
