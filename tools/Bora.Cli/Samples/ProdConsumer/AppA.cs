using Bora.Abi;
using Bora.Kernel;
using Bora.Kernel.AppMemory;
using Bora.Kernel.Threading;
using Bora.Machine;
using static Bora.Kernel.Zephyr.K;
using static Bora.Userspace.Z;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// <c>app_a.c</c>: application A. Its supervisor entry puts itself in <c>app_a_domain</c> (its own partition and
/// the shared one), registers the driver callback, starts the user-mode writeback thread and drops to user mode as
/// the monitor thread. The callback (ISR context) copies each payload into <c>mqueue</c>; the monitor moves it into
/// a shared-pool block and queues it for app B; the writeback thread takes app B's results back to the driver.
/// </summary>
internal sealed class AppA
{
    private const string Module = "app_a";
    private const uint MaxMsgs = 8;
    private const uint WritebackStackSize = 2048;

    /// <summary>Bytes of <c>app_a_resource_pool</c> (<c>K_HEAP_DEFINE(app_a_resource_pool, 256 * 5 + 128)</c>).</summary>
    private const uint ResourcePoolBytes = (256 * 5) + 128;
    private readonly AppShared _shared;
    private readonly SampleDriverFoo _driver;
    private readonly AppSyscall _appSyscall;
    private readonly MsgqHandle _mqueue;
    private readonly ThreadHandle _writebackThread;
    private readonly StackHandle _writebackStack;
    private readonly HeapHandle _resourcePool;

    /// <summary>Defines app A's message queue, resource pool, thread and stack (its partition comes from the build).</summary>
    public AppA(AppShared shared, SampleDriverFoo driver)
    {
        _shared = shared;
        _driver = driver;
        _appSyscall = new AppSyscall(shared);
        BoraKernel kernel = shared.Kernel;
        _mqueue = kernel.DefineMsgq("mqueue", AppShared.MsgSize, MaxMsgs);
        _writebackThread = kernel.DeclareThread("writeback_thread");
        _writebackStack = kernel.DefineStack("writeback_stack", WritebackStackSize);
        _resourcePool = kernel.DefineHeap("app_a_resource_pool", ResourcePoolBytes);
    }

    /// <summary><c>app_a_partition</c>.</summary>
    public static AppPartition Partition => ProdConsumerMemory.app_a_partition;

    /// <summary>Where <c>pending_count</c> lies in this kernel.</summary>
    public uint PendingCount => ProdConsumerMemory.pending_count.AddressIn(_shared.Kernel);

    private Cpu Cpu => _shared.Cpu;

    /// <summary><c>app_a_entry</c>: supervisor-mode setup, then the one-way drop to user mode as the monitor thread.</summary>
    public void Entry(uint p1, uint p2, uint p3)
    {
        uint device = _driver.GetBinding(SampleDriverFoo.Name);
        if (device == 0)
        {
            _shared.Log.Err(Module, "bad sample device");
            k_oops();
        }

        ProdConsumerMemory.sample_device.Value = device;
        _shared.EnterNewDomain("app_a_domain", Partition, Module);

        // The kernel-side allocations made on app A's behalf (k_queue_alloc_append's nodes) come from its pool.
        k_thread_heap_assign(k_current_get(), _resourcePool);
        _driver.SetCallback(device, SampleCallback, 0);

        // The writeback thread inherits app_a_domain from its creator.
        k_thread_create(_writebackThread, _writebackStack, WritebackStackSize, WritebackEntry, 0, 0, 0, -1, K_USER, K_FOREVER);

        // Zephyr also grants sample_device, a driver object; Bora has no device objects (docs/samples.md).
        k_thread_access_grant(_writebackThread, _shared.Outgoing);
        k_thread_start(_writebackThread);

        // About to drop to user mode as the monitor thread: grant ourselves the objects it uses.
        k_thread_access_grant(k_current_get(), _mqueue, _shared.Incoming);
        k_thread_user_mode_enter(MonitorEntry, 0, 0, 0);
    }

    /// <summary><c>sample_callback</c>: runs in supervisor mode in the driver's ISR; copies the payload into <c>mqueue</c>.</summary>
    private void SampleCallback(uint dev, uint context, uint data)
    {
        int ret = k_msgq_put(_mqueue, data, K_NO_WAIT);
        if (ret != 0)
        {
            _shared.Log.Err(Module, $"k_msgq_put failed with {ret}");
        }
    }

    /// <summary><c>monitor_entry</c> (user mode): moves each payload from <c>mqueue</c> into a pool block for app B.</summary>
    private void MonitorEntry(uint p1, uint p2, uint p3)
    {
        uint device = ProdConsumerMemory.sample_device.Value;
        if (_driver.sample_driver_state_set(device, true) != 0)
        {
            _shared.Log.Err(Module, "couldn't start driver interrupts");
            k_oops();
        }

        for (uint monitorCount = 0; monitorCount < AppShared.NumLoops; monitorCount++)
        {
            uint block = _shared.Pool.Alloc();
            if (block == 0)
            {
                _shared.Log.Err(Module, "couldn't alloc memory from shared pool");
                k_oops();
            }

            // Sleep until a payload is queued, then have it copied into the block.
            int ret = z_msgq_get(_mqueue, AppShared.MessageOf(block), K_FOREVER);
            if (ret != 0)
            {
                _shared.Log.Err(Module, $"k_msgq_get() failed with {ret}");
                k_oops();
            }

            _shared.Log.Inf(Module, $"monitor thread got data payload #{monitorCount}");
            ProdConsumerMemory.pending_count.Value++;
            z_queue_alloc_append(_shared.Incoming, block);
        }

        if (_driver.sample_driver_state_set(device, false) != 0)
        {
            _shared.Log.Err(Module, "couldn't disable driver");
            k_oops();
        }
    }

    /// <summary><c>writeback_entry</c> (user mode): sends app B's results to the driver and frees the blocks.</summary>
    private void WritebackEntry(uint p1, uint p2, uint p3)
    {
        uint writebackCount = 0;
        uint device = ProdConsumerMemory.sample_device.Value;
        while (writebackCount < AppShared.NumLoops)
        {
            uint block = z_queue_get(_shared.Outgoing, K_FOREVER);
            if (block == 0)
            {
                _shared.Log.Err(Module, "no data?");
                k_oops();
            }

            _shared.Log.Inf(Module, "writing processed data back to the sample device");
            _driver.sample_driver_write(device, AppShared.MessageOf(block));
            _shared.Pool.Free(block);
            ProdConsumerMemory.pending_count.Value--;
            writebackCount++;
        }

        // magic_syscall(&writeback_count): the cookie lives on this thread's user stack. No `using`: a frame must not
        // be popped by an unwinding (aborted) thread.
        StackFrame cookie = StackFrame.Push(4);
        Cpu.WriteUInt32(cookie.Address, writebackCount);
        int ret = _appSyscall.magic_syscall(cookie.Address);
        uint magic = Cpu.ReadUInt32(cookie.Address);
        cookie.Dispose();
        if (ret != 0)
        {
            _shared.Log.Err(Module, "no more magic!");
            k_oops();
        }

        _shared.Log.Inf(Module, $"magic_syscall turned the cookie {writebackCount} into {magic}");
        _shared.Log.Inf(Module, "SUCCESS");
    }
}
