using System.Runtime.CompilerServices;

namespace Bora.Cli.Tests;

/// <summary>
/// Golden files: the expected text lives in <c>Golden/&lt;name&gt;</c>. With <c>BORA_UPDATE_GOLDEN=1</c> a run rewrites
/// the files instead of comparing (review the diff before committing).
/// </summary>
internal static class Golden
{
    public const string UpdateVariable = "BORA_UPDATE_GOLDEN";

    private static string Directory { get; } = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Golden");

    public static void AssertMatches(string name, string actual)
    {
        string path = Path.Combine(Directory, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"Golden file {path} does not exist; run the tests with {UpdateVariable}=1 to create it.\nActual:\n{actual}");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        Assert.That(actual, Is.EqualTo(expected),
            $"output differs from {path} at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\nIf intended, rerun with {UpdateVariable}=1 and review the diff.");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
