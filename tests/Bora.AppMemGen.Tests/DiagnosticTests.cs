namespace Bora.AppMemGen.Tests;

/// <summary>Every declaration the generator cannot serve is a compile error with a message that says what to change.</summary>
public sealed class DiagnosticTests
{
    private const string Part = """[K_APPMEM_PARTITION_DEFINE("p")] public static partial class Parts { }""";

    private static IReadOnlyList<Diagnostic> Errors(string source, string assembly = "Diag")
    {
        GeneratorRun run = Harness.Run(assembly, source);
        return run.GeneratorDiagnostics;
    }

    private static void AssertOne(string source, string id, params string[] fragments)
    {
        IReadOnlyList<Diagnostic> d = Errors(source);
        Assert.That(d.Select(x => x.Id), Is.EqualTo(new[] { id }), () => string.Join("\n", d));
        Assert.Multiple(() =>
        {
            Assert.That(d[0].Severity, Is.EqualTo(DiagnosticSeverity.Error));
            foreach (string f in fragments)
            {
                Assert.That(d[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain(f));
            }
        });
    }

    private static string Global(string declaration) => Part + "\npublic static partial class C {\n" + declaration + "\n}";

    [TestCase("""[K_APP_BMEM("p")] public static AppVar<int> x { get; }""")]
    [TestCase("""[K_APP_BMEM("p")] public partial AppVar<int> x { get; }""")]
    [TestCase("""[K_APP_BMEM("p")] public static partial AppVar<int> x { get; set; }""")]
    public void NotStaticPartialGetter_BORAMEM001(string declaration) =>
        AssertOne(Global(declaration).Replace("public static partial class C", declaration.Contains("static partial", StringComparison.Ordinal) ? "public static partial class C" : "public partial class C", StringComparison.Ordinal), "BORAMEM001", "'x'", "static partial");

    [TestCase("AppVar<float>")]
    [TestCase("AppVar<char>")]
    [TestCase("int")]
    [TestCase("AppArray<string>")]
    public void UnsupportedType_BORAMEM002(string type) =>
        AssertOne(Global($$"""[K_APP_BMEM("p")] public static partial {{type}} x { get; }"""), "BORAMEM002", "AppVar<T> or AppArray<T>", "managed heap");

    [TestCase("AppVar<byte>", "256", "out of range for byte")]
    [TestCase("AppVar<uint>", "-1", "out of range for uint")]
    [TestCase("AppVar<sbyte>", "-129", "out of range for sbyte")]
    [TestCase("AppVar<int>", "1.5", "not an integer")]
    [TestCase("AppVar<bool>", "1", "not a bool")]
    [TestCase("AppVar<int>", "\"text\"", "AppArray<byte>")]
    [TestCase("AppVar<int>", "new int[] { 1 }", "not an AppVar<T>")]
    [TestCase("AppArray<int>", "5", "array of values")]
    [TestCase("AppArray<int>", "\"text\"", "AppArray<byte>")]
    [TestCase("AppVar<int>", "null", "K_APP_BMEM")]
    public void BadInitialValue_BORAMEM003(string type, string value, string reason) =>
        AssertOne(Global($$"""[K_APP_DMEM("p", {{value}})] public static partial {{type}} x { get; }"""), "BORAMEM003", "'x'", reason);

    [TestCase("""[K_APP_BMEM("p")] public static partial AppArray<int> x { get; }""", "needs Length")]
    [TestCase("""[K_APP_BMEM("p", Length = -1)] public static partial AppArray<int> x { get; }""", "negative")]
    [TestCase("""[K_APP_DMEM("p", new int[] { 1, 2, 3 }, Length = 2)] public static partial AppArray<int> x { get; }""", "smaller than the 3")]
    [TestCase("""[K_APP_DMEM("p", new int[0])] public static partial AppArray<int> x { get; }""", "empty")]
    [TestCase("""[K_APP_BMEM("p", Length = 4)] public static partial AppVar<int> x { get; }""", "AppArray<T> only")]
    [TestCase("""[K_APP_BMEM("p", Length = 1000000000)] public static partial AppArray<long> x { get; }""", "exceed 2 GiB")]
    public void BadLength_BORAMEM004(string declaration, string reason) =>
        AssertOne(Global(declaration), "BORAMEM004", "'x'", reason);

    [TestCase(3)]
    [TestCase(2)]
    [TestCase(-4)]
    public void BadAlignment_BORAMEM005(int align) =>
        AssertOne(Global($$"""[K_APP_BMEM("p", Align = {{align}})] public static partial AppVar<int> x { get; }"""), "BORAMEM005", "power of two", "(4)");

    [Test]
    public void UnknownPartition_BORAMEM006() =>
        AssertOne(Global("""[K_APP_BMEM("nowhere")] public static partial AppVar<int> x { get; }"""), "BORAMEM006", "'nowhere'", "K_APPMEM_PARTITION_DEFINE(\"nowhere\")");

    [Test]
    public void UnknownLibraryPartition_BORAMEM006() =>
        AssertOne("""[assembly: AppMemoryLibrary("k_missing")]""" + "\n" + Global("[AppBss] public static partial AppVar<int> x { get; }"), "BORAMEM006", "AppMemoryLibrary", "'k_missing'");

    [TestCase("""[K_APPMEM_PARTITION_DEFINE("1bad")] public static partial class P { }""", "not a C identifier")]
    [TestCase("""[K_APPMEM_PARTITION_DEFINE("a-b")] public static partial class P { }""", "not a C identifier")]
    [TestCase("""[K_APPMEM_PARTITION_DEFINE] public static partial class P { }""", "at least one name")]
    [TestCase("""[K_APPMEM_PARTITION_DEFINE("twice")] public static partial class P { } [K_APPMEM_PARTITION_DEFINE("twice")] public static partial class Q { }""", "declared twice")]
    public void BadPartitionName_BORAMEM007(string source, string reason) =>
        AssertOne(source, "BORAMEM007", reason);

    [Test]
    public void TaggedWithBadName_BORAMEM007() =>
        AssertOne(Global("""[K_APP_BMEM("no good")] public static partial AppVar<int> x { get; }"""), "BORAMEM007", "'no good'");

    [Test]
    public void PartitionDeclaredByReference_BORAMEM007()
    {
        byte[] lib = Harness.Run("Ref", Part).Emit();
        GeneratorRun run = Harness.Run("Diag", [lib], Part.Replace("Parts", "Again", StringComparison.Ordinal));
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "BORAMEM007" }));
        Assert.That(run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("referenced assembly"));
    }

    [TestCase("[AppBss] public static partial AppVar<int> x { get; }")]
    [TestCase("[AppData(1)] public static partial AppVar<int> x { get; }")]
    public void UntaggedWithoutLibrary_BORAMEM008(string declaration) =>
        AssertOne(Global(declaration), "BORAMEM008", "'x'", "'Diag'", "AppMemoryLibrary");

    [TestCase("""[K_APPMEM_PARTITION_DEFINE("q")] public static class NotPartial { }""", "'NotPartial'")]
    [TestCase("""[K_APPMEM_PARTITION_DEFINE("q")] public partial class Gen<T> { }""", "Gen<T>")]
    [TestCase("""public class Outer { [K_APPMEM_PARTITION_DEFINE("q")] public static partial class Inner { } }""", "'Outer' is not")]
    [TestCase("""public partial record R { [K_APP_BMEM("q")] public static partial AppVar<int> x { get; } }""", "'R'")]
    public void BadContainer_BORAMEM009(string source, string fragment) =>
        AssertOne(source, "BORAMEM009", fragment, "non-generic partial class");

    [Test]
    public void SeveralAttributes_BORAMEM010() =>
        AssertOne(Global("""[K_APP_BMEM("p")] [K_APP_DMEM("p", 1)] public static partial AppVar<int> x { get; }"""), "BORAMEM010", "carries K_APP_BMEM, K_APP_DMEM;");

    [Test]
    public void EveryDescriptor_IsCovered()
    {
        var ids = typeof(AppMemGenerator).Assembly.GetType("Bora.AppMemGen.AppMemDiagnostics")!
            .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).Order().ToArray();
        var tested = typeof(DiagnosticTests).GetMethods().Select(m => m.Name).Where(n => n.Contains("_BORAMEM", StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf("_BORAMEM", StringComparison.Ordinal) + 1)..]).Distinct().Order().ToArray();
        Assert.That(tested, Is.EqualTo(ids));
    }
}
