using System.Runtime.CompilerServices;

namespace Bora.Kernel.Tests.UserMode.Golden;

/// <summary>
/// A small golden-file check (Verify is not served by our package source, DESIGN §9). Golden files live in
/// <c>Reports/</c> beside this file and are copied to the test output; a test compares its text with the copy.
/// With <c>BORA_UPDATE_GOLDEN=1</c> the test writes its text to the source file (and the output copy) instead,
/// so <c>git diff</c> shows what changed. Line endings are normalised to <c>\n</c> on both sides.
/// </summary>
internal static class GoldenFile
{
    /// <summary>The environment variable that turns checks into rewrites.</summary>
    public const string UpdateVariable = "BORA_UPDATE_GOLDEN";

    private const string Folder = "Reports";

    /// <summary>Whether <see cref="UpdateVariable"/> asks for rewriting.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the golden file <paramref name="name"/>, or rewrites the file when
    /// <see cref="Updating"/>. A mismatch fails with the first differing line.
    /// </summary>
    public static void AssertMatches(string name, string actual, [CallerFilePath] string sourceFile = "")
    {
        string text = Normalise(actual);
        string sourcePath = Path.Combine(Path.GetDirectoryName(sourceFile)!, Folder, name);
        string outputPath = Path.Combine(AppContext.BaseDirectory, "UserMode", "Golden", Folder, name);
        if (Updating)
        {
            Write(sourcePath, text);
            Write(outputPath, text);
            TestContext.Out.WriteLine($"golden file {sourcePath} rewritten ({UpdateVariable}=1)");
            return;
        }

        string? failure = Compare(File.Exists(outputPath) ? outputPath : sourcePath, name, text);
        if (failure is not null)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>Compares <paramref name="actual"/> with the golden file at <paramref name="path"/>: <see langword="null"/> when equal, else the failure message.</summary>
    public static string? Compare(string path, string name, string actual)
    {
        string text = Normalise(actual);
        if (!File.Exists(path))
        {
            return $"golden file '{name}' does not exist; run the test once with {UpdateVariable}=1 to create it, review it, and commit it\n--- actual ---\n{text}";
        }

        string? difference = FirstDifference(Normalise(File.ReadAllText(path)), text);
        return difference is null
            ? null
            : $"'{name}' differs from its golden file ({path}): {difference}\nIf the change is intended, rerun with {UpdateVariable}=1 and review the diff.\n--- actual ---\n{text}";
    }

    /// <summary>Describes the first line where <paramref name="actual"/> differs from <paramref name="expected"/>, or <see langword="null"/> when equal.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        string[] want = expected.Split('\n');
        string[] got = actual.Split('\n');
        for (int i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            string? w = i < want.Length ? want[i] : null;
            string? g = i < got.Length ? got[i] : null;
            if (w != g)
            {
                return $"first difference at line {i + 1}\n  expected: {Show(w)}\n  actual:   {Show(g)}";
            }
        }

        return "the texts differ";
    }

    private static string Show(string? line) => line is null ? "(end of file)" : $"\"{line}\"";

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
