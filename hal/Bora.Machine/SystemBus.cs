using System.Buffers.Binary;
using Bora.Hal;

namespace Bora.Machine;

/// <summary>
/// The physical bus of a board: routes each access to RAM/ROM pages, a device model, a RAZ/WI window,
/// or nothing (a bus error), as the board's memory map says. It applies no protection.
/// </summary>
public sealed class SystemBus
{
    private readonly List<(AddressRange Range, IMmioDevice Device)> _devices = [];

    /// <summary>Creates the bus of a board.</summary>
    public SystemBus(BoardMemoryMap map)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
    }

    /// <summary>The board's address space.</summary>
    public BoardMemoryMap Map { get; }

    /// <summary>Backing pages for RAM and ROM (host and kernel code may use them unchecked).</summary>
    public PhysicalMemory Memory { get; } = new();

    /// <summary>Attaches a device model to <paramref name="range"/>; it answers before the memory map.</summary>
    /// <exception cref="ArgumentException">The range overlaps a device already attached.</exception>
    public void Attach(AddressRange range, IMmioDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        foreach ((AddressRange existing, IMmioDevice other) in _devices)
        {
            if (existing.Overlaps(range))
            {
                throw new ArgumentException($"device '{device.Name}' at {range} overlaps '{other.Name}' at {existing}", nameof(range));
            }
        }

        _devices.Add((range, device));
    }

    /// <summary>
    /// Whether <paramref name="address"/> is plain RAM (no device in front of it); if so,
    /// <paramref name="window"/> is the RAM window, clipped so that no device lies inside it.
    /// </summary>
    public bool TryGetRamWindow(uint address, out AddressRange window)
    {
        window = default;
        MemoryMapEntry? entry = Map.Find(address);
        if (entry is null || entry.Kind != MemoryKind.Ram)
        {
            return false;
        }

        ulong start = entry.Range.Start, end = entry.Range.End;
        foreach ((AddressRange range, _) in _devices)
        {
            if (range.Contains(address))
            {
                return false;
            }

            if (range.End <= address && range.End > start)
            {
                start = range.End;
            }
            else if (range.Start > address && range.Start < end)
            {
                end = range.Start;
            }
        }

        window = new AddressRange(start, end);
        return true;
    }

    /// <summary>Whether an access of <paramref name="size"/> bytes at <paramref name="address"/> would complete.</summary>
    public bool CanAccess(uint address, uint size, bool store) => CanAccess(address, size, store, out _);

    /// <summary>
    /// Whether an access of <paramref name="size"/> bytes at <paramref name="address"/> would complete;
    /// if not, <paramref name="badOffset"/> is the offset of the first byte that would not.
    /// </summary>
    public bool CanAccess(uint address, uint size, bool store, out uint badOffset)
    {
        ulong end = (ulong)address + size;
        for (ulong a = address; a < end;)
        {
            if (DeviceRangeAt((uint)a) is { } device)
            {
                // A device answers every byte of its window itself.
                a = device.End;
                continue;
            }

            MemoryMapEntry? entry = Map.Find(a);
            if (entry is null || entry.Kind == MemoryKind.Mmio || (entry.Kind == MemoryKind.Rom && store) || a > uint.MaxValue)
            {
                badOffset = (uint)(a - address);
                return false;
            }

            ulong next = entry.Range.End;
            foreach ((AddressRange range, _) in _devices)
            {
                if (range.Start > a && range.Start < next)
                {
                    next = range.Start;
                }
            }

            a = next;
        }

        badOffset = 0;
        return true;
    }

    /// <summary>Loads 1, 2 or 4 bytes (little-endian) at <paramref name="address"/>.</summary>
    public BusStatus Read(uint address, int size, Privilege privilege, out uint value)
    {
        value = 0;
        IMmioDevice? device = FindDevice(address, out uint offset);
        if (device is not null)
        {
            return device.TryRead(offset, size, privilege, out value) ? BusStatus.Ok : BusStatus.Error;
        }

        if (!CanAccess(address, (uint)size, store: false))
        {
            return BusStatus.Error;
        }

        Span<byte> buffer = stackalloc byte[4];
        buffer.Clear();
        ReadMemory(address, buffer[..size]);
        value = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        return BusStatus.Ok;
    }

    /// <summary>Stores 1, 2 or 4 bytes (little-endian) at <paramref name="address"/>.</summary>
    public BusStatus Write(uint address, int size, Privilege privilege, uint value)
    {
        IMmioDevice? device = FindDevice(address, out uint offset);
        if (device is not null)
        {
            return device.TryWrite(offset, size, privilege, value) ? BusStatus.Ok : BusStatus.Error;
        }

        if (!CanAccess(address, (uint)size, store: true))
        {
            return BusStatus.Error;
        }

        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        WriteMemory(address, buffer[..size]);
        return BusStatus.Ok;
    }

    /// <summary>Copies memory bytes out, reading RAZ/WI windows as zero. The caller has checked <see cref="CanAccess(uint, uint, bool)"/>.</summary>
    public void ReadMemory(uint address, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length;)
        {
            uint a = unchecked(address + (uint)i);
            MemoryMapEntry? entry = Map.Find(a);
            int chunk = (int)Math.Min((ulong)(destination.Length - i), (entry?.Range.End ?? ((ulong)a + 1)) - a);
            if (entry is { Kind: MemoryKind.Ram or MemoryKind.Rom })
            {
                Memory.Read(a, destination.Slice(i, chunk));
            }
            else
            {
                destination.Slice(i, chunk).Clear();
            }

            i += chunk;
        }
    }

    /// <summary>Copies bytes into memory, dropping writes to RAZ/WI windows. The caller has checked <see cref="CanAccess(uint, uint, bool)"/>.</summary>
    public void WriteMemory(uint address, ReadOnlySpan<byte> source)
    {
        for (int i = 0; i < source.Length;)
        {
            uint a = unchecked(address + (uint)i);
            MemoryMapEntry? entry = Map.Find(a);
            int chunk = (int)Math.Min((ulong)(source.Length - i), (entry?.Range.End ?? ((ulong)a + 1)) - a);
            if (entry is { Kind: MemoryKind.Ram or MemoryKind.Rom })
            {
                Memory.Write(a, source.Slice(i, chunk));
            }

            i += chunk;
        }
    }

    private AddressRange? DeviceRangeAt(uint address)
    {
        foreach ((AddressRange range, _) in _devices)
        {
            if (range.Contains(address))
            {
                return range;
            }
        }

        return null;
    }

    private IMmioDevice? FindDevice(uint address, out uint offset)
    {
        foreach ((AddressRange range, IMmioDevice device) in _devices)
        {
            if (range.Contains(address))
            {
                offset = (uint)(address - range.Start);
                return device;
            }
        }

        offset = 0;
        return null;
    }
}
