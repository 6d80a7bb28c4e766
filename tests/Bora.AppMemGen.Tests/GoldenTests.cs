namespace Bora.AppMemGen.Tests;

/// <summary>The emitted sources, compared with Golden/*.txt (BORA_UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class GoldenTests
{
    [Test]
    public void App_EmitsManifestAndAccessors()
    {
        GeneratorRun run = Harness.Run("Demo.App", Sources.App);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "AppMemory.Manifest.g.cs", "Demo.App.MyApp.AppMemory.g.cs", "Demo.App.MyApp.Nested.AppMemory.g.cs", "Demo.App.Partitions.AppMemory.g.cs" }));
        foreach ((string hint, string source) in run.Sources)
        {
            Golden.AssertMatches($"App.{hint}.txt", source);
        }
    }

    [Test]
    public void Library_EmitsRouteAndUntaggedGlobals()
    {
        GeneratorRun run = Harness.Run("Demo.Lib", Sources.Library);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        foreach ((string hint, string source) in run.Sources)
        {
            Golden.AssertMatches($"Library.{hint}.txt", source);
        }
    }

    [Test]
    public void NoDeclarations_EmitsNothing()
    {
        GeneratorRun run = Harness.Run("Plain", "namespace Plain; public static class C { public static int X; }");
        Assert.Multiple(() =>
        {
            Assert.That(run.Sources, Is.Empty);
            Assert.That(run.GeneratorDiagnostics, Is.Empty);
        });
    }
}
