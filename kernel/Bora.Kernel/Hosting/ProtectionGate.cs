namespace Bora.Kernel.Hosting;

/// <summary>
/// Sits in front of the arch's protection model. While a terminated thread's host thread unwinds it
/// denies every access, so that no load or store from the dead thread's <c>catch</c> or
/// <c>finally</c> blocks commits; the kernel's fault sink turns the denial into the thread's
/// termination again. Otherwise it forwards every call unchanged.
/// </summary>
internal sealed class ProtectionGate : IProtectionModel
{
    private Action? _invalidate;

    public ProtectionGate(IProtectionModel inner)
    {
        Inner = inner;
    }

    public IProtectionModel Inner { get; }

    public bool DenyAll
    {
        get;
        set
        {
            field = value;
            _invalidate?.Invoke();
        }
    }

    public ArchId Arch => Inner.Arch;

    public IReadOnlyList<InvalidProgramming> InvalidProgramming => Inner.InvalidProgramming;

    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege) =>
        DenyAll ? AccessDecision.Deny(address, address, -1) : Inner.Decide(address, kind, privilege);

    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision) =>
        DenyAll
            ? new FaultRecord(Inner.Arch, "ThreadTerminated", 0, FaultClass.Protection, access, faultingAddress, [])
            : Inner.RaiseFault(access, faultingAddress, decision);

    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress) => Inner.RaiseBusFault(access, faultingAddress);

    public void ClearFaultStatus() => Inner.ClearFaultStatus();

    public void AttachDecisionCache(Action invalidate)
    {
        _invalidate = invalidate;
        Inner.AttachDecisionCache(invalidate);
    }
}
