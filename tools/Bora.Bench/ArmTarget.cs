using Bora.Arch.Arm;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Bench;

/// <summary>
/// An ARM MPU programmed by bus register writes, as Zephyr's driver would: a 64 KiB user read-write
/// region over the buffer; the small neighbour is a 32-byte user read-only region over the buffer's
/// last 32 bytes (on top of it on PMSAv7, which allows overlap; carved out of it on PMSAv8, which does not).
/// </summary>
public sealed class ArmTarget(bool v8) : IBenchTarget
{
    private const uint Rnr = 0xE000_ED98, Rbar = 0xE000_ED9C, RasrOrRlar = 0xE000_EDA0, Ctrl = 0xE000_ED94, Mair0 = 0xE000_EDC0;

    public string Name => v8 ? "armv8m" : "armv7m";

    public Cpu Build(bool smallNeighbour, out uint bufferBase)
    {
        ArmMachine machine = ArmMachine.Create(v8 ? ArmBoards.Mps2An505 : ArmBoards.Mps2An385);
        Cpu cpu = machine.Cpu;
        cpu.State.Privilege = Privilege.Supervisor;
        bufferBase = v8 ? 0x2801_0000u : 0x2001_0000u;
        uint small = bufferBase + 0x10000 - 32;
        if (v8)
        {
            cpu.WriteUInt32(Mair0, 0x0044_FFAA);
            Region(cpu, 0, bufferBase | 0x3, ((smallNeighbour ? small : bufferBase + 0x10000) - 32) | (1 << 1) | 1);
            if (smallNeighbour)
            {
                Region(cpu, 1, small | 0x7, small | (1 << 1) | 1);
            }
        }
        else
        {
            Region(cpu, 0, bufferBase, 0x130B_0000 | (15 << 1) | 1);
            if (smallNeighbour)
            {
                Region(cpu, 1, small, 0x160B_0000 | (4 << 1) | 1);
            }
        }

        cpu.WriteUInt32(Ctrl, 0x5);
        cpu.State.Privilege = Privilege.User;
        return cpu;
    }

    private static void Region(Cpu cpu, uint index, uint rbar, uint rasrOrRlar)
    {
        cpu.WriteUInt32(Rnr, index);
        cpu.WriteUInt32(Rbar, rbar);
        cpu.WriteUInt32(RasrOrRlar, rasrOrRlar);
    }
}
