using System.IO.Compression;
using System.Text.Json;

namespace Bora.Vectors;

/// <summary>
/// Reads a vector file (JSON lines, optionally gzip-compressed), dispatches it to the replayer of its
/// arch and collects agreements and disagreements.
/// </summary>
public sealed class VectorRunner
{
    private readonly Dictionary<string, IVectorArch> _arches;

    /// <summary>Creates a runner over the given replayers.</summary>
    public VectorRunner(IEnumerable<IVectorArch> arches)
    {
        _arches = arches.ToDictionary(a => a.ArchName, StringComparer.Ordinal);
    }

    /// <summary>The arch names this runner can replay.</summary>
    public IEnumerable<string> Arches => _arches.Keys.Order(StringComparer.Ordinal);

    /// <summary>Replays the file at <paramref name="path"/>.</summary>
    /// <exception cref="VectorFormatException">The file cannot be read or parsed.</exception>
    public VectorFileReport Run(string path)
    {
        try
        {
            using Stream stream = OpenMaybeCompressed(path);
            return Run(path, stream);
        }
        catch (IOException e)
        {
            throw new VectorFormatException($"{path}: cannot read the file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new VectorFormatException($"{path}: cannot read the file: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new VectorFormatException($"{path}: not a readable gzip stream: {e.Message}", e);
        }
    }

    /// <summary>Replays vector records read from <paramref name="stream"/>; <paramref name="name"/> is used in messages.</summary>
    public VectorFileReport Run(string name, Stream stream)
    {
        using var reader = new StreamReader(stream);
        IVectorSession? session = null;
        string arch = "";
        int agree = 0;
        bool configured = false;
        var disagreements = new List<VectorDisagreement>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            using JsonDocument doc = Parse(name, lineNumber, line);
            JsonElement root = doc.RootElement;
            string type = RequiredString(name, lineNumber, root, "type");
            string where = $"{name}:{lineNumber}";
            switch (type)
            {
                case "meta":
                    if (session is not null)
                    {
                        throw new VectorFormatException($"{where}: a second meta line");
                    }

                    arch = RequiredString(name, lineNumber, root, "arch");
                    if (!_arches.TryGetValue(arch, out IVectorArch? replayer))
                    {
                        throw new VectorFormatException($"{where}: no replayer for arch '{arch}' (known: {string.Join(", ", Arches)})");
                    }

                    session = Wrap(where, () => replayer.Open(root));
                    break;
                case "config":
                    RequireSession(session, where);
                    int id = RequiredInt(name, lineNumber, root, "id");
                    if (!root.TryGetProperty("config", out JsonElement config))
                    {
                        throw new VectorFormatException($"{where}: config record without 'config'");
                    }

                    Wrap(where, () => { session!.Configure(id, config); return 0; });
                    configured = true;
                    break;
                case "vector":
                    RequireSession(session, where);
                    if (!configured)
                    {
                        throw new VectorFormatException($"{where}: a vector before any config");
                    }

                    IReadOnlyList<FieldMismatch> mismatches = Wrap(where, () => session!.Replay(root));
                    if (mismatches.Count == 0)
                    {
                        agree++;
                    }
                    else
                    {
                        disagreements.Add(new VectorDisagreement(
                            RequiredInt(name, lineNumber, root, "config_id"),
                            RequiredInt(name, lineNumber, root, "probe_index"),
                            line,
                            mismatches));
                    }

                    break;
                default:
                    throw new VectorFormatException($"{where}: unknown record type '{type}'");
            }
        }

        if (session is null)
        {
            throw new VectorFormatException($"{name}: no meta line");
        }

        return new VectorFileReport(name, arch, agree, disagreements);
    }

    private static Stream OpenMaybeCompressed(string path)
    {
        FileStream file = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new GZipStream(file, CompressionMode.Decompress);
        }

        return file;
    }

    private static JsonDocument Parse(string name, int lineNumber, string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new VectorFormatException($"{name}:{lineNumber}: not JSON: {e.Message}", e);
        }
    }

    private static void RequireSession(IVectorSession? session, string where)
    {
        if (session is null)
        {
            throw new VectorFormatException($"{where}: a record before the meta line");
        }
    }

    private static T Wrap<T>(string where, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (VectorFormatException e)
        {
            throw new VectorFormatException($"{where}: {e.Message}", e);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new VectorFormatException($"{where}: malformed record: {e.Message}", e);
        }
    }

    private static string RequiredString(string name, int lineNumber, JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out JsonElement e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new VectorFormatException($"{name}:{lineNumber}: missing string '{property}'");

    private static int RequiredInt(string name, int lineNumber, JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v)
            ? v
            : throw new VectorFormatException($"{name}:{lineNumber}: missing integer '{property}'");
}
