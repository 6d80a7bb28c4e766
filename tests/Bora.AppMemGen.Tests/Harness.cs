using System.Collections.Immutable;
using System.Reflection;
using Bora.Kernel.AppMemory;

namespace Bora.AppMemGen.Tests;

/// <summary>Builds in-memory compilations against the real Bora.Kernel and runs Bora.AppMemGen over them.</summary>
internal static class Harness
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references = PlatformReferences();

    private const string Usings = """
        global using System;
        global using Bora.Kernel.AppMemory;
        """;

    /// <summary>Compiles <paramref name="sources"/> as assembly <paramref name="name"/> (plus <paramref name="references"/>) and runs the generator.</summary>
    public static GeneratorRun Run(string name, IEnumerable<byte[]> references, params string[] sources)
    {
        List<SyntaxTree> trees = [.. sources.Select((s, i) => Parse(s, $"Source{i}.cs")), Parse(Usings, "Usings.cs")];
        var refs = s_references.AddRange(references.Select(r => MetadataReference.CreateFromImage(r)));
        var input = CSharpCompilation.Create(name, trees, refs, new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new AppMemGenerator().AsSourceGenerator()], parseOptions: s_parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        var sourcesOut = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorRun(output, diagnostics, sourcesOut);
    }

    /// <summary>Compiles <paramref name="sources"/> with no references beyond the kernel.</summary>
    public static GeneratorRun Run(string name, params string[] sources) => Run(name, [], sources);

    /// <summary>Emits, loads and returns the manifest of a run's assembly.</summary>
    public static AppMemoryManifest Load(GeneratorRun run) => AppMemoryManifest.Of(Assembly.Load(run.Emit()));

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, s_parse, path);

    private static ImmutableArray<MetadataReference> PlatformReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (string path in trusted.Split(Path.PathSeparator))
        {
            string file = Path.GetFileName(path);
            if (file.StartsWith("System.", StringComparison.Ordinal) || file is "mscorlib.dll" or "netstandard.dll")
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(AppPartition).Assembly.Location));
        builder.Add(MetadataReference.CreateFromFile(typeof(Bora.Hal.MemoryPartition).Assembly.Location));
        builder.Add(MetadataReference.CreateFromFile(typeof(Bora.Machine.Cpu).Assembly.Location));
        builder.Add(MetadataReference.CreateFromFile(typeof(Bora.Abi.KTimeout).Assembly.Location));
        return builder.ToImmutable();
    }
}
