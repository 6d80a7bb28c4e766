namespace Bora.Vectors;

/// <summary>The result of replaying one vector file.</summary>
/// <param name="File">The file's path as given.</param>
/// <param name="Arch">The meta line's arch.</param>
/// <param name="Agree">Probes on which the model agreed.</param>
/// <param name="Disagreements">Probes on which it did not, in file order.</param>
public sealed record VectorFileReport(string File, string Arch, int Agree, IReadOnlyList<VectorDisagreement> Disagreements)
{
    /// <summary>Total probes replayed.</summary>
    public int Total => Agree + Disagreements.Count;
}
