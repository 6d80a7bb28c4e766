using Bora.Hal;

namespace Bora.Hal.Conformance;

/// <summary>
/// One way of programming the hardware that the architecture calls UNPREDICTABLE or reserved, with
/// the documented outcome Bora applies.
/// </summary>
/// <param name="Name">What is wrong, e.g. <c>RASR SIZE below 4</c>.</param>
/// <param name="Program">Programs the bad configuration through registers or page-table memory.</param>
/// <param name="Probes">Accesses made afterwards with whether each must be allowed.</param>
public sealed record InvalidProgrammingCase(
    string Name,
    Action<ProtectionHarness> Program,
    IReadOnlyList<(MemoryAccess Access, bool Allowed)> Probes)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
