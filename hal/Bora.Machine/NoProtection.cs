using Bora.Hal;

namespace Bora.Machine;

/// <summary>
/// A machine with no protection unit: every access is allowed and only the bus can fault. Bus errors
/// are reported generically, as a core without fault-status registers would.
/// </summary>
public sealed class NoProtection : IProtectionModel
{
    /// <summary>The backend id of a machine with no protection unit.</summary>
    public static readonly ArchId Id = new("none");

    /// <inheritdoc/>
    public ArchId Arch => Id;

    /// <inheritdoc/>
    public IReadOnlyList<InvalidProgramming> InvalidProgramming => [];

    /// <inheritdoc/>
    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege) => AccessDecision.Allow(0, uint.MaxValue);

    /// <inheritdoc/>
    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision) =>
        throw new InvalidOperationException("a machine without a protection unit never denies an access");

    /// <inheritdoc/>
    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress) =>
        new(Id, "BusError", 0, FaultClass.Bus, access, faultingAddress, []);

    /// <inheritdoc/>
    public void ClearFaultStatus()
    {
    }

    /// <inheritdoc/>
    public void AttachDecisionCache(Action invalidate)
    {
    }
}
