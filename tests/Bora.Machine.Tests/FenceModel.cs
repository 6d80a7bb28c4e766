using Bora.Hal;

namespace Bora.Machine.Tests;

/// <summary>A test protection model: one fenced range denies user access; everything else is allowed.</summary>
internal sealed class FenceModel : IProtectionModel
{
    private Action? _invalidate;

    public FenceModel(uint start, uint end)
    {
        Start = start;
        End = end;
    }

    public uint Start { get; private set; }

    public uint End { get; private set; }

    public int Decisions { get; private set; }

    /// <summary>When it returns true, stack pushes and pops below <see cref="StackLimit"/> are denied (a status-dependent stack check, as ARC's STATUS32.SC).</summary>
    public Func<bool>? StackCheckEnabled { get; set; }

    public uint StackLimit { get; set; }

    public ArchId Arch => new("fence");

    public IReadOnlyList<InvalidProgramming> InvalidProgramming => [];

    public void Move(uint start, uint end)
    {
        Start = start;
        End = end;
        _invalidate?.Invoke();
    }

    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
    {
        Decisions++;
        if (kind is AccessKind.StackPush or AccessKind.StackPop && StackCheckEnabled?.Invoke() == true)
        {
            return address < StackLimit ? AccessDecision.Deny(0, StackLimit - 1, 2) : AccessDecision.Allow(StackLimit, uint.MaxValue);
        }

        if (address < Start)
        {
            return AccessDecision.Allow(0, Start - 1);
        }

        if (address > End)
        {
            return AccessDecision.Allow(End + 1, uint.MaxValue);
        }

        return privilege == Privilege.User ? AccessDecision.Deny(Start, End, 1) : AccessDecision.Allow(Start, End);
    }

    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision) =>
        new(Arch, "Fence", 1, FaultClass.Protection, access, faultingAddress, []);

    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress) =>
        new(Arch, "Bus", 2, FaultClass.Bus, access, faultingAddress, []);

    public void ClearFaultStatus()
    {
    }

    public void AttachDecisionCache(Action invalidate) => _invalidate = invalidate;
}
