namespace Bora.Vectors;

/// <summary>A probe on which the model disagreed with the recording.</summary>
/// <param name="ConfigId">The configuration's id.</param>
/// <param name="ProbeIndex">The probe's index within the configuration.</param>
/// <param name="Record">The vector record as recorded (JSON).</param>
/// <param name="Mismatches">The fields that differ.</param>
public sealed record VectorDisagreement(int ConfigId, int ProbeIndex, string Record, IReadOnlyList<FieldMismatch> Mismatches)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"config {ConfigId} probe {ProbeIndex}: {string.Join("; ", Mismatches)}{Environment.NewLine}  {Record}";
}
