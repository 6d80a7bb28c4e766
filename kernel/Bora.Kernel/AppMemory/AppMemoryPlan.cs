namespace Bora.Kernel.AppMemory;

/// <summary>A placement of an image's partitions from a start address under a backend's rules.</summary>
/// <param name="Rules">The backend's rules.</param>
/// <param name="Order">The placement order.</param>
/// <param name="Start">Where placement began (the first free byte of the app-partition area).</param>
/// <param name="Partitions">The partitions in placement (address) order.</param>
public sealed record AppMemoryPlan(PartitionRules Rules, PlacementOrder Order, uint Start, IReadOnlyList<PartitionPlacement> Partitions)
{
    /// <summary>The first byte after the last partition (<see cref="Start"/> when there is none).</summary>
    public ulong End => Partitions.Count == 0 ? Start : Partitions[^1].End;

    /// <summary>Bytes of globals.</summary>
    public uint GlobalBytes => (uint)Partitions.Sum(p => (long)p.GlobalBytes);

    /// <summary>Bytes wasted: padding in partitions and alignment gaps between them.</summary>
    public uint Wasted => (uint)(End - Start - GlobalBytes);

    /// <summary>MPU regions (or pages) every partition together needs.</summary>
    public uint Regions => (uint)Partitions.Sum(p => (long)p.Regions);

    /// <summary>The placement of partition <paramref name="name"/>, or <see langword="null"/>.</summary>
    public PartitionPlacement? Find(string name) => Partitions.FirstOrDefault(p => p.Name == name);
}
