using System.IO.Compression;
using System.Text.Json;

namespace Bora.Vectors.Tests;

/// <summary>The vector files this test project carries (copied next to the test assembly).</summary>
internal static class CarriedVectorFiles
{
    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "vectors"), "*.jsonl.gz").Order(StringComparer.Ordinal);

    /// <summary>The meta line's arch of a carried file.</summary>
    public static string ArchOf(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        using JsonDocument meta = JsonDocument.Parse(reader.ReadLine() ?? "{}");
        return meta.RootElement.GetProperty("arch").GetString()!;
    }
}
