namespace Bora.Vectors;

/// <summary>
/// Every vector replayer Bora has. The CLI and the vector test suite use exactly this list: a new
/// backend's replayer is registered by adding one line here.
/// </summary>
public static class KnownReplayers
{
    /// <summary>Creates one instance of each replayer.</summary>
    public static IReadOnlyList<IVectorArch> Create() =>
    [
        new ArmV7VectorArch(),
        new ArmV8VectorArch(),
        new X86VectorArch(),
    ];
}
