namespace Bora.AppMemGen.Tests;

/// <summary>The result of running Bora.AppMemGen over one in-memory compilation.</summary>
/// <param name="Output">The compilation with the generated sources added.</param>
/// <param name="GeneratorDiagnostics">What the generator reported.</param>
/// <param name="Sources">The generated sources by hint name.</param>
internal sealed record GeneratorRun(Compilation Output, IReadOnlyList<Diagnostic> GeneratorDiagnostics, IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>Errors and warnings of the output compilation (generated code included).</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The output compiled to an assembly image; fails the test on a compile error.</summary>
    public byte[] Emit()
    {
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
