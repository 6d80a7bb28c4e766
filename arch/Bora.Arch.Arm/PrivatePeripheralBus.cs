using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>
/// The Private Peripheral Bus (0xE0000000–0xE00FFFFF) as a bus device: the MPU and fault status
/// registers of the System Control Space at their addresses; every other PPB address reads as zero and
/// ignores writes. Unprivileged accesses are refused (a precise BusFault), as are unaligned ones.
/// </summary>
internal sealed class PrivatePeripheralBus : IMmioDevice
{
    private readonly ArmMpu _mpu;

    public PrivatePeripheralBus(ArmMpu mpu)
    {
        _mpu = mpu;
    }

    public string Name => "ppb";

    public bool TryRead(uint offset, int size, Privilege privilege, out uint value)
    {
        value = 0;
        if (!Accepts(offset, size, privilege))
        {
            return false;
        }

        uint word = ScsRegisters.PpbStart + (offset & ~3u);
        if (_mpu.FaultStatus.TryRead(word, out uint register) || _mpu.TryReadRegister(word, out register))
        {
            int shift = (int)(offset & 3) * 8;
            value = (register >> shift) & LaneMask(size);
        }

        return true;
    }

    public bool TryWrite(uint offset, int size, Privilege privilege, uint value)
    {
        if (!Accepts(offset, size, privilege))
        {
            return false;
        }

        uint word = ScsRegisters.PpbStart + (offset & ~3u);
        int shift = (int)(offset & 3) * 8;
        uint lanes = LaneMask(size) << shift;
        uint shifted = (value << shift) & lanes;
        if (_mpu.FaultStatus.TryWrite(word, shifted, lanes))
        {
            return true;
        }

        if (_mpu.TryReadRegister(word, out uint current))
        {
            // A byte or halfword store to a word register merges with the register's current value.
            _mpu.TryWriteRegister(word, (current & ~lanes) | shifted);
        }

        return true;
    }

    private static bool Accepts(uint offset, int size, Privilege privilege) =>
        privilege == Privilege.Supervisor && size is 1 or 2 or 4 && offset % (uint)size == 0;

    private static uint LaneMask(int size) => size == 4 ? uint.MaxValue : (1u << (size * 8)) - 1;
}
