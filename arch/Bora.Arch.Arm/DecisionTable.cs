using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>
/// The MPU's configuration flattened into segments of the 32-bit address space over which the
/// resolution does not change. Built from the resolver itself, evaluated once per segment, so a
/// window can never disagree with the per-address algorithm: the breakpoints only say where to look.
/// </summary>
internal sealed class DecisionTable
{
    private readonly uint[] _starts;
    private readonly MpuResolution[] _resolutions;

    private DecisionTable(uint[] starts, MpuResolution[] resolutions)
    {
        _starts = starts;
        _resolutions = resolutions;
    }

    /// <summary>Number of segments.</summary>
    public int Count => _starts.Length;

    /// <summary>
    /// Builds the table. <paramref name="breakpoints"/> must contain every address at which
    /// <paramref name="resolve"/> may change its answer (values of 2^32 and above are ignored).
    /// </summary>
    public static DecisionTable Build(IEnumerable<ulong> breakpoints, Func<uint, MpuResolution> resolve)
    {
        uint[] starts = [.. breakpoints.Where(b => b <= uint.MaxValue).Select(b => (uint)b).Append(0u).Distinct().Order()];
        var resolutions = new MpuResolution[starts.Length];
        for (int i = 0; i < starts.Length; i++)
        {
            resolutions[i] = resolve(starts[i]);
        }

        return new DecisionTable(starts, resolutions);
    }

    /// <summary>The resolution at <paramref name="address"/>.</summary>
    public MpuResolution Resolve(uint address) => _resolutions[IndexOf(address)];

    /// <summary>
    /// Decides an access needing <paramref name="needed"/> at <paramref name="address"/>; the window
    /// spans every neighbouring segment that gives the same answer.
    /// </summary>
    public AccessDecision Decide(uint address, AccessRights needed)
    {
        int index = IndexOf(address);
        bool allowed = Grants(index, needed);
        int lo = index, hi = index;
        while (lo > 0 && Grants(lo - 1, needed) == allowed)
        {
            lo--;
        }

        while (hi < _starts.Length - 1 && Grants(hi + 1, needed) == allowed)
        {
            hi++;
        }

        uint start = _starts[lo];
        uint last = hi == _starts.Length - 1 ? uint.MaxValue : _starts[hi + 1] - 1;
        int source = _resolutions[index].Source;
        return allowed ? AccessDecision.Allow(start, last, source) : AccessDecision.Deny(start, last, source);
    }

    private bool Grants(int index, AccessRights needed) => (_resolutions[index].Rights & needed) != 0;

    private int IndexOf(uint address) => SegmentSearch.IndexOf<uint>(_starts, address);
}
