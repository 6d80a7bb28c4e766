using Bora.Hal;
using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.Arm;

/// <summary>Registers the ARM MPU backend with a service collection.</summary>
public static class ArmServiceCollectionExtensions
{
    /// <summary>
    /// Registers an ARM board's machine: <see cref="ArmMpuOptions"/>, the <see cref="Board"/>, the
    /// <see cref="ArmMachine"/>, and its <see cref="Machine.Machine"/>, <see cref="IProtectionModel"/> and
    /// <see cref="IExceptionModel"/>, all singletons.
    /// </summary>
    /// <exception cref="ArgumentException">The options name no built-in ARM board.</exception>
    public static IServiceCollection AddArmMpu(this IServiceCollection services, Action<ArmMpuOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ArmMpuOptions();
        configure?.Invoke(options);
        Board board = ArmBoards.Find(options.Board)
            ?? throw new ArgumentException($"unknown ARM board '{options.Board}' (known: {string.Join(", ", ArmBoards.All.Select(b => b.Name))})", nameof(configure));

        services.AddSingleton(options);
        services.AddSingleton(board);
        services.AddSingleton(_ => ArmMachine.Create(board, options.RegionCount, options.Costs));
        services.AddSingleton(sp => sp.GetRequiredService<ArmMachine>().Machine);
        services.AddSingleton<IProtectionModel>(sp => sp.GetRequiredService<ArmMachine>().Mpu);
        services.AddSingleton<IExceptionModel>(sp => sp.GetRequiredService<ArmMachine>().Exceptions);
        return services;
    }
}
