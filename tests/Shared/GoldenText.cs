namespace Bora.Tests.Shared;

/// <summary>
/// Golden files shared by the generator test projects (linked into each): the expected text lives in a project's
/// <c>Golden/</c> folder. With <c>BORA_UPDATE_GOLDEN=1</c> a run rewrites the files instead of comparing (review the
/// diff before committing).
/// </summary>
internal static class GoldenText
{
    public const string UpdateVariable = "BORA_UPDATE_GOLDEN";

    /// <summary>Compares <paramref name="actual"/> with <paramref name="directory"/>/<paramref name="name"/>, or rewrites the file when updating.</summary>
    public static void AssertMatches(string directory, string name, string actual)
    {
        string path = Path.Combine(directory, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"Golden file {path} does not exist; run the tests with {UpdateVariable}=1 to create it.\nActual:\n{actual}");
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        Assert.Fail(
            $"Generated source differs from golden file {path} at line {line + 1}:\n" +
            $"  expected: {(line < e.Length ? e[line] : "<end of file>")}\n" +
            $"  actual:   {(line < a.Length ? a[line] : "<end of file>")}\n" +
            $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.\nActual:\n{actual}");
    }
}
