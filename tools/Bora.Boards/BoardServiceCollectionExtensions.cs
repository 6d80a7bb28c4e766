using Bora.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bora.Boards;

/// <summary>Registers a Bora kernel on a built-in board.</summary>
public static class BoardServiceCollectionExtensions
{
    /// <summary>
    /// <c>AddBoraKernel</c> on the built-in board <paramref name="board"/>; <paramref name="configure"/>
    /// then adjusts the rest of the options (the board's settings are applied first).
    /// </summary>
    /// <exception cref="ArgumentException">No built-in board has that name; the message lists them.</exception>
    public static IServiceCollection AddBoraKernel(this IServiceCollection services, string board, Action<KernelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        KernelBoard chosen = KernelBoards.Get(board);
        return services.AddBoraKernel(options =>
        {
            chosen.ApplyTo(options);
            configure?.Invoke(options);
        });
    }
}
