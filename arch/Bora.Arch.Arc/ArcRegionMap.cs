using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arc;

/// <summary>
/// The address space cut into segments that one owner decides — a region, the default region, or (v4)
/// an illegal overlap — computed from the MPU registers after they change. A lookup is a binary search,
/// and the window it returns is the largest run of neighbouring segments giving the same answer.
/// </summary>
internal sealed class ArcRegionMap
{
    private const ulong AddressSpaceEnd = 1UL << 32;

    private readonly ulong[] _starts;
    private readonly int[] _owners;
    private readonly ArcMpuAttributes[] _attributes;

    private ArcRegionMap(ulong[] starts, int[] owners, ArcMpuAttributes[] attributes)
    {
        _starts = starts;
        _owners = owners;
        _attributes = attributes;
    }

    /// <summary>A map in which every access is allowed (the MPU is off).</summary>
    public static ArcRegionMap AllowAll { get; } =
        new([0], [DecisionDetail.DefaultRegion], [ArcMpuAttributes.PermissionMask]);

    /// <summary>
    /// Builds the map of <paramref name="regions"/> over the default region. On MPU v2 the lowest
    /// index wins where regions overlap; with <paramref name="overlapIsMachineCheck"/> (v4) an address
    /// two valid regions cover belongs to no region and any access to it is a machine check.
    /// </summary>
    public static ArcRegionMap Build(IReadOnlyList<ArcRegion> regions, ArcMpuAttributes defaultAttributes, bool overlapIsMachineCheck)
    {
        var points = new SortedSet<ulong> { 0 };
        foreach (ArcRegion r in regions)
        {
            points.Add(r.Start);
            if (r.End < AddressSpaceEnd)
            {
                points.Add(r.End);
            }
        }

        var starts = new List<ulong>();
        var owners = new List<int>();
        var attributes = new List<ArcMpuAttributes>();
        foreach (ulong start in points)
        {
            (int owner, ArcMpuAttributes attrs) = OwnerAt(regions, start, defaultAttributes, overlapIsMachineCheck);
            if (owners.Count > 0 && owners[^1] == owner)
            {
                continue;
            }

            starts.Add(start);
            owners.Add(owner);
            attributes.Add(attrs);
        }

        return new ArcRegionMap([.. starts], [.. owners], [.. attributes]);
    }

    /// <summary>Decides one byte and returns the widest window with the same answer.</summary>
    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
    {
        int segment = SegmentOf(address);
        if (!Allows(segment, kind, privilege))
        {
            return AccessDecision.Deny((uint)_starts[segment], LastAddress(segment), _owners[segment]);
        }

        int first = segment;
        while (first > 0 && Allows(first - 1, kind, privilege))
        {
            first--;
        }

        int last = segment;
        while (last + 1 < _starts.Length && Allows(last + 1, kind, privilege))
        {
            last++;
        }

        return AccessDecision.Allow((uint)_starts[first], LastAddress(last), _owners[segment]);
    }

    private static (int Owner, ArcMpuAttributes Attributes) OwnerAt(
        IReadOnlyList<ArcRegion> regions, ulong address, ArcMpuAttributes defaultAttributes, bool overlapIsMachineCheck)
    {
        ArcRegion? winner = null;
        int matches = 0;
        foreach (ArcRegion r in regions)
        {
            if (address < r.Start || address >= r.End)
            {
                continue;
            }

            matches++;
            if (winner is null || r.Index < winner.Value.Index)
            {
                winner = r;
            }
        }

        if (winner is not ArcRegion w)
        {
            return (DecisionDetail.DefaultRegion, defaultAttributes);
        }

        return overlapIsMachineCheck && matches > 1
            ? (DecisionDetail.MachineCheckFlag | w.Index, ArcMpuAttributes.None)
            : (w.Index, w.Attributes);
    }

    private bool Allows(int segment, AccessKind kind, Privilege privilege) =>
        !DecisionDetail.IsMachineCheck(_owners[segment]) && ArcPermissions.Allows(_attributes[segment], kind, privilege);

    private uint LastAddress(int segment) =>
        (uint)((segment + 1 < _starts.Length ? _starts[segment + 1] : AddressSpaceEnd) - 1);

    private int SegmentOf(uint address) => SegmentSearch.IndexOf<ulong>(_starts, (ulong)address);
}
