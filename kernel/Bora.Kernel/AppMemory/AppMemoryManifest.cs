using System.Reflection;

namespace Bora.Kernel.AppMemory;

/// <summary>
/// One assembly's app memory, as Bora.AppMemGen emits it: its partitions, its globals in declaration order, and the
/// partition its untagged globals are routed to. <see cref="AppMemoryImage"/> links manifests together.
/// </summary>
public sealed class AppMemoryManifest
{
    /// <summary>Creates a manifest (emitted by Bora.AppMemGen).</summary>
    public AppMemoryManifest(string assembly, string? libraryPartition, IReadOnlyList<AppPartition> partitions, IReadOnlyList<AppGlobal> globals)
    {
        Assembly = assembly;
        LibraryPartition = libraryPartition;
        Partitions = partitions;
        Globals = globals;
    }

    /// <summary>The assembly.</summary>
    public string Assembly { get; }

    /// <summary>The partition its untagged globals go to (<see cref="AppMemoryLibraryAttribute"/>), or <see langword="null"/>.</summary>
    public string? LibraryPartition { get; }

    /// <summary>The partitions it declares, in declaration order.</summary>
    public IReadOnlyList<AppPartition> Partitions { get; }

    /// <summary>The globals it declares, in declaration order.</summary>
    public IReadOnlyList<AppGlobal> Globals { get; }

    /// <summary>The manifest of <paramref name="assembly"/>.</summary>
    /// <exception cref="ArgumentException">The assembly declares no app memory (Bora.AppMemGen did not run on it, or found nothing).</exception>
    public static AppMemoryManifest Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        AppMemoryManifestAttribute attribute = assembly.GetCustomAttribute<AppMemoryManifestAttribute>()
            ?? throw new ArgumentException($"assembly '{assembly.GetName().Name}' declares no app memory: reference tools/Bora.AppMemGen as an analyzer and declare partitions or globals", nameof(assembly));
        PropertyInfo property = attribute.ManifestType.GetProperty("Manifest", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new ArgumentException($"{attribute.ManifestType} has no static Manifest property", nameof(assembly));
        return (AppMemoryManifest)property.GetValue(null)!;
    }
}
