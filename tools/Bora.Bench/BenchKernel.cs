using Bora.Abi;
using Bora.Boards;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Bench;

/// <summary>
/// A kernel for the kernel-level benchmarks: booted on a real board with tracing on, its benchmark
/// threads parked on a "go" semaphore that an interrupt gives once per invocation.
/// </summary>
public static class BenchKernel
{
    private const int StartLine = 3;

    /// <summary>Builds and boots a kernel on <paramref name="board"/>; <paramref name="define"/> adds the threads, which wait on the semaphore it is given.</summary>
    public static BoraKernel Build(string board, string name, Action<BoraKernel, SemaphoreHandle> define, Action<KernelOptions>? configure = null)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.Name = name;
        configure?.Invoke(options);
        var kernel = new BoraKernel(options);
        SemaphoreHandle go = kernel.DefineSemaphore("go", 0, 1);
        kernel.IrqConnect(StartLine, 1, _ => k_sem_give(go), 0);
        kernel.IrqEnable(StartLine);
        define(kernel, go);
        kernel.Boot();
        kernel.RunUntilIdle();
        return kernel;
    }

    /// <summary>Starts one invocation (raises the start interrupt) and runs the kernel until it is idle again.</summary>
    public static RunStopReason Run(BoraKernel kernel)
    {
        kernel.RaiseIrq(StartLine);
        RunStopReason reason = kernel.RunUntilIdle().Reason;
        return reason == RunStopReason.Idle ? reason : throw new InvalidOperationException($"the benchmark kernel stopped with {reason}");
    }
}
