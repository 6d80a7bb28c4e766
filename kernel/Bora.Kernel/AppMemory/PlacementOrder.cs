namespace Bora.Kernel.AppMemory;

/// <summary>The order partitions are placed in.</summary>
public enum PlacementOrder
{
    /// <summary>As declared (assemblies in link order, then source order).</summary>
    Declaration,

    /// <summary>Decreasing size, then name (<c>gen_app_partitions.py</c>'s sort): no alignment gaps between power-of-two partitions.</summary>
    Optimised,
}
