namespace Bora.Kernel.AppMemory;

/// <summary>
/// <c>K_APP_DMEM(partition)</c>: an initialised app global in <paramref name="partition"/>. Put it on a
/// <c>static partial</c> property of type <see cref="AppVar{T}"/> or <see cref="AppArray{T}"/>; Bora.AppMemGen
/// implements the property. The initial value is a constant of the element type, an array of them, or (for
/// <c>AppArray&lt;byte&gt;</c>) a string stored as a NUL-terminated C string. It is copied in at every boot.
/// </summary>
/// <param name="partition">The partition's name, as given to <see cref="K_APPMEM_PARTITION_DEFINEAttribute"/>.</param>
/// <param name="initial">The initial value.</param>
/// <example><c>[K_APP_DMEM("my_partition", 37)] public static partial AppVar&lt;int&gt; var1 { get; }</c></example>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class K_APP_DMEMAttribute(string partition, object initial) : Attribute
{
    /// <summary>The partition's name.</summary>
    public string Partition { get; } = partition;

    /// <summary>The initial value.</summary>
    public object Initial { get; } = initial;

    /// <summary>Elements of an <see cref="AppArray{T}"/> (0: as many as the initial value has).</summary>
    public int Length { get; set; }

    /// <summary>Alignment in bytes, a power of two (0: the element's natural alignment), as <c>__aligned(n)</c>.</summary>
    public int Align { get; set; }
}
