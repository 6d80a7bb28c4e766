namespace Bora.Kernel.Threading;

/// <summary>
/// The current context of a Bora host thread: which kernel and which kernel thread it runs. Set once
/// per host thread, when the thread first receives the baton. Only the Zephyr-spelled facade (and
/// later the generated stubs) read it; kernel code receives its thread explicitly.
/// </summary>
public sealed class KernelContext
{
    [ThreadStatic]
    private static KernelContext? s_current;

    internal KernelContext(BoraKernel kernel, KThread thread)
    {
        Kernel = kernel;
        Thread = thread;
    }

    /// <summary>The context of the calling host thread, or <see langword="null"/> on a host thread that runs no kernel thread.</summary>
    public static KernelContext? Current
    {
        get => s_current;
        internal set => s_current = value;
    }

    /// <summary>The kernel this host thread belongs to.</summary>
    public BoraKernel Kernel { get; }

    /// <summary>The kernel thread this host thread runs (the interrupted thread while an ISR runs on it).</summary>
    public KThread Thread { get; }

    /// <summary>The context of the calling host thread.</summary>
    /// <exception cref="InvalidOperationException">The caller is not a Bora kernel thread.</exception>
    public static KernelContext Require(string api)
    {
        return s_current ?? throw new InvalidOperationException(
            $"{api} was called from host thread '{System.Threading.Thread.CurrentThread.Name ?? Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture)}', " +
            "which does not run a Bora kernel thread. Zephyr-spelled APIs work only inside kernel threads and ISRs; " +
            "from the host use the BoraKernel host API (Boot, CreateThread, RunUntilIdle, RunFor, RaiseIrq, inspection).");
    }
}
