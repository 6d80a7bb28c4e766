using BenchmarkDotNet.Attributes;
using Bora.Abi;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using static Bora.Kernel.Zephyr.K;
using static Bora.Userspace.Z;

namespace Bora.Bench;

/// <summary>
/// The cost of the syscall layer (issue 7, DESIGN §5): <c>z_sem_give</c> from a <c>K_USER</c> thread with protection off
/// (a direct call; target ≤ 1.05× a direct <c>k_sem_give</c>) and through the trap and its verification with protection
/// on (target ≤ 10× and ≤ 200 ns), against a supervisor thread's <c>k_sem_give</c>. Each invocation gives the semaphore
/// <see cref="Iterations"/> times from a kernel thread that an interrupt starts.
/// </summary>
[MemoryDiagnoser]
public class SyscallBenchmarks
{
    private const int Iterations = 20_000;

    private BoraKernel _direct = null!;
    private BoraKernel _protectionOff = null!;
    private BoraKernel _trap = null!;

    [Params("mps2-an385", "nsim_sem", "qemu_x86")]
    public string Board { get; set; } = "mps2-an385";

    [GlobalSetup]
    public void Setup()
    {
        _direct = BenchKernel.Build(Board, "direct", (k, go) => Giver(k, go, user: false, useStub: false));
        _protectionOff = BenchKernel.Build(Board, "protection_off", (k, go) => Giver(k, go, user: true, useStub: true), o => o.Userspace = false);
        _trap = BenchKernel.Build(Board, "trap", (k, go) => Giver(k, go, user: true, useStub: true));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _direct.Dispose();
        _protectionOff.Dispose();
        _trap.Dispose();
    }

    /// <summary>A supervisor thread's <c>k_sem_give</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public RunStopReason DirectKSemGive() => BenchKernel.Run(_direct);

    /// <summary><c>z_sem_give</c> from a <c>K_USER</c> thread with <c>Userspace = false</c>.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public RunStopReason ZSemGiveProtectionOff() => BenchKernel.Run(_protectionOff);

    /// <summary><c>z_sem_give</c> from a user thread: trap, verification, implementation, return.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public RunStopReason ZSemGiveThroughTheTrap() => BenchKernel.Run(_trap);

    private static void Giver(BoraKernel kernel, SemaphoreHandle go, bool user, bool useStub)
    {
        SemaphoreHandle sem = kernel.DefineSemaphore("sem", 0, uint.MaxValue);
        ThreadHandle thread = kernel.CreateThread("giver", (_, _, _) =>
        {
            while (true)
            {
                if (useStub)
                {
                    z_sem_take(go, K_FOREVER);
                    for (int i = 0; i < Iterations; i++)
                    {
                        z_sem_give(sem);
                    }

                    z_sem_reset(sem);
                }
                else
                {
                    k_sem_take(go, K_FOREVER);
                    for (int i = 0; i < Iterations; i++)
                    {
                        k_sem_give(sem);
                    }

                    k_sem_reset(sem);
                }
            }
        }, 2, 2048, user ? ThreadOptions.User : ThreadOptions.None);
        kernel.GrantAccess(thread, go, sem);
    }
}
