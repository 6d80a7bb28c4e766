using System.Reflection;

namespace Bora.Kernel.AppMemory;

/// <summary>
/// The app memory linked into one image: <c>gen_app_partitions.py</c>'s view. It gathers the partitions and globals
/// of the given manifests, routes each untagged library global to its assembly's partition, and puts each
/// partition's data before its BSS. Partitions keep declaration order (manifests in the order given); the layout
/// decides the placement order.
/// </summary>
public sealed class AppMemoryImage
{
    private AppMemoryImage(IReadOnlyList<AppPartitionContents> partitions)
    {
        Partitions = partitions;
    }

    /// <summary>The partitions in declaration order.</summary>
    public IReadOnlyList<AppPartitionContents> Partitions { get; }

    /// <summary>The partition called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public AppPartitionContents? Find(string name) => Partitions.FirstOrDefault(p => p.Name == name);

    /// <summary>Links the app memory of <paramref name="assemblies"/> (every partition they declare).</summary>
    public static AppMemoryImage FromAssemblies(params Assembly[] assemblies) =>
        Create(assemblies.Select(AppMemoryManifest.Of));

    /// <summary>
    /// Links <paramref name="manifests"/>. With <paramref name="only"/>, the image holds those partitions (and their
    /// globals from every manifest) and nothing else: several apps can share one assembly.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A partition is declared twice, a global (or a library route) names a partition no manifest declares, or
    /// <paramref name="only"/> names one; the message says which.
    /// </exception>
    public static AppMemoryImage Create(IEnumerable<AppMemoryManifest> manifests, IEnumerable<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        List<AppMemoryManifest> list = [.. manifests.Distinct()];
        var declared = new List<AppPartition>();
        foreach (AppPartition partition in list.SelectMany(m => m.Partitions))
        {
            if (declared.FirstOrDefault(p => p.Name == partition.Name) is { } first)
            {
                throw new InvalidOperationException($"partition '{partition.Name}' is declared by both {first.Assembly} and {partition.Assembly}; partition names are global, as in Zephyr");
            }

            declared.Add(partition);
        }

        HashSet<string>? wanted = only is null ? null : [.. only];
        foreach (string name in wanted ?? [])
        {
            if (declared.All(p => p.Name != name))
            {
                throw new InvalidOperationException($"partition '{name}' is declared by none of {string.Join(", ", list.Select(m => m.Assembly))}");
            }
        }

        var contents = new List<AppPartitionContents>();
        foreach (AppPartition partition in declared.Where(p => wanted?.Contains(p.Name) ?? true))
        {
            List<AppGlobal> globals = [.. list.SelectMany(m => m.Globals.Where(g => PartitionOf(m, g) == partition.Name))];
            contents.Add(new AppPartitionContents(partition, [.. globals.Where(g => !g.Declaration.IsBss), .. globals.Where(g => g.Declaration.IsBss)]));
        }

        foreach (AppMemoryManifest m in list)
        {
            foreach (AppGlobal g in m.Globals)
            {
                string target = PartitionOf(m, g);
                if (declared.All(p => p.Name != target))
                {
                    string why = g.Declaration.Partition is null ? $"its library {m.Assembly} is routed to" : "it is tagged with";
                    throw new InvalidOperationException($"app global '{g.Declaration.Owner}.{g.Name}' cannot be placed: {why} partition '{target}', which none of the linked assemblies ({string.Join(", ", list.Select(x => x.Assembly))}) declares");
                }
            }
        }

        return new AppMemoryImage(contents);
    }

    private static string PartitionOf(AppMemoryManifest manifest, AppGlobal global) =>
        global.Declaration.Partition ?? manifest.LibraryPartition
        ?? throw new InvalidOperationException($"app global '{global.Declaration.Owner}.{global.Name}' is untagged but {manifest.Assembly} has no [assembly: AppMemoryLibrary(...)]");
}
