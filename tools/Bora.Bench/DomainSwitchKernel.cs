using Bora.Abi;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using Bora.Kernel.Memory;
using Bora.Kernel.Threading;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Bench;

/// <summary>
/// Builds the kernel of one <see cref="DomainSwitchKind"/>: a pinger and a ponger that ping-pong on two semaphores,
/// each reading a word of its own data area once per iteration, started by <see cref="BenchKernel"/>'s interrupt.
/// User threads make their semaphore calls through <see cref="UserCall"/>.
/// </summary>
public static class DomainSwitchKernel
{
    /// <summary>Builds and boots the kernel on <paramref name="board"/>; <paramref name="iterations"/> ping-pongs per start.</summary>
    public static BoraKernel Build(string board, DomainSwitchKind kind, int iterations) =>
        BenchKernel.Build(board, $"domain-switch-{kind}", (kernel, go) => Define(kernel, go, kind, iterations));

    private static void Define(BoraKernel kernel, SemaphoreHandle go, DomainSwitchKind kind, int iterations)
    {
        SemaphoreHandle ping = kernel.DefineSemaphore("ping", 0, 1);
        SemaphoreHandle pong = kernel.DefineSemaphore("pong", 0, 1);
        uint dataA = Area(kernel, "data_a");
        uint dataB = Area(kernel, "data_b");
        bool user = kind != DomainSwitchKind.Supervisor;
        // Delegates made once, so the loops allocate nothing.
        Action takeGo = () => k_sem_take(go, K_FOREVER);
        Action givePing = () => k_sem_give(ping);
        Action takePing = () => k_sem_take(ping, K_FOREVER);
        Action givePong = () => k_sem_give(pong);
        Action takePong = () => k_sem_take(pong, K_FOREVER);
        // Same domain: both threads read part_a, so both variants program one partition per domain.
        uint pongerData = kind == DomainSwitchKind.SameDomain ? dataA : dataB;

        ThreadHandle pinger = Create(kernel, "pinger", 2, user, (_, _, _) =>
        {
            while (true)
            {
                UserCall.Invoke(kernel, takeGo);
                for (int i = 0; i < iterations; i++)
                {
                    _ = kernel.Machine.Cpu.ReadUInt32(dataA);
                    UserCall.Invoke(kernel, givePing);
                    UserCall.Invoke(kernel, takePong);
                }
            }
        });
        ThreadHandle ponger = Create(kernel, "ponger", 1, user, (_, _, _) =>
        {
            while (true)
            {
                UserCall.Invoke(kernel, takePing);
                _ = kernel.Machine.Cpu.ReadUInt32(pongerData);
                UserCall.Invoke(kernel, givePong);
            }
        });

        if (user)
        {
            MemoryDomain domA = Domain(kernel, "dom_a", Partition(kernel, "part_a", dataA));
            MemoryDomain domB = kind == DomainSwitchKind.SameDomain ? domA : Domain(kernel, "dom_b", Partition(kernel, "part_b", dataB));
            Check(kernel.AddThreadToDomain(domA, pinger), "k_mem_domain_add_thread(pinger)");
            Check(kernel.AddThreadToDomain(domB, ponger), "k_mem_domain_add_thread(ponger)");
        }
    }

    private static ThreadHandle Create(BoraKernel kernel, string name, int priority, bool user, ThreadEntry entry) =>
        kernel.CreateThread(kernel.DeclareThread(name), kernel.DefineStack(name + "_stack", 1024), 1024, entry, 0, 0, 0, priority, user ? K_USER : 0, K_NO_WAIT);

    /// <summary>A partition-sized, partition-aligned area of kernel RAM (a page, so every backend can map it).</summary>
    private static uint Area(BoraKernel kernel, string name)
    {
        uint size = PartitionSize(kernel);
        return kernel.Layout.ReservePartition(name, size, size).Start;
    }

    private static uint PartitionSize(BoraKernel kernel) => Math.Max(kernel.ProtectionDriver!.Capabilities.MinimumRegionSize, 4096);

    private static MemPartition Partition(BoraKernel kernel, string name, uint start) =>
        kernel.Domains.Define(name, start, PartitionSize(kernel), PartitionPermissions.P_RW_U_RW);

    private static MemoryDomain Domain(BoraKernel kernel, string name, MemPartition partition)
    {
        MemoryDomain domain = kernel.Domains.CreateDomain(name);
        Check(kernel.Domains.Init(domain, 1, [partition]), $"k_mem_domain_init({name})");
        return domain;
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"{what} returned {rc}");
        }
    }
}
