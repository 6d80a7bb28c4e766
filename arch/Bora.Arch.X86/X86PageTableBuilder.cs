using Bora.Machine;

namespace Bora.Arch.X86;

/// <summary>
/// Writes paging structures into physical memory the way Zephyr's <c>gen_mmu.py</c> and
/// <c>x86_mmu.c</c> lay them out: intermediate entries <see cref="IntermediateFlags"/> (P|RW|US) so that
/// the leaf decides, tables taken from a pool of zeroed pages. It only writes memory: the paging model
/// sees the result on its next walk, and a changed entry needs INVLPG or a CR3 load, as on silicon.
/// </summary>
public sealed class X86PageTableBuilder
{
    /// <summary>Zephyr's <c>INT_FLAGS</c>: every intermediate entry is present, writable and user.</summary>
    public const ulong IntermediateFlags = PageEntry.P | PageEntry.RW | PageEntry.US;

    private const uint PageSize = 4096;

    private readonly PhysicalMemory _memory;
    private readonly uint _poolEnd;
    private readonly ulong _pdpteFlags;
    private uint _next;

    /// <summary>Creates an empty set of tables in <c>[poolStart, poolEnd)</c> (page aligned), the root first.</summary>
    /// <param name="memory">Physical memory the tables live in.</param>
    /// <param name="mode">32-bit or PAE layout.</param>
    /// <param name="poolStart">First page of the table pool.</param>
    /// <param name="poolEnd">End of the pool.</param>
    /// <param name="pdpteFlags">Flags of PAE PDPTEs: P by default (what silicon accepts); Zephyr writes <see cref="IntermediateFlags"/>.</param>
    public X86PageTableBuilder(PhysicalMemory memory, X86PagingMode mode, uint poolStart, uint poolEnd, ulong pdpteFlags = PageEntry.P)
    {
        _memory = memory ?? throw new ArgumentNullException(nameof(memory));
        if (mode == X86PagingMode.Disabled)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "tables are built for 32-bit or PAE paging");
        }

        if ((poolStart % PageSize) != 0 || poolEnd <= poolStart)
        {
            throw new ArgumentException($"the table pool [0x{poolStart:X8}, 0x{poolEnd:X8}) must be page aligned and non-empty", nameof(poolStart));
        }

        Mode = mode;
        _poolEnd = poolEnd;
        _pdpteFlags = pdpteFlags;
        _next = poolStart;
        Root = Allocate();
    }

    /// <summary>The layout the tables use.</summary>
    public X86PagingMode Mode { get; }

    /// <summary>Physical address of the top-level structure: the value to load into CR3.</summary>
    public uint Root { get; }

    /// <summary>Bytes of each entry: 4 (32-bit) or 8 (PAE).</summary>
    public int EntrySize => Mode == X86PagingMode.Pae ? 8 : 4;

    /// <summary>Pages of the pool used so far.</summary>
    public uint PagesUsed => (_next - Root) / PageSize;

    /// <summary>Maps the 4 KiB page at <paramref name="linear"/> to <paramref name="physical"/> with leaf <paramref name="flags"/>.</summary>
    public void MapPage(uint linear, ulong physical, ulong flags) =>
        WriteEntry(LeafAddress(linear, create: true), (physical & ~(ulong)(PageSize - 1)) | Flags(flags));

    /// <summary>Maps <c>[start, start + size)</c> one to one with leaf <paramref name="flags"/>.</summary>
    public void IdentityMap(uint start, uint size, ulong flags)
    {
        for (ulong page = start & ~(PageSize - 1); page < (ulong)start + size; page += PageSize)
        {
            MapPage((uint)page, page, flags);
        }
    }

    /// <summary>Maps a large page (2 MiB under PAE, 4 MiB under 32-bit paging with CR4.PSE) with PDE.PS set.</summary>
    public void MapLargePage(uint linear, ulong physical, ulong flags)
    {
        uint size = Mode == X86PagingMode.Pae ? 2u << 20 : 4u << 20;
        ulong entry = Mode == X86PagingMode.Pae
            ? physical & ~(ulong)(size - 1)
            : (physical & 0xFFC0_0000UL) | (((physical >> 32) & 0xFF) << 13);
        WriteEntry(DirectoryEntryAddress(linear, create: true), entry | Flags(flags) | PageEntry.PS);
    }

    /// <summary>Replaces the flags of the leaf mapping <paramref name="linear"/>, keeping its frame.</summary>
    /// <exception cref="InvalidOperationException">No page table covers <paramref name="linear"/>.</exception>
    public void SetPageFlags(uint linear, ulong flags)
    {
        ulong address = LeafAddress(linear, create: false);
        ulong frame = ReadEntry(address) & FrameMask;
        WriteEntry(address, frame | Flags(flags));
    }

    /// <summary>Replaces the flags of the directory entry covering <paramref name="linear"/>, keeping what it points to.</summary>
    public void SetDirectoryFlags(uint linear, ulong flags)
    {
        ulong address = DirectoryEntryAddress(linear, create: true);
        WriteEntry(address, (ReadEntry(address) & FrameMask) | Flags(flags));
    }

    /// <summary>Physical address of the PTE for <paramref name="linear"/>, creating the tables above it when asked.</summary>
    /// <exception cref="InvalidOperationException">No page table covers <paramref name="linear"/> and <paramref name="create"/> is false.</exception>
    public ulong LeafAddress(uint linear, bool create = false)
    {
        ulong pde = DirectoryEntryAddress(linear, create);
        ulong entry = ReadEntry(pde);
        if ((entry & PageEntry.P) == 0)
        {
            if (!create)
            {
                throw new InvalidOperationException($"no page table covers 0x{linear:X8}");
            }

            entry = Allocate() | IntermediateFlags;
            WriteEntry(pde, entry);
        }
        else if ((entry & PageEntry.PS) != 0)
        {
            throw new InvalidOperationException($"0x{linear:X8} is mapped by a large page");
        }

        ulong index = Mode == X86PagingMode.Pae ? (linear >> 12) & 0x1FF : (linear >> 12) & 0x3FF;
        return (entry & FrameMask) + (index * (ulong)EntrySize);
    }

    /// <summary>Physical address of the PDE for <paramref name="linear"/>, creating the PAE page directory when asked.</summary>
    public ulong DirectoryEntryAddress(uint linear, bool create = false)
    {
        if (Mode == X86PagingMode.Paging32)
        {
            return Root + ((linear >> 22) * 4UL);
        }

        ulong pdpteAddress = PdpteAddress(linear);
        ulong pdpte = ReadEntry(pdpteAddress);
        if ((pdpte & PageEntry.P) == 0)
        {
            if (!create)
            {
                throw new InvalidOperationException($"no page directory covers 0x{linear:X8}");
            }

            pdpte = Allocate() | _pdpteFlags;
            WriteEntry(pdpteAddress, pdpte);
        }

        return (pdpte & FrameMask) + (((linear >> 21) & 0x1FF) * 8UL);
    }

    /// <summary>Physical address of the PAE PDPTE for <paramref name="linear"/>.</summary>
    public ulong PdpteAddress(uint linear) => Mode == X86PagingMode.Pae
        ? Root + ((linear >> 30) * 8UL)
        : throw new InvalidOperationException("32-bit paging has no PDPT");

    /// <summary>Reads the entry at <paramref name="address"/>.</summary>
    public ulong ReadEntry(ulong address) =>
        Mode == X86PagingMode.Pae ? _memory.ReadUInt64((uint)address) : _memory.ReadUInt32((uint)address);

    /// <summary>Writes the entry at <paramref name="address"/> (a plain store: no TLB maintenance).</summary>
    public void WriteEntry(ulong address, ulong value)
    {
        if (Mode == X86PagingMode.Pae)
        {
            _memory.WriteUInt64((uint)address, value);
        }
        else
        {
            _memory.WriteUInt32((uint)address, (uint)value);
        }
    }

    private ulong FrameMask => Mode == X86PagingMode.Pae ? 0x000F_FFFF_FFFF_F000UL : 0xFFFF_F000UL;

    /// <summary>XD does not exist under 32-bit paging: Zephyr's <c>MMU_XD</c> is 0 there.</summary>
    private ulong Flags(ulong flags) => Mode == X86PagingMode.Pae ? flags : flags & 0xFFF;

    private uint Allocate()
    {
        if (_next >= _poolEnd)
        {
            throw new InvalidOperationException($"the page-table pool ending at 0x{_poolEnd:X8} is exhausted");
        }

        uint page = _next;
        _next += PageSize;
        _memory.Fill(page, PageSize, 0);
        return page;
    }
}
