namespace Bora.Hal;

/// <summary>
/// A register combination the architecture calls UNPREDICTABLE or reserved, reported through the
/// diagnostics channel together with the deterministic fallback the model applies.
/// </summary>
/// <param name="Register">Register (and region) involved, e.g. <c>MPU_RASR[3]</c>.</param>
/// <param name="Problem">What is wrong, in the manual's terms.</param>
/// <param name="Fallback">What the model does instead.</param>
public sealed record InvalidProgramming(string Register, string Problem, string Fallback)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Register}: {Problem}; {Fallback}";
}
