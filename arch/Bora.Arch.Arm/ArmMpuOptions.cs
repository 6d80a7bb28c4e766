using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>Options of the ARM MPU backend.</summary>
public sealed class ArmMpuOptions
{
    /// <summary>The board to build, by name (see <see cref="ArmBoards"/>). Default <c>mps2-an385</c>.</summary>
    public string Board { get; set; } = ArmBoards.Mps2An385.Name;

    /// <summary>MPU regions; by default what the board's core implements (8 on AN385, 16 on AN505).</summary>
    public int? RegionCount { get; set; }

    /// <summary>Modelled access costs; by default <see cref="AccessCosts.Default"/>.</summary>
    public AccessCosts? Costs { get; set; }
}
