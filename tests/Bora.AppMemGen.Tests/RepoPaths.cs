using System.Runtime.CompilerServices;

namespace Bora.AppMemGen.Tests;

/// <summary>Where the test project's golden files live.</summary>
internal static class RepoPaths
{
    public static string TestProject { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string Golden => Path.Combine(TestProject, "Golden");

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
