using Bora.Arch.X86;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Bench;

/// <summary>
/// x86 paging with Zephyr-shaped identity tables: the buffer's pages user read-write; the small
/// neighbour is the buffer's last page made user read-only (a page is the smallest region x86 has).
/// </summary>
public sealed class X86Target(bool pae) : IBenchTarget
{
    private const uint PoolStart = 0x0180_0000, PoolEnd = 0x01C0_0000;

    public string Name => pae ? "x86-pae" : "x86-32";

    public Cpu Build(bool smallNeighbour, out uint bufferBase)
    {
        X86PagingMode mode = pae ? X86PagingMode.Pae : X86PagingMode.Paging32;
        X86Mmu? mmu = null;
        var machine = new Machine.Machine(pae ? X86Boards.QemuX86 : X86Boards.QemuX86NoPae, bus => mmu = new X86Mmu(bus, new X86MmuOptions { Mode = mode }));
        var tables = new X86PageTableBuilder(machine.Bus.Memory, mode, PoolStart, PoolEnd);
        bufferBase = 0x0040_0000;
        ulong xd = pae ? PageEntry.XD : 0;
        tables.IdentityMap(bufferBase, 0x10000, PageEntry.P | PageEntry.RW | PageEntry.US | xd);
        if (smallNeighbour)
        {
            tables.SetPageFlags(bufferBase + 0x10000 - 0x1000, PageEntry.P | PageEntry.US | xd);
        }

        mmu!.Write(X86SystemRegister.Efer, pae ? Efer.NXE : 0);
        mmu.Write(X86SystemRegister.Cr4, pae ? Cr4.PAE : Cr4.PSE);
        mmu.Write(X86SystemRegister.Cr3, tables.Root);
        mmu.Write(X86SystemRegister.Cr0, Cr0.PE | Cr0.ET | Cr0.PG | Cr0.WP);
        machine.Cpu.State.Privilege = Privilege.User;
        return machine.Cpu;
    }
}
