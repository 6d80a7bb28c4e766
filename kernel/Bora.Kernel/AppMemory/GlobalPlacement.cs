namespace Bora.Kernel.AppMemory;

/// <summary>Where one global lies in its partition.</summary>
/// <param name="Global">The global.</param>
/// <param name="Offset">Bytes from the partition's base.</param>
/// <param name="PaddingBefore">Alignment padding inserted before it.</param>
public sealed record GlobalPlacement(AppGlobal Global, uint Offset, uint PaddingBefore)
{
    /// <summary>The global's name.</summary>
    public string Name => Global.Name;

    /// <summary>Bytes.</summary>
    public uint Size => Global.Declaration.Size;

    /// <summary>Alignment.</summary>
    public uint Alignment => Global.Declaration.Alignment;

    /// <summary>Whether it is BSS.</summary>
    public bool IsBss => Global.Declaration.IsBss;
}
