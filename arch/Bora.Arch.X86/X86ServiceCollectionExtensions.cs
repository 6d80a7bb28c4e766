using Bora.Hal;
using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.X86;

/// <summary>Registers the x86 paging backend with a host's services.</summary>
public static class X86ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the x86 backend: the board named by the options, its <see cref="Machine.Machine"/> with an
    /// <see cref="X86Mmu"/> as protection model (also the <see cref="ISystemRegisters"/>), the
    /// <see cref="X86ExceptionModel"/> and the options (the stack layout is <see cref="X86StackGeometry.Userspace"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The options name no x86 board.</exception>
    public static IServiceCollection AddX86Mmu(this IServiceCollection services, Action<X86MmuOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new X86MmuOptions();
        configure?.Invoke(options);
        Board board = X86Boards.Find(options.BoardName);

        services.AddSingleton(options);
        services.AddSingleton(board);
        services.AddSingleton(sp => new Machine.Machine(sp.GetRequiredService<Board>(), bus => new X86Mmu(bus, sp.GetRequiredService<X86MmuOptions>())));
        services.AddSingleton(sp => (X86Mmu)sp.GetRequiredService<Machine.Machine>().Protection);
        services.AddSingleton<IProtectionModel>(sp => sp.GetRequiredService<X86Mmu>());
        services.AddSingleton<ISystemRegisters>(sp => sp.GetRequiredService<X86Mmu>());
        services.AddSingleton<IExceptionModel>(sp => new X86ExceptionModel(sp.GetRequiredService<X86Mmu>()));
        return services;
    }
}
