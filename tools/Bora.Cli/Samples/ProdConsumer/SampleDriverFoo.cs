using Bora.Abi;
using Bora.Kernel;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// The sample's fake driver (<c>sample_driver_foo.c</c>, <c>sample_driver.h</c>, <c>sample_driver_handlers.c</c>):
/// a device whose "interrupt" is a 1 s <c>k_timer</c>; each one fills a <see cref="AppShared.MsgSize"/>-byte payload
/// in kernel memory and hands it to the registered callback in ISR context. <c>sample_driver_state_set</c> and
/// <c>sample_driver_write</c> are system calls (verified here, through <see cref="SyscallGateStandIn"/>);
/// <c>sample_driver_set_callback</c> is supervisor-only.
/// </summary>
/// <remarks>
/// Zephyr's payload is "full of junk"; Bora's is deterministic so the output can be checked: word 0 the interrupt
/// count, word 1 a status (0 raw, 1 processed), word 2 the result app B writes, then
/// <see cref="SampleCount"/> samples, sample i of interrupt n being <c>(n * 29 + i) % 97</c>.
/// </remarks>
internal sealed class SampleDriverFoo
{
    /// <summary><c>SAMPLE_DRIVER_NAME_0</c>.</summary>
    public const string Name = "SAMPLE_DRIVER_0";

    /// <summary>Samples in a payload after the three header words.</summary>
    public const int SampleCount = (int)(AppShared.MsgSize / 4) - 3;

    private const string Module = "sample_driver";
    private readonly AppShared _shared;
    private readonly uint _device;
    private readonly uint _isrPayload;
    private readonly TimerHandle _timer;
    private Action<uint, uint, uint>? _callback;
    private uint _callbackContext;
    private uint _count;

    /// <summary>Defines the device object, the ISR's payload buffer and the timer that fakes the interrupt.</summary>
    public SampleDriverFoo(AppShared shared)
    {
        _shared = shared;
        BoraKernel kernel = shared.Kernel;
        _device = kernel.DefineBuffer("sample_driver_foo_0", 32);
        _isrPayload = kernel.DefineBuffer("sample_driver_foo_isr_payload", AppShared.MsgSize);
        _timer = kernel.DefineTimer("sample_driver_foo_timer", _ => Isr());
    }

    /// <summary>Sample i of interrupt <paramref name="count"/>, as the ISR produces it.</summary>
    public static uint Sample(uint count, int i) => ((count * 29) + (uint)i) % 97;

    /// <summary><c>device_get_binding</c>: the device's address, or 0 for another name.</summary>
    public uint GetBinding(string name) => name == Name ? _device : 0;

    /// <summary><c>sample_driver_set_callback</c> (supervisor only: the callback runs in ISR context).</summary>
    public int SetCallback(uint dev, Action<uint, uint, uint> callback, uint context)
    {
        _ = dev;
        uint key = irq_lock();
        _callbackContext = context;
        _callback = callback;
        irq_unlock(key);
        return 0;
    }

    /// <summary><c>sample_driver_state_set</c> system call: <c>-EINVAL</c> for anything but this device.</summary>
    public int sample_driver_state_set(uint dev, bool active) =>
        _shared.Gate.Invoke(() => dev != _device ? -Errno.EInval : StateSet(active));

    /// <summary><c>sample_driver_write</c> system call: the caller must be able to read the whole payload (<c>-EFAULT</c>).</summary>
    public int sample_driver_write(uint dev, uint buf) => _shared.Gate.Invoke(() =>
        dev != _device ? -Errno.EInval
        : !_shared.Gate.BufferOk(buf, AppShared.MsgSize, write: false) ? -Errno.EFault
        : Write(buf));

    private int StateSet(bool active)
    {
        if (active)
        {
            k_timer_start(_timer, K_MSEC(1000), K_MSEC(1000));
        }
        else
        {
            k_timer_stop(_timer);
        }

        return 0;
    }

    private int Write(uint buf)
    {
        Bora.Machine.Cpu cpu = _shared.Kernel.Machine.Cpu;
        uint count = cpu.ReadUInt32(buf);
        string state = cpu.ReadUInt32(buf + 4) == 1 ? $"processed, result {cpu.ReadUInt32(buf + 8)}" : "not processed";
        _shared.Log.Inf(Module, $"sample_driver_foo_write: payload of interrupt {count} {state}");
        return 0;
    }

    private void Isr()
    {
        _shared.Log.Inf(Module, $"sample_driver_foo_isr: count={_count}");
        Bora.Machine.Cpu cpu = _shared.Kernel.Machine.Cpu;
        cpu.WriteUInt32(_isrPayload, _count);
        cpu.WriteUInt32(_isrPayload + 4, 0);
        cpu.WriteUInt32(_isrPayload + 8, 0);
        for (int i = 0; i < SampleCount; i++)
        {
            cpu.WriteUInt32(_isrPayload + 12 + ((uint)i * 4), Sample(_count, i));
        }

        _callback?.Invoke(_device, _callbackContext, _isrPayload);
        _count++;
    }
}
