namespace Bora.Kernel.AppMemory;

/// <summary>
/// <c>K_APPMEM_PARTITION_DEFINE(name)</c>, and its <c>FOR_EACH</c> form: declares one automatic memory partition per
/// name. Put it on a <c>static partial</c> class; Bora.AppMemGen adds a <see cref="AppPartition"/> property of that
/// name to the class. The build gathers every app global tagged with the name into the partition; its base, size
/// and padding are decided at boot by the board's rules, and it is always read-write for user and kernel
/// (<c>K_MEM_PARTITION_P_RW_U_RW</c>).
/// </summary>
/// <example>
/// <code>
/// [K_APPMEM_PARTITION_DEFINE("part0", "part1", "part2")]
/// internal static partial class Partitions;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class K_APPMEM_PARTITION_DEFINEAttribute : Attribute
{
    /// <summary>Declares the partitions called <paramref name="names"/>.</summary>
    public K_APPMEM_PARTITION_DEFINEAttribute(params string[] names)
    {
        Names = names;
    }

    /// <summary>The partitions' names (C identifiers, as Zephyr's).</summary>
    public string[] Names { get; }
}
