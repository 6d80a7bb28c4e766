namespace Bora.Hal;

/// <summary>
/// A memory partition as a domain slot holds it (<c>struct k_mem_partition</c>, stored by value): a
/// start, a size and what it grants. A slot is free when <see cref="Size"/> is zero.
/// </summary>
/// <param name="Start">First byte.</param>
/// <param name="Size">Number of bytes; zero for a free slot.</param>
/// <param name="Permissions">What the partition grants.</param>
public readonly record struct MemoryPartition(uint Start, uint Size, PartitionPermissions Permissions)
{
    /// <summary>Whether the slot holding this value is free.</summary>
    public bool IsFree => Size == 0;

    /// <summary>The first address after the partition (may be 2^32).</summary>
    public ulong End => (ulong)Start + Size;

    /// <summary>Whether the two partitions share a byte (half-open intervals, as <c>check_add_partition</c> tests).</summary>
    public bool Overlaps(MemoryPartition other) => End > other.Start && other.End > Start;

    /// <inheritdoc/>
    public override string ToString() => $"[0x{Start:X8}, 0x{End:X8}) {Permissions}";
}
