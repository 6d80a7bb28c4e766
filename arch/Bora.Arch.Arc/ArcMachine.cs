using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arc;

/// <summary>
/// One ARC core on a board: the machine (bus, CPU, checked accessors), its MPU, its auxiliary register
/// space (the only way software programs the MPU) and its exception model.
/// </summary>
public sealed class ArcMachine
{
    /// <summary>Builds a core on <paramref name="board"/> with the MPU <paramref name="options"/> describe.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public ArcMachine(Board board, ArcMpuOptions options, AccessCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Mpu = ArcMpuModel.Create(options);
        Machine = new Machine.Machine(board, _ => Mpu, costs);
        Mpu.BindCpuState(Machine.Cpu.State);
        Aux = new ArcAuxRegisters(Mpu);
        Exceptions = new ArcExceptionModel(Mpu);
    }

    /// <summary>The machine: board, bus and CPU.</summary>
    public Machine.Machine Machine { get; }

    /// <summary>The CPU.</summary>
    public Cpu Cpu => Machine.Cpu;

    /// <summary>The MPU (the machine's protection model).</summary>
    public ArcMpuModel Mpu { get; }

    /// <summary>The auxiliary registers (LR/SR).</summary>
    public ArcAuxRegisters Aux { get; }

    /// <summary>Exception entry and RTIE.</summary>
    public ArcExceptionModel Exceptions { get; }
}
