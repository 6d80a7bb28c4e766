using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.X86.Driver;

/// <summary>
/// One set of paging structures in a fixed slice of the pool: the kernel's (<c>z_x86_kernel_ptables</c>) or a
/// domain's copy (<c>struct arch_mem_domain</c>). It reads and writes entries in physical memory only; TLB
/// maintenance is the driver's.
/// </summary>
internal sealed class X86PageTableSet
{
    private const uint PageSize = 4096;

    private readonly PhysicalMemory _memory;
    private X86PageTableBuilder _builder;

    public X86PageTableSet(PhysicalMemory memory, X86PagingMode mode, uint start, uint pages, string name)
    {
        _memory = memory;
        Mode = mode;
        Range = AddressRange.FromSize(start, (ulong)pages * PageSize);
        Name = name;
        _builder = NewBuilder();
    }

    public X86PagingMode Mode { get; }

    public bool Pae => Mode == X86PagingMode.Pae;

    /// <summary>The pool slice the set lives in.</summary>
    public AddressRange Range { get; }

    /// <summary>Name for reports (<c>kernel</c>, <c>pool set 3</c>).</summary>
    public string Name { get; }

    /// <summary>The value CR3 takes to use these tables (the PD, or the PAE PDPT).</summary>
    public uint Root => _builder.Root;

    /// <summary>Pages of the slice in use.</summary>
    public uint PagesUsed => _builder.PagesUsed;

    /// <summary>The domain using the set, if any (the default domain for the kernel tables).</summary>
    public DomainMemoryView? Domain { get; set; }

    /// <summary>User stack buffers granted in these tables, by thread id: range and holder name.</summary>
    public SortedDictionary<int, (uint Start, uint Size, string Holder)> StackGrants { get; } = [];

    /// <summary>Empties the set (zeroed root) for a new owner.</summary>
    public void Clear()
    {
        _builder = NewBuilder();
        Domain = null;
        StackGrants.Clear();
    }

    /// <summary>Identity-maps the page at <paramref name="linear"/> with leaf <paramref name="flags"/>, creating tables.</summary>
    public void MapPage(uint linear, ulong flags) => _builder.MapPage(linear, linear, flags);

    /// <summary>Creates the tables above the PT covering <paramref name="linear"/> and returns that PT's first entry.</summary>
    public ulong CreatePageTable(uint linear) => _builder.LeafAddress(linear & ~(PageTableScope - 1), create: true);

    /// <summary>Linear bytes one page table covers: 2 MiB (PAE) or 4 MiB (32-bit).</summary>
    public uint PageTableScope => Pae ? 2u << 20 : 4u << 20;

    /// <summary>Entries in one page table.</summary>
    public int EntriesPerTable => Pae ? 512 : 1024;

    /// <summary>Bytes per entry.</summary>
    public int EntrySize => _builder.EntrySize;

    public ulong Read(ulong address) => _builder.ReadEntry(address);

    public void Write(ulong address, ulong value) => _builder.WriteEntry(address, value);

    /// <summary>
    /// <c>page_map_set</c>'s walk: the physical address of the PTE for <paramref name="linear"/>, or false when an
    /// intermediate entry is missing (Zephyr's "missing page table level") or is a large page.
    /// </summary>
    public bool TryPteAddress(uint linear, out ulong address)
    {
        address = 0;
        ulong directory;
        if (Pae)
        {
            ulong pdpte = Read(Root + ((linear >> 30) * 8UL));
            if ((pdpte & PageEntry.P) == 0)
            {
                return false;
            }

            directory = (pdpte & 0x000F_FFFF_FFFF_F000UL) + (((linear >> 21) & 0x1FF) * 8UL);
        }
        else
        {
            directory = Root + ((linear >> 22) * 4UL);
        }

        ulong pde = Read(directory);
        if ((pde & PageEntry.P) == 0 || (pde & PageEntry.PS) != 0)
        {
            return false;
        }

        ulong index = Pae ? (linear >> 12) & 0x1FF : (linear >> 12) & 0x3FF;
        address = (pde & (Pae ? 0x000F_FFFF_FFFF_F000UL : 0xFFFF_F000UL)) + (index * (ulong)EntrySize);
        return true;
    }

    /// <summary>The PTE for <paramref name="linear"/>, or 0 when no page table covers it.</summary>
    public ulong ReadPte(uint linear) => TryPteAddress(linear, out ulong address) ? Read(address) : 0;

    private X86PageTableBuilder NewBuilder() =>
        new(_memory, Mode, (uint)Range.Start, (uint)Range.End, pdpteFlags: PageEntry.P);
}
