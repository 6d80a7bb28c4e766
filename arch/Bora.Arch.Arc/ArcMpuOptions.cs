namespace Bora.Arch.Arc;

/// <summary>Hardware variant knobs of an ARC core's MPU, for <see cref="ArcServiceCollectionExtensions.AddArcMpu"/>.</summary>
public sealed class ArcMpuOptions
{
    /// <summary>The MPU programming interface (MPU_BUILD.VERSION). Default: v2.</summary>
    public ArcMpuVersion Version { get; set; } = ArcMpuVersion.V2;

    /// <summary>Number of MPU regions (MPU_BUILD.REGIONS): 1, 2, 4, 8 or 16. Default: 16.</summary>
    public int RegionCount { get; set; } = 16;

    /// <summary>
    /// The board to model, by <see cref="Bora.Hal.Board.Name"/>; <see langword="null"/> picks the catalogue's
    /// board for <see cref="Version"/> (<c>nsim_em</c> for v2, <c>nsim_sem</c> for v4).
    /// </summary>
    public string? Board { get; set; }

    /// <summary>Checks the options describe a core that exists.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Version))
        {
            throw new ArgumentOutOfRangeException(nameof(Version), Version, "ARC MPU version must be 2 or 4");
        }

        if (RegionCount is not (1 or 2 or 4 or 8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(RegionCount), RegionCount, "an ARC MPU has 1, 2, 4, 8 or 16 regions");
        }
    }
}
