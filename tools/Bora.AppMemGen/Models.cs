using Bora.SyscallGen;
namespace Bora.AppMemGen;

/// <summary>The type that receives generated members: its namespace and the type names, outermost first.</summary>
internal sealed record ContainerModel(string Namespace, EquatableArray<string> Types)
{
    public string Display => (Namespace.Length == 0 ? string.Empty : Namespace + ".") + string.Join(".", Types);
}

/// <summary>Where a declaration is in source, for a stable order.</summary>
internal sealed record SourceOrder(string Path, int Position) : System.IComparable<SourceOrder>
{
    public int CompareTo(SourceOrder? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = string.CompareOrdinal(Path, other.Path);
        return c != 0 ? c : Position.CompareTo(other.Position);
    }
}

/// <summary>One partition name declared by K_APPMEM_PARTITION_DEFINE.</summary>
internal sealed record PartitionModel(string Name, ContainerModel Container, SourceOrder Order);

/// <summary>One app global as it will be emitted.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="Accessibility">The property's accessibility keywords.</param>
/// <param name="Type">The property's type, fully qualified.</param>
/// <param name="Container">Its declaring type.</param>
/// <param name="Partition">The tagged partition, or null for a library global.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Alignment">Alignment.</param>
/// <param name="Initial">Initial bytes, or null for BSS.</param>
/// <param name="Order">Source position.</param>
internal sealed record GlobalModel(
    string Name,
    string Accessibility,
    string Type,
    ContainerModel Container,
    string? Partition,
    uint Size,
    uint Alignment,
    EquatableArray<byte>? Initial,
    SourceOrder Order);
