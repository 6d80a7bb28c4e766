using System.Buffers.Binary;
using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>The page walk (Intel SDM vol. 3A §4.3, §4.4, §4.6, §4.8).</summary>
public sealed partial class X86Mmu
{
    private const uint LargePage32 = 4u << 20;
    private const uint LargePagePae = 2u << 20;
    private const ulong LargePaeReserved = 0x1F_E000; // bits 20:13 of a 2 MiB PDE

    private readonly ulong _physicalAddressMask;
    private readonly ulong _reservedAddressBits;
    private readonly ulong _pse36Reserved;

    private bool Nxe => (_efer & Efer.NXE) != 0;

    /// <summary>Walks the tables for <paramref name="address"/>, checks the access, sets A/D and fills the TLB.</summary>
    private AccessDecision Walk(uint address, in PageAccess access)
    {
        PageFaultErrorCode? fault = PagingMode == X86PagingMode.Pae
            ? WalkPae(address, out X86Translation translation)
            : Walk32(address, out translation);
        if (fault is PageFaultErrorCode structural)
        {
            return DenyPage(address, structural | ErrorBits(access));
        }

        if (!Permits(translation, access))
        {
            // Leaf A/D stay untouched and nothing is cached: the #PF would invalidate it anyway.
            return DenyPage(address, PageFaultErrorCode.P | ErrorBits(access));
        }

        ulong leaf = ReadEntry(translation.LeafAddress, translation.EntrySize);
        ulong set = PageEntry.A | (access.Write ? PageEntry.D : 0);
        if ((leaf & set) != set)
        {
            WriteEntry(translation.LeafAddress, translation.EntrySize, leaf | set);
        }

        translation = translation with { Dirty = access.Write || (leaf & PageEntry.D) != 0 };
        _tlb.Fill(translation);
        return Allow(translation);
    }

    /// <summary>32-bit paging: PD[31:22] → PT[21:12], or a 4 MiB page when PDE.PS and CR4.PSE.</summary>
    private PageFaultErrorCode? Walk32(uint address, out X86Translation translation)
    {
        translation = default;
        ulong pdeAddress = (_cr3 & 0xFFFF_F000u) | ((address >> 22) << 2);
        ulong pde = ReadEntry(pdeAddress, 4);
        if ((pde & PageEntry.P) == 0)
        {
            return PageFaultErrorCode.None;
        }

        bool user = (pde & PageEntry.US) != 0;
        bool writable = (pde & PageEntry.RW) != 0;
        if ((pde & PageEntry.PS) != 0 && (_cr4 & Cr4.PSE) != 0)
        {
            if ((pde & _pse36Reserved) != 0)
            {
                return PageFaultErrorCode.P | PageFaultErrorCode.RSVD;
            }

            // PSE-36: PDE bits 20:13 hold physical-address bits 39:32.
            ulong physical = (pde & 0xFFC0_0000UL) | (((pde >> 13) & 0xFF) << 32);
            translation = new X86Translation(address & ~(LargePage32 - 1), LargePage32, physical, user, writable,
                ExecuteDisable: false, Global(pde), Dirty: false, pdeAddress, 4);
            return null;
        }

        // With CR4.PSE clear, PDE.PS is ignored and the PDE references a page table.
        MarkAccessed(pdeAddress, 4, pde);
        ulong pteAddress = (pde & 0xFFFF_F000UL) | (((address >> 12) & 0x3FF) << 2);
        ulong pte = ReadEntry(pteAddress, 4);
        if ((pte & PageEntry.P) == 0)
        {
            return PageFaultErrorCode.None;
        }

        translation = new X86Translation(address & ~PageMask, PageMask + 1, pte & 0xFFFF_F000UL,
            user && (pte & PageEntry.US) != 0, writable && (pte & PageEntry.RW) != 0,
            ExecuteDisable: false, Global(pte), Dirty: false, pteAddress, 4);
        return null;
    }

