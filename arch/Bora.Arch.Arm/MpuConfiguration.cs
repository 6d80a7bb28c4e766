using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>One MPU configuration seen by <see cref="MpuConfigurationCache"/>: its standing problems, and its decision table once built.</summary>
internal sealed class MpuConfiguration(InvalidProgramming[] problems)
{
    /// <summary>The UNPREDICTABLE or reserved settings of the configuration.</summary>
    public InvalidProgramming[] Problems { get; } = problems;

    /// <summary>The decision table, built on first use.</summary>
    public DecisionTable? Table { get; set; }
}
