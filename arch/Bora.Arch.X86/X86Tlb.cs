namespace Bora.Arch.X86;

/// <summary>
/// The translation lookaside buffer: translations keyed by linear page, filled by successful walks and
/// dropped only by the events the architecture names (CR3 load, INVLPG, the flushing control-register
/// writes, and a page fault on the page). It never evicts: the SDM lets an entry live until it is
/// invalidated, so a missing INVLPG always shows.
/// </summary>
internal sealed class X86Tlb
{
    private const int SmallShift = 12;
    private const int LargeShift = 21;

    private readonly Dictionary<uint, X86Translation> _small = [];
    private readonly Dictionary<uint, X86Translation> _large = [];

    /// <summary>Number of cached translations (a 4 MiB page counts twice: it is held per 2 MiB half).</summary>
    public int Count => _small.Count + _large.Count;

    /// <summary>Finds the translation for <paramref name="linear"/>.</summary>
    public bool TryLookup(uint linear, out X86Translation translation) =>
        _small.TryGetValue(linear >> SmallShift, out translation)
        || (_large.Count != 0 && _large.TryGetValue(linear >> LargeShift, out translation));

    /// <summary>Caches a translation.</summary>
    public void Fill(in X86Translation translation)
    {
        if (translation.Size == 1u << SmallShift)
        {
            _small[translation.LinearBase >> SmallShift] = translation;
            return;
        }

        for (uint key = translation.LinearBase >> LargeShift; key <= translation.LinearEnd >> LargeShift; key++)
        {
            _large[key] = translation;
        }
    }

    /// <summary>Drops every translation for the page holding <paramref name="linear"/> (INVLPG, #PF), global ones included.</summary>
    public void Invalidate(uint linear)
    {
        _small.Remove(linear >> SmallShift);
        if (_large.TryGetValue(linear >> LargeShift, out X86Translation large))
        {
            for (uint key = large.LinearBase >> LargeShift; key <= large.LinearEnd >> LargeShift; key++)
            {
                _large.Remove(key);
            }
        }
    }

    /// <summary>Drops every translation, or every non-global one when <paramref name="keepGlobal"/> is set (CR3 load with CR4.PGE).</summary>
    public void Flush(bool keepGlobal)
    {
        if (!keepGlobal)
        {
            _small.Clear();
            _large.Clear();
            return;
        }

        RemoveNonGlobal(_small);
        RemoveNonGlobal(_large);
    }

    private static void RemoveNonGlobal(Dictionary<uint, X86Translation> entries)
    {
        foreach ((uint key, X86Translation translation) in entries)
        {
            if (!translation.Global)
            {
                entries.Remove(key);
            }
        }
    }
}
