namespace Bora.Hal;

/// <summary>
/// The protection hardware's decision procedure: an MPU or an MMU, modelled from its registers (and,
/// for paging, its tables in simulated memory) only. It knows nothing of threads or domains.
/// </summary>
/// <remarks>
/// The CPU caches decisions per access kind and privilege. A model must call the callback given to
/// <see cref="AttachDecisionCache"/> whenever an earlier decision may no longer hold: on any MPU
/// register write, or (paging) on the events that flush its TLB. A paging model must not call it on a
/// page-table write: a stale TLB entry is architectural.
/// </remarks>
public interface IProtectionModel
{
    /// <summary>The backend variant this model implements.</summary>
    ArchId Arch { get; }

    /// <summary>
    /// Decides an access of <paramref name="kind"/> at <paramref name="privilege"/> to the single byte at
    /// <paramref name="address"/>, and returns the window of addresses the same answer holds for.
    /// May update architectural state a real walk updates (x86 accessed/dirty bits, TLB fill).
    /// </summary>
    AccessDecision Decide(uint address, AccessKind kind, Privilege privilege);

    /// <summary>
    /// Latches the fault status for a denied access and describes it. <paramref name="faultingAddress"/>
    /// is the first byte of <paramref name="access"/> that was denied and <paramref name="decision"/> the
    /// decision for that byte.
    /// </summary>
    FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision);

    /// <summary>
    /// Latches the fault status for an access the protection unit allowed but the bus could not
    /// complete (nothing mapped, a store to ROM, a refused device access) and describes it.
    /// </summary>
    FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress);

    /// <summary>Clears every latched fault status register, as a handler writing 1s to clear would.</summary>
    void ClearFaultStatus();

    /// <summary>Illegal programming seen so far, oldest first, each with the fallback applied.</summary>
    IReadOnlyList<InvalidProgramming> InvalidProgramming { get; }

    /// <summary>Registers the callback that drops every decision the CPU has cached.</summary>
    void AttachDecisionCache(Action invalidate);
}
