using Bora.Hal;

namespace Bora.Cli.Map;

/// <summary>One memory domain as <c>bora map</c> shows it.</summary>
/// <param name="Name">The domain's name.</param>
/// <param name="Partitions">Its occupied slots, with what each partition holds.</param>
/// <param name="Members">The live threads in it.</param>
/// <param name="Budget">How its partitions fit the backend's regions.</param>
/// <param name="ThreadRegions">What the driver programs while a user thread of the domain runs.</param>
internal sealed record DomainMap(
    string Name,
    IReadOnlyList<(int Slot, MemoryPartition Partition, string Holds)> Partitions,
    IReadOnlyList<string> Members,
    RegionBudget Budget,
    IReadOnlyList<RegionUse> ThreadRegions);
