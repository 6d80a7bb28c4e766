namespace Bora.Bench;

/// <summary>Every protection model the benchmarks compare.</summary>
public static class BenchTargets
{
    public static IReadOnlyList<IBenchTarget> All { get; } =
    [
        new UnprotectedTarget(),
    ];

    public static IBenchTarget Find(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no benchmark target '{name}'", nameof(name));
}
