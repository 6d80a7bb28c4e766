using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.X86.Tests;

/// <summary>A qemu_x86 machine with a page-table builder and helpers to turn paging on and probe.</summary>
public sealed class X86Rig
{
    public const uint PoolStart = 0x0180_0000;
    public const uint PoolEnd = 0x01C0_0000;

    private X86Mmu? _mmu;

    public X86Rig(X86PagingMode mode, ulong pdpteFlags = PageEntry.P)
    {
        Mode = mode;
        Board board = mode == X86PagingMode.Pae ? X86Boards.QemuX86 : X86Boards.QemuX86NoPae;
        Machine = new Machine.Machine(board, bus => _mmu = new X86Mmu(bus, new X86MmuOptions { Mode = mode }));
        Tables = new X86PageTableBuilder(Machine.Bus.Memory, mode, PoolStart, PoolEnd, pdpteFlags);
    }

    public X86PagingMode Mode { get; }

    public Machine.Machine Machine { get; }

    public X86Mmu Mmu => _mmu!;

    public Cpu Cpu => Machine.Cpu;

    public PhysicalMemory Memory => Machine.Bus.Memory;

    public X86PageTableBuilder Tables { get; }

    /// <summary>Zephyr's ia32 boot: CR3, then PAE+NXE or PSE, then CR0 |= PG|WP.</summary>
    public X86Rig EnablePaging(bool wp = true, bool nxe = true, bool pse = true, uint extraCr4 = 0)
    {
        if (Mode == X86PagingMode.Pae)
        {
            Mmu.Write(X86SystemRegister.Efer, nxe ? Efer.NXE : 0);
            Mmu.Write(X86SystemRegister.Cr4, Cr4.PAE | (pse ? Cr4.PSE : 0) | extraCr4);
        }
        else
        {
            Mmu.Write(X86SystemRegister.Efer, nxe ? Efer.NXE : 0);
            Mmu.Write(X86SystemRegister.Cr4, (pse ? Cr4.PSE : 0) | extraCr4);
        }

        Mmu.Write(X86SystemRegister.Cr3, Tables.Root);
        Mmu.Write(X86SystemRegister.Cr0, Cr0.PE | Cr0.ET | Cr0.PG | (wp ? Cr0.WP : 0));
        Assert.That(Mmu.PagingMode, Is.EqualTo(Mode), "paging is on");
        return this;
    }

    public uint Cr(uint register) => (uint)Mmu.Read(register);

    public void SetCr(uint register, ulong value) => Mmu.Write(register, value);

    public void ToggleCr0(uint bits) => SetCr(X86SystemRegister.Cr0, Cr(X86SystemRegister.Cr0) ^ bits);

    public void ToggleCr4(uint bits) => SetCr(X86SystemRegister.Cr4, Cr(X86SystemRegister.Cr4) ^ bits);

    public void ReloadCr3() => SetCr(X86SystemRegister.Cr3, Cr(X86SystemRegister.Cr3));

    public FaultRecord? Read(uint address, Privilege privilege, int size = 4) =>
        Cpu.TryRead(address, size, AccessKind.Read, privilege, out _);

    public FaultRecord? Write(uint address, Privilege privilege, int size = 4, uint value = 0) =>
        Cpu.TryWrite(address, size, AccessKind.Write, privilege, value);

    public FaultRecord? Fetch(uint address, Privilege privilege) =>
        Cpu.TryRead(address, 1, AccessKind.Execute, privilege, out _);

    /// <summary>Asserts a #PF with exactly <paramref name="errorCode"/> and CR2.</summary>
    public void AssertPageFault(FaultRecord? fault, uint errorCode, uint cr2, string because = "")
    {
        Assert.That(fault, Is.TypeOf<X86FaultRecord>(), because);
        var pf = (X86FaultRecord)fault!;
        Assert.Multiple(() =>
        {
            Assert.That((uint)pf.ErrorCode, Is.EqualTo(errorCode), $"error code ({X86FaultRecord.Decode(pf.ErrorCode)}) {because}");
            Assert.That(pf.Cr2, Is.EqualTo(cr2), $"CR2 {because}");
            Assert.That(Mmu.Read(X86SystemRegister.Cr2), Is.EqualTo(cr2), $"CR2 register {because}");
            Assert.That(pf.Vector, Is.EqualTo(14));
        });
    }
}
