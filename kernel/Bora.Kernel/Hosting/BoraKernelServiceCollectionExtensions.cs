using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Bora.Kernel.Hosting;

/// <summary>Registers Bora's kernel with Microsoft.Extensions.DependencyInjection.</summary>
public static class BoraKernelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KernelOptions"/> (configured by <paramref name="configure"/>), a
    /// <see cref="KernelFactory"/>, and a transient <see cref="BoraKernel"/> built by it. An
    /// <see cref="ILogger"/> registered in the container is used when the options name none.
    /// </summary>
    public static IServiceCollection AddBoraKernel(this IServiceCollection services, Action<KernelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(provider =>
        {
            var options = new KernelOptions();
            configure(options);
            options.Logger ??= provider.GetService<ILogger>();
            if (options.Board is null)
            {
                throw new InvalidOperationException("AddBoraKernel: the configure callback must set KernelOptions.Board (and usually CreateProtection, CreateExceptionModel and StackGeometry from an arch backend)");
            }

            return options;
        });
        services.AddSingleton<KernelFactory>();
        services.AddTransient(provider => provider.GetRequiredService<KernelFactory>().Create());
        return services;
    }
}
