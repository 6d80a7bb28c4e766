using Bora.Machine;

namespace Bora.Arch.X86.Tests.Driver;

/// <summary>Reads and writes leaf entries of a table set straight from physical memory, as a test oracle.</summary>
public sealed class Physical(PhysicalMemory memory, X86PagingMode mode)
{
    public static Physical Memory(X86Rig rig, X86PagingMode mode) => new(rig.Memory, mode);

    public ulong Pte(uint root, uint linear) => Read(Address(root, linear));

    public void SetPte(uint root, uint linear, ulong value)
    {
        ulong address = Address(root, linear);
        if (mode == X86PagingMode.Pae)
        {
            memory.WriteUInt64((uint)address, value);
        }
        else
        {
            memory.WriteUInt32((uint)address, (uint)value);
        }
    }

    private ulong Address(uint root, uint linear)
    {
        if (mode == X86PagingMode.Pae)
        {
            ulong pdpte = memory.ReadUInt64(root + ((linear >> 30) * 8));
            ulong pde = memory.ReadUInt64((uint)(pdpte & 0xFFFF_F000) + (((linear >> 21) & 0x1FF) * 8));
            Assert.That(pdpte & pde & 1, Is.EqualTo(1UL), $"a page table covers 0x{linear:X8}");
            return (pde & 0xFFFF_F000) + (((linear >> 12) & 0x1FF) * 8);
        }

        uint pde32 = memory.ReadUInt32(root + ((linear >> 22) * 4));
        Assert.That(pde32 & 1, Is.EqualTo(1u), $"a page table covers 0x{linear:X8}");
        return (pde32 & 0xFFFF_F000) + (((linear >> 12) & 0x3FF) * 4);
    }

    private ulong Read(ulong address) =>
        mode == X86PagingMode.Pae ? memory.ReadUInt64((uint)address) : memory.ReadUInt32((uint)address);
}
