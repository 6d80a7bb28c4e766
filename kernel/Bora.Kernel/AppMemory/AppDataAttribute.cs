namespace Bora.Kernel.AppMemory;

/// <summary>
/// An untagged initialised app global of a library (C's plain <c>.data</c>): it goes to the partition the assembly's
/// <see cref="AppMemoryLibraryAttribute"/> names, as <c>gen_app_partitions.py --library</c> routes a library's data.
/// Same rules as <see cref="K_APP_DMEMAttribute"/> otherwise.
/// </summary>
/// <param name="initial">The initial value.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AppDataAttribute(object initial) : Attribute
{
    /// <summary>The initial value.</summary>
    public object Initial { get; } = initial;

    /// <summary>Elements of an <see cref="AppArray{T}"/> (0: as many as the initial value has).</summary>
    public int Length { get; set; }

    /// <summary>Alignment in bytes, a power of two (0: natural).</summary>
    public int Align { get; set; }
}
