using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>Builds ARC machines of one configuration; registered by <see cref="ArcServiceCollectionExtensions.AddArcMpu"/>.</summary>
public sealed class ArcMachineFactory
{
    /// <summary>Creates the factory for <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="ArgumentException">The options name a board the catalogue lacks.</exception>
    public ArcMachineFactory(ArcMpuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Board = options.Board is null ? ArcBoards.DefaultFor(options.Version) : ArcBoards.Find(options.Board);
    }

    /// <summary>The configuration.</summary>
    public ArcMpuOptions Options { get; }

    /// <summary>The board machines are built on.</summary>
    public Board Board { get; }

    /// <summary>Zephyr's thread-stack layout for this MPU (userspace on, default privilege stack size).</summary>
    public StackGeometry StackGeometry => ArcStackGeometry.For(Options.Version);

    /// <summary>The backend id.</summary>
    public ArchId Arch => ArcBoards.ArchFor(Options.Version);

    /// <summary>Builds a fresh machine (MPU off, every register at its reset value).</summary>
    public ArcMachine Create() => new(Board, Options);
}
