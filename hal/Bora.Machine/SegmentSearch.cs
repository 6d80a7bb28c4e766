using System.Numerics;

namespace Bora.Machine;

/// <summary>
/// Lookup in a segment table: ascending segment start addresses whose first entry is the bottom of the
/// address space. Protection models precompute such tables from their registers at each write.
/// </summary>
public static class SegmentSearch
{
    /// <summary>The index of the segment holding <paramref name="address"/>: the last start at or below it.</summary>
    public static int IndexOf<T>(ReadOnlySpan<T> starts, T address)
        where T : IComparisonOperators<T, T, bool>
    {
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= address)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
