namespace Bora.Kernel.Objects;

/// <summary>
/// Buffers that objects keep in simulated memory (a msgq ring, a stack's words, a pipe's ring): the
/// checks an <c>*_init</c> applies before accepting one, and copies of caller data through the
/// checked accessors at the calling context's privilege.
/// </summary>
internal static class ObjectBuffer
{
    private const int Chunk = 64 * 1024;

    /// <summary>
    /// Whether a buffer of <paramref name="size"/> bytes at <paramref name="start"/> may back an object:
    /// it must not wrap the 32-bit address space and must not overlap kernel data, the kernel-object
    /// area or the stacks area. An empty buffer always fits.
    /// </summary>
    internal static bool Fits(ImageLayout layout, uint start, ulong size)
    {
        if (size == 0)
        {
            return true;
        }

        ulong end = start + size;
        if (end > 1UL << 32)
        {
            return false;
        }

        foreach (MemoryArea kernelArea in new[] { layout.KernelData, layout.Objects, layout.Stacks })
        {
            if (start < kernelArea.End && end > kernelArea.Start)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads <paramref name="count"/> bytes of caller memory through the checked accessors, in chunks,
    /// so a bad range faults at its first unreadable chunk without allocating the whole count first.
    /// </summary>
    internal static byte[] Read(Cpu cpu, uint address, uint count)
    {
        var result = new byte[Math.Min(count, (uint)Chunk)];
        uint done = 0;
        while (done < count)
        {
            int take = (int)Math.Min(count - done, (uint)Chunk);
            if (done + (uint)take > result.Length)
            {
                Array.Resize(ref result, (int)Math.Min(count, Math.Max((ulong)result.Length * 2, done + (ulong)take)));
            }

            cpu.ReadBlock(address + done, result.AsSpan((int)done, take));
            done += (uint)take;
        }

        return result;
    }
}
