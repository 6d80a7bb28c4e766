using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// The auxiliary register space of one ARC core as <c>LR</c>/<c>SR</c> reach it: the MPU's registers,
/// the stack-checking bounds, the exception registers, STATUS32 (read-only here: FLAG/KFLAG and RTIE
/// write it) and AUX_USER_SP (the banked stack pointer, <see cref="CpuState.OtherSp"/>).
/// </summary>
/// <remarks>
/// Privilege is not checked: Zephyr's driver only runs in kernel mode, where LR/SR reach every register.
/// A register the core does not have throws <see cref="ArgumentOutOfRangeException"/> (on silicon: an
/// EV_InstructionError); an SR to a read-only register throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class ArcAuxRegisters : ISystemRegisters
{
    private readonly ArcMpuModel _mpu;
    private readonly IAuxRegisterBlock[] _blocks;

    /// <summary>Creates the auxiliary register space of the core whose MPU is <paramref name="mpu"/>.</summary>
    public ArcAuxRegisters(ArcMpuModel mpu)
    {
        ArgumentNullException.ThrowIfNull(mpu);
        _mpu = mpu;
        _blocks = [mpu.StackChecker, mpu.ExceptionRegisters];
    }

    /// <inheritdoc/>
    public ulong Read(uint number)
    {
        switch (number)
        {
            case ArcAux.STATUS32:
                return _mpu.Core.CurrentStatus32;
            case ArcAux.AUX_USER_SP:
                return BoundState().OtherSp;
        }

        if (_mpu.TryReadRegister(number, out uint value))
        {
            return value;
        }

        foreach (IAuxRegisterBlock block in _blocks)
        {
            if (block.TryRead(number, out value))
            {
                return value;
            }
        }

        throw NoSuchRegister(number);
    }

    /// <inheritdoc/>
    public void Write(uint number, ulong value)
    {
        if (value > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"aux registers are 32 bits wide; 0x{value:X} does not fit");
        }

        uint word = (uint)value;
        if (number == ArcAux.STATUS32 || _mpu.IsReadOnly(number))
        {
            throw new InvalidOperationException(
                $"aux register 0x{number:X3} is read-only (an SR to it raises EV_InstructionError); STATUS32 changes through CpuState.Status (FLAG/KFLAG) or exception return");
        }

        if (number == ArcAux.AUX_USER_SP)
        {
            BoundState().OtherSp = word;
            return;
        }

        if (_mpu.TryWriteRegister(number, word))
        {
            return;
        }

        foreach (IAuxRegisterBlock block in _blocks)
        {
            if (block.TryWrite(number, word))
            {
                return;
            }
        }

        throw NoSuchRegister(number);
    }

    private CpuState BoundState() =>
        _mpu.Core.State ?? throw new InvalidOperationException("AUX_USER_SP needs a CPU: build the MPU through ArcMachine");

    private ArgumentOutOfRangeException NoSuchRegister(uint number) =>
        new(nameof(number), $"this ARC core (MPU v{(int)_mpu.Version}, {_mpu.RegionCount} regions) has no aux register 0x{number:X3}");
}
