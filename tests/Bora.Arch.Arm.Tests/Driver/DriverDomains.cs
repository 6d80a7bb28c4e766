namespace Bora.Arch.Arm.Tests.Driver;

/// <summary>Domain views for the driver tests.</summary>
internal static class DriverDomains
{
    /// <summary>A domain "d" with <paramref name="capacity"/> slots holding <paramref name="partitions"/> from slot 0.</summary>
    public static DomainMemoryView Of(int capacity, params MemoryPartition[] partitions)
    {
        var domain = new DomainMemoryView(1, "d", capacity, false);
        for (int i = 0; i < partitions.Length; i++)
        {
            domain.Slots[i] = partitions[i];
        }

        domain.PartitionCount = partitions.Length;
        return domain;
    }
}