    /// <summary>PAE paging: PDPTE register[31:30] → PD[29:21] → PT[20:12], or a 2 MiB page when PDE.PS.</summary>
    private PageFaultErrorCode? WalkPae(uint address, out X86Translation translation)
    {
        translation = default;
        ulong pdpte = _pdpte[address >> 30];
        if ((pdpte & PageEntry.P) == 0)
        {
            return PageFaultErrorCode.None;
        }

        // Reserved in a PDPTE: XD and the address bits above MAXPHYADDR (bits 2:1 and 8:5: see LoadPdptes).
        if ((pdpte & (_reservedAddressBits | PageEntry.XD)) != 0)
        {
            return PageFaultErrorCode.P | PageFaultErrorCode.RSVD;
        }

        ulong reserved = _reservedAddressBits | (Nxe ? 0 : PageEntry.XD);
        ulong pdeAddress = (pdpte & _physicalAddressMask) + (((address >> 21) & 0x1FF) << 3);
        ulong pde = ReadEntry(pdeAddress, 8);
        if ((pde & PageEntry.P) == 0)
        {
            return PageFaultErrorCode.None;
        }

        if ((pde & reserved) != 0 || ((pde & PageEntry.PS) != 0 && (pde & LargePaeReserved) != 0))
        {
            return PageFaultErrorCode.P | PageFaultErrorCode.RSVD;
        }

        // The PDPTE contributes only P: U/S and R/W are accumulated from the PDE down.
        bool user = (pde & PageEntry.US) != 0;
        bool writable = (pde & PageEntry.RW) != 0;
        bool executeDisable = Nxe && (pde & PageEntry.XD) != 0;
        if ((pde & PageEntry.PS) != 0)
        {
            translation = new X86Translation(address & ~(LargePagePae - 1), LargePagePae,
                pde & _physicalAddressMask & ~(ulong)(LargePagePae - 1), user, writable, executeDisable,
                Global(pde), Dirty: false, pdeAddress, 8);
            return null;
        }

        MarkAccessed(pdeAddress, 8, pde);
        ulong pteAddress = (pde & _physicalAddressMask) + (((address >> 12) & 0x1FF) << 3);
        ulong pte = ReadEntry(pteAddress, 8);
        if ((pte & PageEntry.P) == 0)
        {
            return PageFaultErrorCode.None;
        }

        if ((pte & reserved) != 0)
        {
            return PageFaultErrorCode.P | PageFaultErrorCode.RSVD;
        }

        translation = new X86Translation(address & ~PageMask, PageMask + 1, pte & _physicalAddressMask,
            user && (pte & PageEntry.US) != 0, writable && (pte & PageEntry.RW) != 0,
            executeDisable || (Nxe && (pte & PageEntry.XD) != 0), Global(pte), Dirty: false, pteAddress, 8);
        return null;
    }

    /// <summary>Bits 21:(M−19) of a 4 MiB PDE are reserved, M = min(MAXPHYADDR, 40) (SDM Table 4-4).</summary>
    private static ulong Pse36ReservedBits(int maxPhysicalAddressBits)
    {
        int m = Math.Min(maxPhysicalAddressBits, 40);
        ulong bits = 0;
        for (int bit = m - 19; bit <= 21; bit++)
        {
            bits |= 1UL << bit;
        }

        return bits;
    }

    private bool Global(ulong leaf) => (leaf & PageEntry.G) != 0 && (_cr4 & Cr4.PGE) != 0;

    private void MarkAccessed(ulong entryAddress, int size, ulong entry)
    {
        if ((entry & PageEntry.A) == 0)
        {
            WriteEntry(entryAddress, size, entry | PageEntry.A);
        }
    }

    /// <summary>Reads a paging-structure entry from physical memory; an address no RAM or ROM answers reads as 0.</summary>
    private ulong ReadEntry(ulong physical, int size)
    {
        if (!IsMemory(physical, size))
        {
            return 0;
        }

        return size == 8 ? _bus.Memory.ReadUInt64((uint)physical) : _bus.Memory.ReadUInt32((uint)physical);
    }

    /// <summary>Writes back an entry the processor updated (A/D); dropped where no RAM answers.</summary>
    private void WriteEntry(ulong physical, int size, ulong value)
    {
        if (!IsMemory(physical, size) || _bus.Map.KindAt(physical) != MemoryKind.Ram)
        {
            return;
        }

        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        _bus.Memory.Write((uint)physical, bytes[..size]);
    }

    private bool IsMemory(ulong physical, int size) =>
        physical + (ulong)size <= 1UL << 32
        && _bus.Map.Find(physical) is { Kind: MemoryKind.Ram or MemoryKind.Rom } entry
        && entry.Range.Contains(physical + (ulong)size - 1);
}
