using System.Buffers.Binary;

namespace Bora.Machine;

/// <summary>
/// Backing store for a 32-bit physical address space, allocated lazily in 4 KiB pages so that a
/// kernel only pays for the memory it touches. No protection and no bus semantics: callers decide
/// what may be accessed.
/// </summary>
public sealed class PhysicalMemory
{
    /// <summary>Bytes per page.</summary>
    public const int PageSize = 4096;

    /// <summary>log2 of <see cref="PageSize"/>.</summary>
    public const int PageShift = 12;

    private const int DirectoryShift = 22;
    private const int PagesPerTable = 1 << (DirectoryShift - PageShift);

    private readonly byte[]?[]?[] _directory = new byte[]?[]?[1 << (32 - DirectoryShift)];

    /// <summary>Number of pages allocated so far.</summary>
    public int AllocatedPages { get; private set; }

    /// <summary>The page holding <paramref name="address"/>, allocated (zero-filled) on first use.</summary>
    public byte[] GetPage(uint address)
    {
        byte[]?[] table = _directory[address >> DirectoryShift] ??= new byte[]?[PagesPerTable];
        int index = (int)((address >> PageShift) & (PagesPerTable - 1));
        byte[]? page = table[index];
        if (page is null)
        {
            page = new byte[PageSize];
            table[index] = page;
            AllocatedPages++;
        }

        return page;
    }

    /// <summary>Copies bytes out of memory, crossing pages as needed.</summary>
    public void Read(uint address, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            int offset = (int)(address & (PageSize - 1));
            int chunk = Math.Min(destination.Length, PageSize - offset);
            GetPage(address).AsSpan(offset, chunk).CopyTo(destination);
            destination = destination[chunk..];
            address = unchecked(address + (uint)chunk);
        }
    }

    /// <summary>Copies bytes into memory, crossing pages as needed.</summary>
    public void Write(uint address, ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            int offset = (int)(address & (PageSize - 1));
            int chunk = Math.Min(source.Length, PageSize - offset);
            source[..chunk].CopyTo(GetPage(address).AsSpan(offset, chunk));
            source = source[chunk..];
            address = unchecked(address + (uint)chunk);
        }
    }

    /// <summary>Fills <paramref name="length"/> bytes with <paramref name="value"/>.</summary>
    public void Fill(uint address, uint length, byte value)
    {
        while (length > 0)
        {
            int offset = (int)(address & (PageSize - 1));
            int chunk = (int)Math.Min(length, (uint)(PageSize - offset));
            GetPage(address).AsSpan(offset, chunk).Fill(value);
            length -= (uint)chunk;
            address = unchecked(address + (uint)chunk);
        }
    }

    /// <summary>Reads a little-endian word.</summary>
    public uint ReadUInt32(uint address)
    {
        Span<byte> buffer = stackalloc byte[4];
        Read(address, buffer);
        return BinaryPrimitives.ReadUInt32LittleEndian(buffer);
    }

    /// <summary>Writes a little-endian word.</summary>
    public void WriteUInt32(uint address, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        Write(address, buffer);
    }

    /// <summary>Reads a little-endian 64-bit value.</summary>
    public ulong ReadUInt64(uint address)
    {
        Span<byte> buffer = stackalloc byte[8];
        Read(address, buffer);
        return BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }

    /// <summary>Writes a little-endian 64-bit value.</summary>
    public void WriteUInt64(uint address, ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        Write(address, buffer);
    }
}
