using System.Text.Json;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>Builds a board memory map from an ARM vector file's <c>memory_map</c> (ram, unmapped, never_probed lists).</summary>
internal static class ArmVectorMemoryMap
{
    /// <summary>
    /// RAM windows become RAM, unmapped windows stay unmapped; never-probed windows are modelled by what
    /// their name says: the harness image and its aliases are RAM, the PPB is MMIO (the MPU attaches its
    /// registers there), everything else (RAZ/WI windows, bit-band aliases, peripherals) reads as zero.
    /// </summary>
    public static BoardMemoryMap Parse(JsonElement meta)
    {
        if (!meta.TryGetProperty("memory_map", out JsonElement map) || map.ValueKind != JsonValueKind.Object)
        {
            throw new VectorFormatException("meta line without a 'memory_map' object");
        }

        var entries = new List<MemoryMapEntry>();
        foreach ((string name, AddressRange range) in Windows(map, "ram"))
        {
            entries.Add(new MemoryMapEntry(name, range, MemoryKind.Ram));
        }

        _ = Windows(map, "unmapped"); // validated; unmapped windows are simply absent from the map
        if (map.TryGetProperty("never_probed", out _))
        {
            foreach ((string name, AddressRange range) in Windows(map, "never_probed"))
            {
                entries.Add(new MemoryMapEntry(name, range, KindOfNeverProbed(name)));
            }
        }

        try
        {
            return new BoardMemoryMap(entries);
        }
        catch (ArgumentException e)
        {
            throw new VectorFormatException($"memory_map is inconsistent: {e.Message}", e);
        }
    }

    /// <summary>The kind a never-probed window is modelled as, from its name.</summary>
    public static MemoryKind KindOfNeverProbed(string name)
    {
        if (name.Contains("PPB", StringComparison.Ordinal))
        {
            return MemoryKind.Mmio;
        }

        return name.Contains("harness", StringComparison.Ordinal) ? MemoryKind.Ram : MemoryKind.RazWi;
    }

    /// <summary>The <c>[start, end, name]</c> triples of one list.</summary>
    public static IEnumerable<(string Name, AddressRange Range)> Windows(JsonElement map, string list)
    {
        if (!map.TryGetProperty(list, out JsonElement items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new VectorFormatException($"memory_map without a '{list}' list");
        }

        var windows = new List<(string, AddressRange)>();
        foreach (JsonElement item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 3
                || !item[0].TryGetUInt64(out ulong start) || !item[1].TryGetUInt64(out ulong end) || item[2].ValueKind != JsonValueKind.String
                || end < start || end > 1UL << 32)
            {
                throw new VectorFormatException($"memory_map.{list}: expected [start, end, name] with start <= end <= 2^32, found {item.GetRawText()}");
            }

            windows.Add((item[2].GetString()!, new AddressRange(start, end)));
        }

        return windows;
    }
}
