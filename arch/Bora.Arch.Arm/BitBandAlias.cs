using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>
/// An ARMv7-M bit-band alias: each word of the alias reads or writes one bit of the target region
/// (word <c>n*32 + b*4</c> is bit <c>b</c> of byte <c>n</c>). Used for the SRAM bit-band of Cortex-M3/M4.
/// </summary>
internal sealed class BitBandAlias : IMmioDevice
{
    private readonly SystemBus _bus;
    private readonly uint _target;

    public BitBandAlias(SystemBus bus, uint target)
    {
        _bus = bus;
        _target = target;
    }

    public string Name => "bit-band alias";

    public bool TryRead(uint offset, int size, Privilege privilege, out uint value)
    {
        value = 0;
        if (_bus.Read(TargetByte(offset), 1, privilege, out uint b) != BusStatus.Ok)
        {
            return false;
        }

        value = (b >> Bit(offset)) & 1;
        return true;
    }

    public bool TryWrite(uint offset, int size, Privilege privilege, uint value)
    {
        uint target = TargetByte(offset);
        if (_bus.Read(target, 1, privilege, out uint b) != BusStatus.Ok)
        {
            return false;
        }

        uint mask = 1u << Bit(offset);
        b = (value & 1) != 0 ? b | mask : b & ~mask;
        return _bus.Write(target, 1, privilege, b) == BusStatus.Ok;
    }

    private uint TargetByte(uint offset) => _target + (offset >> 5);

    private static int Bit(uint offset) => (int)((offset >> 2) & 7);
}
