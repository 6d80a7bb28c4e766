namespace Bora.Arch.Arc;

/// <summary>A valid MPU region as the hardware decodes it from its registers: <c>[Start, End)</c>.</summary>
/// <param name="Index">The region number (its priority on MPU v2: lower wins).</param>
/// <param name="Start">First address covered.</param>
/// <param name="End">First address after the region (up to 2^32).</param>
/// <param name="Attributes">The permission bits.</param>
internal readonly record struct ArcRegion(int Index, ulong Start, ulong End, ArcMpuAttributes Attributes);
