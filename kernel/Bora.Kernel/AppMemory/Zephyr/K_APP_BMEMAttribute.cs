namespace Bora.Kernel.AppMemory;

/// <summary>
/// <c>K_APP_BMEM(partition)</c>: a zero-initialised (BSS) app global in <paramref name="partition"/>, zeroed at every
/// boot. Put it on a <c>static partial</c> property of type <see cref="AppVar{T}"/> or <see cref="AppArray{T}"/>
/// (with <see cref="Length"/>); Bora.AppMemGen implements the property.
/// </summary>
/// <param name="partition">The partition's name, as given to <see cref="K_APPMEM_PARTITION_DEFINEAttribute"/>.</param>
/// <example><c>[K_APP_BMEM("my_partition")] public static partial AppVar&lt;int&gt; var2 { get; }</c></example>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class K_APP_BMEMAttribute(string partition) : Attribute
{
    /// <summary>The partition's name.</summary>
    public string Partition { get; } = partition;

    /// <summary>Elements of an <see cref="AppArray{T}"/> (required for arrays).</summary>
    public int Length { get; set; }

    /// <summary>Alignment in bytes, a power of two (0: the element's natural alignment), as <c>__aligned(n)</c>.</summary>
    public int Align { get; set; }
}
