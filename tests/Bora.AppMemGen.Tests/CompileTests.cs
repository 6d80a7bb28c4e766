using Bora.Kernel.AppMemory;

namespace Bora.AppMemGen.Tests;

/// <summary>The emitted code compiles and its manifest holds exactly the declarations.</summary>
public sealed class CompileTests
{
    [Test]
    public void App_CompilesWithoutWarnings()
    {
        GeneratorRun run = Harness.Run("Demo.App", Sources.App);
        Assert.That(run.CompileDiagnostics, Is.Empty, () => string.Join("\n", run.CompileDiagnostics));
    }

    [Test]
    public void App_ManifestHoldsNameSizeAlignmentInitialAndPartition()
    {
        AppMemoryManifest m = Harness.Load(Harness.Run("Demo.App2", Sources.App));
        Assert.Multiple(() =>
        {
            Assert.That(m.Assembly, Is.EqualTo("Demo.App2"));
            Assert.That(m.LibraryPartition, Is.Null);
            Assert.That(m.Partitions.Select(p => p.Name), Is.EqualTo(new[] { "part0", "part1", "part2", "my_partition" }));
            Assert.That(m.Globals.Select(g => g.Name), Is.EqualTo(new[] { "var1", "var2", "table", "greeting", "buf", "wide", "flag", "b" }));
            AppGlobalDeclaration var1 = m.Globals[0].Declaration;
            Assert.That((var1.Partition, var1.Size, var1.Alignment, var1.IsBss, var1.Initial.ToArray()), Is.EqualTo(("my_partition", 4u, 4u, false, new byte[] { 37, 0, 0, 0 })));
            Assert.That(m.Globals[0], Is.InstanceOf<AppVar<int>>());
            AppGlobalDeclaration var2 = m.Globals[1].Declaration;
            Assert.That((var2.IsBss, var2.Size), Is.EqualTo((true, 4u)));
            AppGlobalDeclaration table = m.Globals[2].Declaration;
            Assert.That((table.Size, table.Alignment, table.Initial.ToArray()), Is.EqualTo((8u, 2u, new byte[] { 1, 0, 2, 0, 0xFF, 0xFF })));
            Assert.That(((AppArray<ushort>)m.Globals[2]).Length, Is.EqualTo(4));
            Assert.That(m.Globals[3].Declaration.Initial.ToArray(), Is.EqualTo("hi\0"u8.ToArray()));
            AppGlobalDeclaration buf = m.Globals[4].Declaration;
            Assert.That((buf.Size, buf.Alignment, buf.IsBss), Is.EqualTo((64u, 32u, true)));
            Assert.That(m.Globals[5].Declaration.Initial.ToArray(), Is.EqualTo(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }));
            Assert.That(m.Globals[6].Declaration.Initial.ToArray(), Is.EqualTo(new byte[] { 1 }));
            Assert.That(m.Globals[7].Declaration.Owner, Is.EqualTo("Demo.App.MyApp.Nested"));
        });
    }

    [Test]
    public void Accessors_ReturnTheManifestObjects()
    {
        GeneratorRun run = Harness.Run("Demo.App3", Sources.App);
        var assembly = System.Reflection.Assembly.Load(run.Emit());
        AppMemoryManifest m = AppMemoryManifest.Of(assembly);
        object? var1 = assembly.GetType("Demo.App.MyApp")!.GetProperty("var1")!.GetValue(null);
        object? part1 = assembly.GetType("Demo.App.Partitions")!.GetProperty("part1")!.GetValue(null);
        Assert.Multiple(() =>
        {
            Assert.That(var1, Is.SameAs(m.Globals[0]));
            Assert.That(part1, Is.SameAs(m.Partitions[1]));
        });
    }

    [Test]
    public void Library_RoutesUntaggedGlobalsAndKeepsTaggedOnes()
    {
        AppMemoryManifest m = Harness.Load(Harness.Run("Demo.Lib2", Sources.Library));
        Assert.Multiple(() =>
        {
            Assert.That(m.LibraryPartition, Is.EqualTo("k_mbedtls_partition"));
            Assert.That(m.Globals.Select(g => (g.Name, g.Declaration.Partition)), Is.EqualTo(new (string, string?)[] { ("seed", null), ("pool", null), ("tagged", "elsewhere") }));
            Assert.That(m.Globals[1].Declaration.Size, Is.EqualTo(80u));
        });
    }

    [Test]
    public void PartitionOfReferencedAssembly_CanBeTagged()
    {
        byte[] lib = Harness.Run("Demo.Lib3", Sources.Library).Emit();
        GeneratorRun app = Harness.Run("Demo.UsesLib", [lib], """
            namespace Demo.UsesLib;
            public static partial class C
            {
                [K_APP_BMEM("k_mbedtls_partition")]
                public static partial AppVar<int> x { get; }
            }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(app.GeneratorDiagnostics, Is.Empty);
            Assert.That(app.CompileDiagnostics, Is.Empty, () => string.Join("\n", app.CompileDiagnostics));
        });
    }
}
