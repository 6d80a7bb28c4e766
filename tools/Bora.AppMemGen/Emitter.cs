using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Bora.AppMemGen;

/// <summary>Emits the manifest (declarations only) and the members added to each declaring type.</summary>
internal static class Emitter
{
    private const string Api = "global::Bora.Kernel.AppMemory.";

    public static string ManifestName(string assembly)
    {
        var sb = new StringBuilder("AppMemory_");
        foreach (char c in assembly)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return sb.ToString();
    }

    public static string Manifest(string assembly, string? library, IReadOnlyList<PartitionModel> partitions, IReadOnlyList<GlobalModel> globals)
    {
        string name = ManifestName(assembly);
        var w = new SourceWriter();
        w.Line(SourceWriter.Header).Line("#nullable enable").Line();
        w.Line($"[assembly: {Api}AppMemoryManifestAttribute(typeof(global::Bora.AppMemory.Generated.{name}))]").Line();
        w.Line("namespace Bora.AppMemory.Generated;").Line();
        w.Line($"/// <summary>The app memory of {Xml(assembly)}: declarations only; the kernel lays it out at boot.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Bora.AppMemGen\", \"1.0\")]");
        w.Open($"internal static class {name}");
        for (int i = 0; i < partitions.Count; i++)
        {
            PartitionModel p = partitions[i];
            w.Line($"/// <summary><c>K_APPMEM_PARTITION_DEFINE({p.Name})</c> in <c>{Xml(p.Container.Display)}</c>.</summary>");
            w.Line($"internal static readonly {Api}AppPartition P{i} = new({Str(p.Name)}, {Str(assembly)});").Line();
        }

        for (int i = 0; i < globals.Count; i++)
        {
            GlobalModel g = globals[i];
            string initial = g.Initial is { } bytes ? Bytes(bytes.Items) : "null";
            string where = g.Partition is null ? $"library {Xml(assembly)}" : g.Partition;
            string kind = g.Partition is null ? (g.Initial is null ? "AppBss" : "AppData") : (g.Initial is null ? "K_APP_BMEM" : "K_APP_DMEM");
            w.Line($"/// <summary><c>{kind}</c> {Xml(g.Container.Display)}.{g.Name}: {g.Size} bytes, aligned {g.Alignment}, in {where}.</summary>");
            w.Line($"internal static readonly {g.Type} G{i} = new(new {Api}AppGlobalDeclaration({Str(g.Name)}, {Str(g.Container.Display)}, {(g.Partition is null ? "null" : Str(g.Partition))}, {Str(assembly)}, {g.Size}u, {g.Alignment}u, {initial}));").Line();
        }

        w.Line("/// <summary>The assembly's partitions and globals, in declaration order.</summary>");
        w.Line($"public static {Api}AppMemoryManifest Manifest {{ get; }} = new(");
        w.Line($"    {Str(assembly)},");
        w.Line($"    {(library is null ? "null" : Str(library))},");
        w.Line($"    new {Api}AppPartition[] {{ {string.Join(", ", partitions.Select((_, i) => "P" + i))} }},");
        w.Line($"    new {Api}AppGlobal[] {{ {string.Join(", ", globals.Select((_, i) => "G" + i))} }});");
        w.Close();
        return w.ToString();
    }

    public static string Members(string assembly, ContainerModel container, IReadOnlyList<(PartitionModel Model, int Index)> partitions, IReadOnlyList<(GlobalModel Model, int Index)> globals)
    {
        string manifest = $"global::Bora.AppMemory.Generated.{ManifestName(assembly)}";
        var w = new SourceWriter();
        w.Line(SourceWriter.Header).Line("#nullable enable").Line();
        if (container.Namespace.Length > 0)
        {
            w.Line($"namespace {container.Namespace};").Line();
        }

        foreach (string type in container.Types)
        {
            w.Open($"partial class {type}");
        }

        var members = new List<System.Action<SourceWriter>>();
        foreach ((PartitionModel p, int i) in partitions)
        {
            members.Add(x => x
                .Line($"/// <summary><c>K_APPMEM_PARTITION_DEFINE({p.Name})</c>: an automatic partition, read-write for user and kernel; its <c>struct k_mem_partition</c> is <c>{p.Name}.Partition</c>.</summary>")
                .Line($"public static {Api}AppPartition {p.Name} => {manifest}.P{i};"));
        }

        foreach ((GlobalModel g, int i) in globals)
        {
            members.Add(x => x.Line($"{g.Accessibility} static partial {g.Type} {g.Name} {{ get => {manifest}.G{i}; }}"));
        }

        w.Each(members, (x, m) => m(x));
        foreach (string _ in container.Types)
        {
            w.Close();
        }

        return w.ToString();
    }

    private static string Bytes(IReadOnlyList<byte> bytes)
    {
        if (bytes.Count <= 16)
        {
            return "new byte[] { " + string.Join(", ", bytes.Select(b => "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))) + " }";
        }

        var sb = new StringBuilder("new byte[]\n        {\n");
        for (int i = 0; i < bytes.Count; i += 16)
        {
            sb.Append("            ").Append(string.Join(", ", bytes.Skip(i).Take(16).Select(b => "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))).Append(",\n");
        }

        return sb.Append("        }").ToString();
    }

    private static string Str(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
