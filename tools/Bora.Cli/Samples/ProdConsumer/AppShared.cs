using Bora.Abi;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.AppMemory;
using Bora.Kernel.Memory;
using Bora.Machine;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// <c>app_shared.c</c> / <c>app_shared.h</c>: what both applications use — the shared partition with the shared
/// pool in it, the two queues between app A and app B, the sample's constants — and the console and the gate of the
/// application-defined system calls.
/// </summary>
internal sealed class AppShared
{
    /// <summary><c>NUM_LOOPS</c>: payloads produced, processed and written back.</summary>
    public const int NumLoops = 10;

    /// <summary><c>SAMPLE_DRIVER_MSG_SIZE</c>.</summary>
    public const uint MsgSize = 128;

    /// <summary><c>BLK_SIZE</c>: a payload and the pointer-sized word before it.</summary>
    public const uint BlockSize = MsgSize + 4;

    /// <summary>Blocks in the shared pool (<c>HEAP_BYTES</c> = <c>BLK_SIZE * 16</c>).</summary>
    public const int HeapBlocks = 16;

    /// <summary>Bytes of <c>shared_pool_mem</c>: the pool's header word pair and <see cref="HeapBlocks"/> blocks.</summary>
    public const int PoolBytes = SharedPool.BlocksOffset + (HeapBlocks * (int)BlockSize);

    /// <summary>The sample's app memory: its three automatic partitions.</summary>
    public static AppMemoryImage Image => AppMemoryImage.Create([AppMemoryManifest.Of(typeof(AppShared).Assembly)], ProdConsumerMemory.Names);

    /// <summary>Links the sample's app memory (the build's automatic partitions), lays the pool in it and defines the queues.</summary>
    public AppShared(BoraKernel kernel, Action<string> print)
    {
        Kernel = kernel;
        Log = new SampleLog(kernel, print);
        Gate = new SyscallGateStandIn(kernel);
        Memory = kernel.LoadAppMemory(Image);
        Pool = new SharedPool(kernel.Machine.Cpu, ProdConsumerMemory.shared_pool_mem.AddressIn(kernel));
        Incoming = kernel.DefineQueue("shared_queue_incoming");
        Outgoing = kernel.DefineQueue("shared_queue_outgoing");
    }

    /// <summary>The kernel the sample runs on.</summary>
    public BoraKernel Kernel { get; }

    /// <summary>The CPU whose checked accessors every data access goes through.</summary>
    public Cpu Cpu => Kernel.Machine.Cpu;

    /// <summary>The console.</summary>
    public SampleLog Log { get; }

    /// <summary>The gate of the application-defined system calls (the driver's and <c>magic_syscall</c>).</summary>
    public SyscallGateStandIn Gate { get; }

    /// <summary>The kernel's app memory: where each partition and global lies on this board.</summary>
    public AppMemoryMap Memory { get; }

    /// <summary><c>shared_pool</c>.</summary>
    public SharedPool Pool { get; }

    /// <summary><c>shared_queue_incoming</c>: app A to app B.</summary>
    public QueueHandle Incoming { get; }

    /// <summary><c>shared_queue_outgoing</c>: app B back to app A.</summary>
    public QueueHandle Outgoing { get; }

    /// <summary><c>shared_partition</c>, defined by main before the apps start.</summary>
    public MemPartition? SharedPartition { get; set; }

    /// <summary>
    /// What both apps' supervisor entries do first: initialise a domain holding <paramref name="own"/> and the shared
    /// partition and move the calling thread into it (a failure is logged and oopses, as the sample's assertion).
    /// </summary>
    public void EnterNewDomain(string name, AppPartition own, string module)
    {
        MemoryDomain domain = K_MEM_DOMAIN(name);
        int ret = k_mem_domain_init(domain, 2, [own.Partition, SharedPartition]);
        if (ret != 0)
        {
            Log.Err(module, $"k_mem_domain_init failed {ret}");
            k_oops();
        }

        k_mem_domain_add_thread(domain, k_current_get());
    }

    /// <summary>The payload inside a pool block (after the queue's pointer-sized word).</summary>
    public static uint MessageOf(uint block) => block + 4;

    /// <summary>Bytes of app globals in <paramref name="partition"/> (board-independent, unlike its rounded size).</summary>
    public uint GlobalBytes(AppPartition partition) => Memory.Plan.Find(partition.Name)!.GlobalBytes;
}
