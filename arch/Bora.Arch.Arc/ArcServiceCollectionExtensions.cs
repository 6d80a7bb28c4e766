using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.Arc;

/// <summary>Registers the ARC MPU backend.</summary>
public static class ArcServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="ArcMachineFactory"/> for the configured MPU, keyed by its backend id
    /// (<c>arc-mpu-v2</c> or <c>arc-mpu-v4</c>, see <see cref="ArcBoards"/>), and as the unkeyed default
    /// factory if none is registered yet; also the options and the board under the same key.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The configured options are out of range.</exception>
    public static IServiceCollection AddArcMpu(this IServiceCollection services, Action<ArcMpuOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ArcMpuOptions();
        configure?.Invoke(options);
        var factory = new ArcMachineFactory(options);
        services.AddKeyedSingleton(factory.Arch, options);
        services.AddKeyedSingleton(factory.Arch, factory);
        services.AddKeyedSingleton(factory.Arch, factory.Board);
        if (!services.Any(d => d.ServiceType == typeof(ArcMachineFactory) && !d.IsKeyedService))
        {
            services.AddSingleton(factory);
        }

        return services;
    }
}
