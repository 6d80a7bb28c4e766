using Bora.Abi;
using Bora.Kernel.AppMemory;
using Bora.Machine;
using static Bora.Kernel.Zephyr.K;
using static Bora.Userspace.Z;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// <c>app_b.c</c>: application B, the sandbox for untrusted processing. Its supervisor entry puts itself in
/// <c>app_b_domain</c> (its own partition and the shared one) and drops to user mode as the processor thread, which
/// sleeps 4 s (the payloads queue up meanwhile), then takes each payload from <c>shared_queue_incoming</c>, works
/// on it for 1 s of busy waiting and queues it on <c>shared_queue_outgoing</c> for app A.
/// </summary>
/// <remarks>
/// The processing, which Zephyr leaves as "pretend we're doing something complicated", sums the payload's samples
/// and stores the sum and a "processed" status in it. With <see cref="PeekAt"/> set (the demo), the processor then
/// reads that address — app A's memory, outside its domain — and is killed for it.
/// </remarks>
internal sealed class AppB
{
    private const string Module = "app_b";

    /// <summary>Bytes of <c>app_b_resource_pool</c> (<c>K_HEAP_DEFINE(app_b_resource_pool, 256 * 4 + 128)</c>).</summary>
    private const uint ResourcePoolBytes = (256 * 4) + 128;
    private readonly AppShared _shared;
    private readonly HeapHandle _resourcePool;

    /// <summary>App B and its resource pool (its partition comes from the build).</summary>
    public AppB(AppShared shared)
    {
        _shared = shared;
        _resourcePool = shared.Kernel.DefineHeap("app_b_resource_pool", ResourcePoolBytes);
    }

    /// <summary><c>app_b_partition</c>.</summary>
    public static AppPartition Partition => ProdConsumerMemory.app_b_partition;

    /// <summary>An address the processor reads once it is done (the demo's violation), or <see langword="null"/>.</summary>
    public (uint Address, string What)? PeekAt { get; set; }

    private Cpu Cpu => _shared.Cpu;

    /// <summary><c>app_b_entry</c>: supervisor-mode setup, then the one-way drop to user mode as the processor thread.</summary>
    public void Entry(uint p1, uint p2, uint p3)
    {
        _shared.EnterNewDomain("app_b_domain", Partition, Module);

        k_thread_heap_assign(k_current_get(), _resourcePool);
        k_thread_access_grant(k_current_get(), _shared.Incoming, _shared.Outgoing);
        k_thread_user_mode_enter(ProcessorThread, 0, 0, 0);
    }

    private void ProcessorThread(uint p1, uint p2, uint p3)
    {
        // Pretend that initialisation takes a while; the driver's payloads queue up in the incoming queue meanwhile.
        z_sleep(K_MSEC(4000));
        while (ProdConsumerMemory.process_count.Value < AppShared.NumLoops)
        {
            uint block = z_queue_get(_shared.Incoming, K_FOREVER);
            uint sum = Process(AppShared.MessageOf(block));
            z_busy_wait(1_000_000);
            uint processed = ++ProdConsumerMemory.process_count.Value;
            _shared.Log.Inf(Module, $"processing payload #{processed} complete: {SampleDriverFoo.SampleCount} samples, sum {sum}");
            z_queue_alloc_append(_shared.Outgoing, block);
        }

        if (PeekAt is { } peek)
        {
            _shared.Log.Inf(Module, $"processor thread: reading {peek.What} at 0x{peek.Address:X8}, outside app_b_domain");
            uint stolen = Cpu.ReadUInt32(peek.Address);
            _shared.Log.Err(Module, $"read {stolen}: the memory protection let it through");
        }
    }

    /// <summary>Sums the payload's samples, stores the sum and marks the payload processed (all user-mode accesses to the shared partition).</summary>
    private uint Process(uint message)
    {
        uint sum = 0;
        for (int i = 0; i < SampleDriverFoo.SampleCount; i++)
        {
            sum += Cpu.ReadUInt32(message + 12 + ((uint)i * 4));
        }

        Cpu.WriteUInt32(message + 8, sum);
        Cpu.WriteUInt32(message + 4, 1);
        return sum;
    }
}
