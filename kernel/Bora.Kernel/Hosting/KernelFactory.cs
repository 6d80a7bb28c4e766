namespace Bora.Kernel.Hosting;

/// <summary>Builds kernels from the registered <see cref="KernelOptions"/>; each call boots nothing and shares nothing.</summary>
public sealed class KernelFactory
{
    private readonly KernelOptions _options;

    /// <summary>Creates a factory for <paramref name="options"/>.</summary>
    public KernelFactory(KernelOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Creates a new, unbooted kernel; <paramref name="configure"/> may adjust a copy of the options first.</summary>
    public BoraKernel Create(Action<KernelOptions>? configure = null)
    {
        KernelOptions options = _options.Clone();
        configure?.Invoke(options);
        return new BoraKernel(options);
    }
}
