using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>
/// The decision tables and standing problems of the last few MPU configurations, keyed by the exact
/// register contents. A context switch that reprograms the dynamic regions back and forth (the stack
/// guard of each thread in turn) finds its table here instead of rebuilding it; the key is every
/// register the per-address algorithm reads, so a hit can never return another configuration's answer.
/// </summary>
internal sealed class MpuConfigurationCache
{
    private const int Capacity = 8;

    private readonly uint[][] _keys;
    private readonly MpuConfiguration?[] _entries;
    private int _next;

    /// <summary>Creates a cache for configurations of <paramref name="keyWords"/> register words.</summary>
    public MpuConfigurationCache(int keyWords)
    {
        _keys = new uint[Capacity][];
        _entries = new MpuConfiguration?[Capacity];
        for (int i = 0; i < Capacity; i++)
        {
            _keys[i] = new uint[keyWords];
        }
    }

    /// <summary>The entry of the configuration <paramref name="key"/>, created with <paramref name="problems"/> when new.</summary>
    public MpuConfiguration GetOrAdd(ReadOnlySpan<uint> key, Func<InvalidProgramming[]> problems)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (_entries[i] is { } entry && key.SequenceEqual(_keys[i]))
            {
                return entry;
            }
        }

        int slot = _next;
        _next = (_next + 1) % Capacity;
        key.CopyTo(_keys[slot]);
        var created = new MpuConfiguration(problems());
        _entries[slot] = created;
        return created;
    }

}
