using Bora.Kernel.AppMemory;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// prod_consumer's automatic partitions and app globals (<c>app_a.c</c>'s <c>APP_A_BSS</c>, <c>app_b.c</c>'s
/// <c>APP_B_BSS</c>, <c>app_shared.c</c>'s <c>SHARED_BSS</c>): the build gathers them, the kernel lays them out per
/// board at boot, and every access is a checked access of the running thread.
/// </summary>
[K_APPMEM_PARTITION_DEFINE(AppA, AppB, Shared)]
internal static partial class ProdConsumerMemory
{
    /// <summary><c>app_a_partition</c>.</summary>
    public const string AppA = "app_a_partition";

    /// <summary><c>app_b_partition</c>.</summary>
    public const string AppB = "app_b_partition";

    /// <summary><c>shared_partition</c>.</summary>
    public const string Shared = "shared_partition";

    /// <summary>The partitions, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = [AppA, AppB, Shared];

    /// <summary><c>APP_A_BSS const struct device *sample_device</c>.</summary>
    [K_APP_BMEM(AppA)]
    public static partial AppVar<uint> sample_device { get; }

    /// <summary><c>APP_A_BSS unsigned int pending_count</c>.</summary>
    [K_APP_BMEM(AppA)]
    public static partial AppVar<uint> pending_count { get; }

    /// <summary><c>APP_B_BSS unsigned int process_count</c>.</summary>
    [K_APP_BMEM(AppB)]
    public static partial AppVar<uint> process_count { get; }

    /// <summary><c>SHARED_BSS uint8_t shared_pool_mem[HEAP_BYTES]</c> (with the pool's header, see <see cref="SharedPool"/>).</summary>
    [K_APP_BMEM(Shared, Length = AppShared.PoolBytes, Align = 8)]
    public static partial AppArray<byte> shared_pool_mem { get; }
}
