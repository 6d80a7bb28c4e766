namespace Bora.Kernel.AppMemory;

/// <summary>
/// What Bora.AppMemGen emits for one app global: its name, size, alignment, initial bytes (none for BSS) and either
/// its partition or, for an untagged global, its library (the assembly, routed by <see cref="AppMemoryLibraryAttribute"/>).
/// </summary>
public sealed class AppGlobalDeclaration
{
    private readonly byte[]? _initial;

    /// <summary>Creates a declaration.</summary>
    /// <param name="name">The global's name (the property's name).</param>
    /// <param name="owner">The declaring type's full name, for reports.</param>
    /// <param name="partition">The tagged partition, or <see langword="null"/> for a library global.</param>
    /// <param name="assembly">The declaring assembly (the library of an untagged global).</param>
    /// <param name="size">Bytes.</param>
    /// <param name="alignment">Alignment in bytes, a power of two.</param>
    /// <param name="initial">Initial bytes (at most <paramref name="size"/>; the rest is zero), or <see langword="null"/> for BSS.</param>
    /// <exception cref="ArgumentException">Inconsistent values.</exception>
    public AppGlobalDeclaration(string name, string owner, string? partition, string assembly, uint size, uint alignment, byte[]? initial)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            throw new ArgumentException($"app global '{name}': alignment {alignment} is not a power of two", nameof(alignment));
        }

        if (initial is not null && initial.Length > size)
        {
            throw new ArgumentException($"app global '{name}': {initial.Length} initial bytes do not fit in {size}", nameof(initial));
        }

        Name = name;
        Owner = owner;
        Partition = partition;
        Assembly = assembly;
        Size = size;
        Alignment = alignment;
        _initial = initial;
    }

    /// <summary>The global's name.</summary>
    public string Name { get; }

    /// <summary>The declaring type's full name.</summary>
    public string Owner { get; }

    /// <summary>The tagged partition, or <see langword="null"/> when the library's route decides.</summary>
    public string? Partition { get; }

    /// <summary>The declaring assembly.</summary>
    public string Assembly { get; }

    /// <summary>Bytes.</summary>
    public uint Size { get; }

    /// <summary>Alignment in bytes.</summary>
    public uint Alignment { get; }

    /// <summary>Whether the global is zero-initialised (BSS).</summary>
    public bool IsBss => _initial is null;

    /// <summary>The initial bytes (empty for BSS); bytes past them up to <see cref="Size"/> are zero.</summary>
    public ReadOnlySpan<byte> Initial => _initial;
}
