namespace Bora.Kernel.Image;

/// <summary>Sizes of the image's areas. Stacks get whatever RAM the other RAM areas leave.</summary>
public sealed class ImageLayoutOptions
{
    /// <summary>
    /// Where the image's code starts (the vector table, then text and rodata): Zephyr's
    /// <c>zephyr,flash</c> (or, on x86, the link address). Any window of the board may hold it, RAM
    /// included (mps2 runs code from SSRAM1, qemu_x86 from DRAM at 1 MiB). Default: the start of the
    /// board's first ROM window.
    /// </summary>
    public uint? TextBase { get; set; }

    /// <summary>
    /// Where kernel data starts (then objects, stacks, partitions, heap): Zephyr's <c>zephyr,sram</c>.
    /// Default: the start of the board's first RAM window.
    /// </summary>
    public uint? RamBase { get; set; }

    /// <summary>Bytes of RAM the image uses from <see cref="RamBase"/>. Default: up to the end of its RAM window.</summary>
    public uint? RamBytes { get; set; }

    /// <summary>Bytes at the start of flash before text (the vector table).</summary>
    public uint VectorTableBytes { get; set; } = 0x400;

    /// <summary>Bytes of text for registered functions.</summary>
    public uint TextBytes { get; set; } = 256 * 1024;

    /// <summary>Bytes of read-only data.</summary>
    public uint RodataBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of kernel data (globals such as <c>_kernel</c>) at the start of RAM.</summary>
    public uint KernelDataBytes { get; set; } = 16 * 1024;

    /// <summary>Bytes of the kernel-object area.</summary>
    public uint ObjectAreaBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of the kernel heap at the end of RAM.</summary>
    public uint HeapBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes reserved for application memory partitions, just below the heap.</summary>
    public uint AppPartitionBytes { get; set; } = 256 * 1024;

    /// <summary>Bytes each registered function occupies in text.</summary>
    public uint FunctionBytes { get; set; } = 32;
}
