namespace Bora.Kernel.AppMemory;

/// <summary>
/// An untagged zero-initialised app global of a library (C's plain <c>.bss</c>): it goes to the partition the
/// assembly's <see cref="AppMemoryLibraryAttribute"/> names. Same rules as <see cref="K_APP_BMEMAttribute"/> otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AppBssAttribute : Attribute
{
    /// <summary>Elements of an <see cref="AppArray{T}"/> (required for arrays).</summary>
    public int Length { get; set; }

    /// <summary>Alignment in bytes, a power of two (0: natural).</summary>
    public int Align { get; set; }
}
