using Bora.Hal;

namespace Bora.Machine;

/// <summary>A board brought to life: its bus, its protection hardware and its CPU.</summary>
public sealed class Machine
{
    /// <summary>Creates the machine of <paramref name="board"/>, with <paramref name="createProtection"/> building the protection unit on its bus.</summary>
    public Machine(Board board, Func<SystemBus, IProtectionModel> createProtection, AccessCosts? costs = null)
    {
        Board = board ?? throw new ArgumentNullException(nameof(board));
        ArgumentNullException.ThrowIfNull(createProtection);
        Bus = new SystemBus(board.MemoryMap);
        Protection = createProtection(Bus);
        Cpu = new Cpu(Bus, Protection, costs);
    }

    /// <summary>The board this machine models.</summary>
    public Board Board { get; }

    /// <summary>The physical bus.</summary>
    public SystemBus Bus { get; }

    /// <summary>The protection hardware.</summary>
    public IProtectionModel Protection { get; }

    /// <summary>The CPU.</summary>
    public Cpu Cpu { get; }
}
