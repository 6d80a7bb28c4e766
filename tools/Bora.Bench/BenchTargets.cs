namespace Bora.Bench;

/// <summary>Every protection model the benchmarks compare.</summary>
public static class BenchTargets
{
    public static IReadOnlyList<IBenchTarget> All { get; } =
    [
        new UnprotectedTarget(),
        new ArmTarget(v8: false),
        new ArmTarget(v8: true),
        new ArcTarget(v4: false),
        new ArcTarget(v4: true),
        new X86Target(pae: false),
        new X86Target(pae: true),
    ];

    public static IBenchTarget Find(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no benchmark target '{name}'", nameof(name));
}
