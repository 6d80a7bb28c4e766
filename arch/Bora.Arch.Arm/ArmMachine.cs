using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>An ARM board brought to life: the machine, its MPU (registers on the PPB) and its exception model.</summary>
public sealed class ArmMachine
{
    private ArmMachine(Machine.Machine machine, ArmMpu mpu)
    {
        Machine = machine;
        Mpu = mpu;
        Exceptions = new ArmExceptionModel(mpu);
    }

    /// <summary>The machine: bus, CPU, checked accessors.</summary>
    public Machine.Machine Machine { get; }

    /// <summary>The MPU (and the core's fault status registers).</summary>
    public ArmMpu Mpu { get; }

    /// <summary>Exception entry and return.</summary>
    public ArmExceptionModel Exceptions { get; }

    /// <summary>The CPU.</summary>
    public Cpu Cpu => Machine.Cpu;

    /// <summary>Builds the machine of an ARM <paramref name="board"/>.</summary>
    /// <param name="board">An ARM board (see <see cref="ArmBoards"/>, or a custom map with an ARM arch id).</param>
    /// <param name="regionCount">MPU regions; by default what the board's core implements.</param>
    /// <param name="costs">Modelled access costs; by default <see cref="AccessCosts.Default"/>.</param>
    /// <exception cref="ArgumentException">The board's arch is not an ARM MPU.</exception>
    public static ArmMachine Create(Board board, int? regionCount = null, AccessCosts? costs = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        int regions = regionCount ?? ArmBoards.MpuRegions(board);
        ArmMpu? mpu = null;
        var machine = new Machine.Machine(
            board,
            bus =>
            {
                mpu = CreateMpu(board, bus, regions);
                ArmBoards.AttachDevices(board, bus);
                return mpu;
            },
            costs);
        mpu!.BindCpuState(machine.Cpu.State);
        return new ArmMachine(machine, mpu);
    }

    private static ArmMpu CreateMpu(Board board, SystemBus bus, int regions)
    {
        if (board.Arch == ArmArch.PmsaV7)
        {
            return new PmsaV7Mpu(bus, regions);
        }

        if (board.Arch == ArmArch.PmsaV8)
        {
            return new PmsaV8Mpu(bus, regions);
        }

        throw new ArgumentException($"board '{board.Name}' uses arch '{board.Arch}', which is not an ARM MPU ({ArmArch.PmsaV7}, {ArmArch.PmsaV8})", nameof(board));
    }
}
