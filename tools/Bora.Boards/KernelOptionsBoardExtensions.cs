using Bora.Kernel.Hosting;

namespace Bora.Boards;

/// <summary>Chooses a built-in board for a kernel's options.</summary>
public static class KernelOptionsBoardExtensions
{
    /// <summary>
    /// Boots on the built-in board <paramref name="name"/>: sets the board, the image layout bases and the
    /// arch's protection model, exception model, stack geometry and exception numbers.
    /// </summary>
    /// <exception cref="ArgumentException">No built-in board has that name; the message lists them.</exception>
    public static KernelOptions UseBoard(this KernelOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        KernelBoards.Get(name).ApplyTo(options);
        return options;
    }
}
