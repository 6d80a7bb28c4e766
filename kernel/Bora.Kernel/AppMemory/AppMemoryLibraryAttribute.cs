namespace Bora.Kernel.AppMemory;

/// <summary>
/// Routes every untagged app global of the assembly (<see cref="AppDataAttribute"/>, <see cref="AppBssAttribute"/>)
/// to <paramref name="partition"/>: <c>gen_app_partitions.py --library libc.a z_libc_partition</c>, or
/// <c>zephyr_library_app_memory(partition)</c>. Tagged globals keep their own partition.
/// </summary>
/// <param name="partition">The partition's name; it may be declared in this assembly or another one linked in.</param>
/// <example><c>[assembly: AppMemoryLibrary("z_libc_partition")]</c></example>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class AppMemoryLibraryAttribute(string partition) : Attribute
{
    /// <summary>The partition the library's globals go to.</summary>
    public string Partition { get; } = partition;
}
