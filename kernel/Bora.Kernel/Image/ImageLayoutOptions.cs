namespace Bora.Kernel.Image;

/// <summary>Sizes of the image's areas. Stacks get whatever RAM the other RAM areas leave.</summary>
public sealed class ImageLayoutOptions
{
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
