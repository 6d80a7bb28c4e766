using System.Collections.Immutable;

namespace Bora.SyscallGen.Tests;

/// <summary>Builds in-memory compilations and runs the generator over them.</summary>
internal static class Harness
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references = PlatformReferences();

    // The kernel's contracts compile as they are, except UserTrap, which needs the real kernel: tests use a settable one.
    private const string UserTrapDouble = """
        namespace Bora.Kernel.Syscalls;

        public static class UserTrap
        {
            public static IUserTrap? Current { get; set; }
        }
        """;

    private const string KernelUsings = """
        global using System;
        global using Bora.Abi;
        """;

    /// <summary>A kernel-like compilation: the contract sources plus <paramref name="sources"/>.</summary>
    public static GeneratorRun RunKernel(params string[] sources)
    {
        List<SyntaxTree> trees = [.. sources.Select((s, i) => Parse(s, $"Declarations{i}.cs")), Parse(KernelUsings, "Usings.cs"), Parse(UserTrapDouble, "UserTrap.cs")];
        foreach (string file in Directory.GetFiles(RepoPaths.KernelSyscalls, "*.cs").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) != "UserTrap.cs")
            {
                trees.Add(Parse(File.ReadAllText(file), Path.GetFileName(file)));
            }
        }

        return Run(Create("Bora.Kernel", trees, s_references));
    }

    /// <summary>A userspace-like compilation referencing <paramref name="kernelImage"/>.</summary>
    public static GeneratorRun RunUserspace(byte[] kernelImage, string source = "namespace Bora.Userspace;")
    {
        var references = s_references.Add(MetadataReference.CreateFromImage(kernelImage));
        return Run(Create("Bora.Userspace", [Parse(source, "User.cs")], references));
    }

    private static GeneratorRun Run(CSharpCompilation input)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new SyscallGenerator().AsSourceGenerator()], parseOptions: s_parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorRun(output, diagnostics, sources);
    }

    private static CSharpCompilation Create(string name, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(name, trees, references, new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

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

        builder.Add(MetadataReference.CreateFromFile(typeof(Bora.Abi.KTimeout).Assembly.Location));
        return builder.ToImmutable();
    }
}
