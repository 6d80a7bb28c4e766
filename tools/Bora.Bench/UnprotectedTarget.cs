using Bora.Hal;
using Bora.Machine;

namespace Bora.Bench;

/// <summary>A machine with no protection unit: the cost of the accessor itself.</summary>
public sealed class UnprotectedTarget : IBenchTarget
{
    public string Name => "none";

    public Cpu Build(bool smallNeighbour, out uint bufferBase)
    {
        var map = new BoardMemoryMap([new MemoryMapEntry("sram", new AddressRange(0x2000_0000, 0x2010_0000), MemoryKind.Ram)]);
        var machine = new Machine.Machine(new Board("bench", "none", NoProtection.Id, map, 100_000_000), _ => new NoProtection());
        bufferBase = 0x2000_0000;
        machine.Cpu.State.Privilege = Privilege.User;
        return machine.Cpu;
    }
}
