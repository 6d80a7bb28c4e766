namespace Bora.Kernel;

/// <summary>
/// What a fault report says about where the fault happened (DESIGN §7): the area around the address, the
/// partitions of the culprit's domain nearest it, other domains' partitions holding it, and what the hardware
/// allows there at the faulting privilege.
/// </summary>
public sealed partial class BoraKernel
{
    private static readonly AccessKind[] s_probedKinds = [AccessKind.Read, AccessKind.Write, AccessKind.Execute];

    private FatalErrorReport BuildReport(KThread culprit, FatalReason reason, FaultRecord? fault, string message, Privilege mode, bool inIsr)
    {
        uint pc = _cpu.State.Pc;
        uint? address = fault?.FaultAddress ?? fault?.Access.Address;
        return new FatalErrorReport(reason, culprit.Id, culprit.ThreadName, mode, inIsr, fault, pc, Layout.Symbols.Describe(pc), _cpu.State.Sp, _cpu.Cycles, message, address is uint a ? DescribeAddress(a) : null)
        {
            Domain = culprit.MemoryView?.Domain.Name,
            Stack = inIsr ? null : DescribeStack(culprit, _cpu.State.Sp, mode),
            Partitions = PartitionsAround(culprit, address),
            OtherDomainPartitions = OtherDomainPartitions(culprit, address),
            Allowed = fault is null || address is not uint at ? null : AllowedAt(at, fault.Access.Privilege),
            ActiveRegions = _driver?.ActiveRegions() ?? [],
        };
    }

    /// <summary>
    /// Asks the protection hardware what <paramref name="privilege"/> may do at <paramref name="address"/>, as a
    /// debugger would: the answer is the model's own, whatever the arch's region priority rules. On x86 the probe is
    /// a page walk, which may set accessed bits and fill the TLB from the tables in force, as any later access would.
    /// </summary>
    private List<AccessKind> AllowedAt(uint address, Privilege privilege)
    {
        var allowed = new List<AccessKind>(s_probedKinds.Length);
        foreach (AccessKind kind in s_probedKinds)
        {
            if (_gate.Inner.Decide(address, kind, privilege).IsAllowed)
            {
                allowed.Add(kind);
            }
        }

        return allowed;
    }

    /// <summary>
    /// The stack the culprit was running on (its privilege stack in supervisor mode when it is a user thread, else its
    /// stack buffer) and where SP is relative to it, so an overflow reads as one even when the address lies elsewhere.
    /// </summary>
    private static string? DescribeStack(KThread culprit, uint sp, Privilege mode)
    {
        if (culprit.Stack is not { } stack)
        {
            return null;
        }

        (string what, uint start, ulong end) = culprit.MemoryView is { PrivilegedStackSize: > 0 } v && mode == Privilege.Supervisor
            ? ("privilege stack", v.PrivilegedStackStart, (ulong)v.PrivilegedStackStart + v.PrivilegedStackSize)
            : ("buffer", stack.BufferStart, (ulong)stack.BufferStart + stack.BufferSize);
        string where = sp < start ? $"0x{start - sp:X} bytes below the {what}" : sp > end ? $"0x{sp - end:X} bytes above the {what}" : $"inside the {what}";
        return $"'{stack.Name}' [0x{stack.Address:X8}, 0x{(ulong)stack.Address + stack.Size:X8}), {what} [0x{start:X8}, 0x{end:X8}); sp 0x{sp:X8} is {where}";
    }

    private string DescribeAddress(uint address)
    {
        if (PrivilegeStackContaining(address) is { } owner)
        {
            ThreadMemoryView v = owner.MemoryView!;
            return $"privilege stack of '{owner.ThreadName}' [0x{v.PrivilegedStackStart:X8}, 0x{(ulong)v.PrivilegedStackStart + v.PrivilegedStackSize:X8})";
        }

        if (StackContaining(address) is { } stack)
        {
            string part = address < stack.BufferStart ? (address >= stack.GuardStart && stack.GuardBytes > 0 ? "guard" : "reserved area") : "buffer";
            string user = stack.InUseBy is { } t ? $", used by '{t.ThreadName}'" : string.Empty;
            return $"stack '{stack.Name}' {part} [0x{stack.Address:X8}, 0x{stack.Address + stack.Size:X8}){user}";
        }

        if (_objects.TryGetValue(address, out KObject? obj))
        {
            return obj.ToString();
        }

        if (Layout.AreaOf(address) is { } area)
        {
            return area.ToString();
        }

        return Board.MemoryMap.Find(address) is { } window ? $"board window '{window.Name}' {window.Range} ({window.Kind})" : "unmapped address space";
    }

    private KThread? PrivilegeStackContaining(uint address)
    {
        foreach (KThread t in _threads)
        {
            if (t.MemoryView is { PrivilegedStackSize: > 0 } v && address >= v.PrivilegedStackStart && address < (ulong)v.PrivilegedStackStart + v.PrivilegedStackSize)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>
    /// The partitions of the culprit's domain that contain <paramref name="address"/> or are the nearest below and
    /// above it, with their names and permissions.
    /// </summary>
    private List<string> PartitionsAround(KThread culprit, uint? address)
    {
        if (address is not uint a || culprit.MemoryView is not { } view || _domains is null)
        {
            return [];
        }

        MemoryDomain domain = _domains.DomainOf(view);
        var found = new List<string>();
        (int Slot, MemoryPartition P)? below = null, above = null;
        foreach ((int slot, MemoryPartition p) in domain.Partitions)
        {
            if (a >= p.Start && a < p.End)
            {
                found.Add(DescribeSlot(domain, slot, p, "contains the address"));
            }
            else if (p.End <= a && (below is null || p.End > below.Value.P.End))
            {
                below = (slot, p);
            }
            else if (p.Start > a && (above is null || p.Start < above.Value.P.Start))
            {
                above = (slot, p);
            }
        }

        if (below is { } b)
        {
            found.Add(DescribeSlot(domain, b.Slot, b.P, "nearest below"));
        }

        if (above is { } h)
        {
            found.Add(DescribeSlot(domain, h.Slot, h.P, "nearest above"));
        }

        return found;
    }

    /// <summary>The partitions of other domains that contain <paramref name="address"/>: what the culprit reached for.</summary>
    private List<string> OtherDomainPartitions(KThread culprit, uint? address)
    {
        if (address is not uint a || _domains is null)
        {
            return [];
        }

        DomainMemoryView? own = culprit.MemoryView?.Domain;
        var found = new List<string>();
        foreach (MemoryDomain domain in _domains.All)
        {
            if (domain.View == own)
            {
                continue;
            }

            foreach ((int slot, MemoryPartition p) in domain.Partitions)
            {
                if (a >= p.Start && a < p.End)
                {
                    found.Add($"domain '{domain.Name}' " + DescribeSlot(domain, slot, p, "contains the address"));
                }
            }
        }

        return found;
    }

    private static string DescribeSlot(MemoryDomain domain, int slot, MemoryPartition p, string where) =>
        $"slot {slot} '{domain.PartitionName(slot) ?? "?"}' {p} ({where})";
}
