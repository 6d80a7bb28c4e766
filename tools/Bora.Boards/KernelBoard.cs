using Bora.Hal;
using Bora.Kernel.Hosting;
using Bora.Kernel.Image;

namespace Bora.Boards;

/// <summary>
/// A built-in board a kernel boots on: the board's memory map, where Zephyr's image lives on it, and
/// the arch's protection model, exception model, stack geometry and exception numbers, with the boot
/// programming of the protection hardware for supervisor mode (see docs/boards.md).
/// </summary>
public abstract class KernelBoard
{
    private protected KernelBoard(Board board, string description)
    {
        Board = board;
        Description = description;
    }

    /// <summary>The board's name (Zephyr's board name).</summary>
    public string Name => Board.Name;

    /// <summary>The board: memory map, core, clock.</summary>
    public Board Board { get; }

    /// <summary>One line: core and protection hardware.</summary>
    public string Description { get; }

    /// <summary>Sets everything board- and arch-specific in <paramref name="options"/>; other settings are kept.</summary>
    public void ApplyTo(KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Board = Board;
        options.Layout = CopyOf(options.Layout);
        Configure(options);
    }

    /// <summary>Creates options for this board with the kernel's defaults otherwise.</summary>
    public KernelOptions CreateOptions()
    {
        var options = new KernelOptions();
        ApplyTo(options);
        return options;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Description})";

    /// <summary>Sets the arch hooks, layout bases, stack geometry, exception numbers and thread status.</summary>
    private protected abstract void Configure(KernelOptions options);

    private static ImageLayoutOptions CopyOf(ImageLayoutOptions layout) => new()
    {
        TextBase = layout.TextBase,
        RamBase = layout.RamBase,
        RamBytes = layout.RamBytes,
        VectorTableBytes = layout.VectorTableBytes,
        TextBytes = layout.TextBytes,
        RodataBytes = layout.RodataBytes,
        KernelDataBytes = layout.KernelDataBytes,
        ObjectAreaBytes = layout.ObjectAreaBytes,
        HeapBytes = layout.HeapBytes,
        AppPartitionBytes = layout.AppPartitionBytes,
        FunctionBytes = layout.FunctionBytes,
    };
}
