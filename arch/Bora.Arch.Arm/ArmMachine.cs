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
        ArmMpu? mpu = null;
        var machine = new Machine.Machine(
            board,
            bus =>
            {
                mpu = CreateMpu(board, bus, regionCount);
                return mpu;
            },
            costs);
        mpu!.BindCpuState(machine.Cpu.State);
        return new ArmMachine(machine, mpu);
    }

    /// <summary>
    /// Builds the MPU of an ARM <paramref name="board"/> on <paramref name="bus"/> (its registers on the
    /// PPB) and attaches the board's own devices: what <see cref="Create"/> does inside a machine of its
    /// own, for hosts (the kernel) that build the machine themselves. Bind the CPU state with
    /// <see cref="ArmMpu.BindCpuState"/> once the machine exists.
    /// </summary>
    /// <exception cref="ArgumentException">The board's arch is not an ARM MPU.</exception>
    public static ArmMpu CreateMpu(Board board, SystemBus bus, int? regionCount = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(bus);
        int regions = regionCount ?? ArmBoards.MpuRegions(board);
        ArmMpu mpu;
        if (board.Arch == ArmArch.PmsaV7)
        {
            mpu = new PmsaV7Mpu(bus, regions);
        }
        else if (board.Arch == ArmArch.PmsaV8)
        {
            mpu = new PmsaV8Mpu(bus, regions);
        }
        else
        {
            throw NotArm(board);
        }

        ArmBoards.AttachDevices(board, bus);
        return mpu;
    }

    private static ArgumentException NotArm(Board board) =>
        new($"board '{board.Name}' uses arch '{board.Arch}', which is not an ARM MPU ({ArmArch.PmsaV7}, {ArmArch.PmsaV8})", nameof(board));
}
