using BenchmarkDotNet.Attributes;
using Bora.Abi;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Bench;

/// <summary>
/// The kernel's production hot path on a real board (tracing on, time accounting, poll points, the
/// arch's exception frames): a semaphore ping-pong between two threads, where every iteration is two
/// context switches (host-thread hand-offs), and an uncontended <c>k_sem_give</c> + <c>k_sem_take</c>
/// pair. The loops run inside kernel threads; each invocation starts them with an interrupt and runs
/// the kernel until it is idle again.
/// </summary>
[MemoryDiagnoser]
public class KernelSwitchBenchmarks
{
    private const int Iterations = 20_000;

    private BoraKernel _pingPong = null!;
    private BoraKernel _uncontended = null!;

    [Params("mps2-an385")]
    public string Board { get; set; } = "mps2-an385";

    [GlobalSetup]
    public void Setup()
    {
        _pingPong = Build(PingPong);
        _uncontended = Build(GiveTake);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pingPong.Dispose();
        _uncontended.Dispose();
    }

    /// <summary>Operations are context switches: two per ping-pong iteration.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Iterations)]
    public RunStopReason SemaphorePingPongSwitch() => BenchKernel.Run(_pingPong);

    /// <summary>Operations are give+take pairs on a semaphore nobody waits on.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public RunStopReason UncontendedGiveTake() => BenchKernel.Run(_uncontended);

    private BoraKernel Build(Action<BoraKernel, SemaphoreHandle> define) => BenchKernel.Build(Board, "bench", define);

    private static void PingPong(BoraKernel kernel, SemaphoreHandle go)
    {
        SemaphoreHandle ping = kernel.DefineSemaphore("ping", 0, 1);
        SemaphoreHandle pong = kernel.DefineSemaphore("pong", 0, 1);
        kernel.CreateThread("pinger", (_, _, _) =>
        {
            while (true)
            {
                k_sem_take(go, K_FOREVER);
                for (int i = 0; i < Iterations; i++)
                {
                    k_sem_give(ping);
                    k_sem_take(pong, K_FOREVER);
                }
            }
        }, 2);
        kernel.CreateThread("ponger", (_, _, _) =>
        {
            while (true)
            {
                k_sem_take(ping, K_FOREVER);
                k_sem_give(pong);
            }
        }, 1);
    }

    private static void GiveTake(BoraKernel kernel, SemaphoreHandle go)
    {
        SemaphoreHandle sem = kernel.DefineSemaphore("sem", 0, 1);
        kernel.CreateThread("giver", (_, _, _) =>
        {
            while (true)
            {
                k_sem_take(go, K_FOREVER);
                for (int i = 0; i < Iterations; i++)
                {
                    k_sem_give(sem);
                    k_sem_take(sem, K_NO_WAIT);
                }
            }
        }, 2);
    }
}
