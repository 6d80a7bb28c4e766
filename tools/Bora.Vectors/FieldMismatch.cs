namespace Bora.Vectors;

/// <summary>One recorded field the model got wrong.</summary>
/// <param name="Field">Field name as the file spells it (<c>outcome</c>, <c>cfsr</c>, <c>error_code</c>).</param>
/// <param name="Expected">Recorded value (after the flag policy is applied).</param>
/// <param name="Actual">The model's value.</param>
public sealed record FieldMismatch(string Field, string Expected, string Actual)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: expected {Expected}, got {Actual}";
}
