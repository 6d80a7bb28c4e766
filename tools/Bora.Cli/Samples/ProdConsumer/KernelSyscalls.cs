using Bora.Abi;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// The kernel system calls prod_consumer's user threads make, spelled as Bora's user API will spell them
/// (<c>k_msgq_get</c> → <c>z_msgq_get</c>), each with Zephyr's verifier, through <see cref="SyscallGateStandIn"/>.
/// </summary>
internal sealed class KernelSyscalls(SyscallGateStandIn gate)
{
    /// <summary><c>k_msgq_get</c>: the message is copied into <paramref name="data"/>, which the caller must be able to write.</summary>
    public int z_msgq_get(MsgqHandle msgq, uint data, KTimeout timeout) => gate.Invoke(() =>
    {
        k_msgq_get_attrs(msgq, out MsgqAttrs attrs);
        gate.RequireBuffer(data, attrs.MsgSize, write: true, "k_msgq_get");
        return k_msgq_get(msgq, data, timeout);
    });

    /// <summary>
    /// <c>k_queue_alloc_append</c>. Bora has no thread resource pools yet, so the item's first word (the pointer
    /// <c>BLK_SIZE</c> reserves in each block) holds the queue link, as <c>k_queue_append</c> uses it.
    /// </summary>
    public int z_queue_alloc_append(QueueHandle queue, uint data) => gate.Invoke(() =>
    {
        gate.RequireBuffer(data, 4, write: true, "k_queue_alloc_append");
        k_queue_append(queue, data);
        return 0;
    });

    /// <summary><c>k_queue_get</c>: the item, or 0 on timeout.</summary>
    public uint z_queue_get(QueueHandle queue, KTimeout timeout) => gate.Invoke(() => k_queue_get(queue, timeout));

    /// <summary><c>k_sleep</c>.</summary>
    public int z_sleep(KTimeout timeout) => gate.Invoke(() => k_sleep(timeout));

    /// <summary><c>k_busy_wait</c>.</summary>
    public void z_busy_wait(uint usec) => gate.Invoke(() =>
    {
        k_busy_wait(usec);
        return 0;
    });
}
