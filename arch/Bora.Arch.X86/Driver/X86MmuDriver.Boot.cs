using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary>Boot: <c>gen_mmu.py</c>'s identity-mapped kernel tables and <c>ia32/crt0.S</c>'s paging enable.</summary>
public sealed partial class X86MmuDriver
{
    /// <inheritdoc/>
    /// <remarks>
    /// Kernel RAM is mapped P|RW|XD supervisor-only, then extra user regions per attribute, then text P|US
    /// (executable by all) and rodata P|US|XD over it, each with its RW/US/XD backups in bits 9/10/11; page 0 is
    /// never mapped; intermediates are P|RW|US, PAE PDPTEs P only. The tables go into the pool (by default the last
    /// pages of kernel RAM), then CR3, CR4.PAE + EFER.NXE (PAE) or CR4.PSE (32-bit), and CR0 |= PG|WP.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A region is not page aligned, extra regions overlap the image, or the pool does not fit.</exception>
    public void Boot(BootMemoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var regions = new List<(AddressRange Range, ulong Flags, string Holder)>
        {
            (layout.KernelRam, ZephyrPte.Entry(rw: true, us: false, xd: true, Pae), "boot: kernel RAM"),
        };
        foreach ((AddressRange range, PartitionPermissions permissions) in layout.ExtraUserRegions)
        {
            if (regions.Any(r => r.Range.Overlaps(range)) || range.Overlaps(layout.Text) || range.Overlaps(layout.Rodata))
            {
                throw new InvalidOperationException($"{Arch}: extra user region {range} is already mapped by the image (gen_mmu.py: \"already been mapped\")");
            }

            ulong attr = X86PartitionAttributes.Encode(permissions, Pae);
            regions.Add((range, ZephyrPte.Entry((attr & PageEntry.RW) != 0, (attr & PageEntry.US) != 0, (attr & PageEntry.XD) != 0, Pae), "boot: extra user region"));
        }

        regions.Add((layout.Text, ZephyrPte.Entry(rw: false, us: true, xd: false, Pae), "boot: text"));
        regions.Add((layout.Rodata, ZephyrPte.Entry(rw: false, us: true, xd: true, Pae), "boot: rodata"));
        foreach ((AddressRange range, _, string holder) in regions)
        {
            if (range.Start % PageSize != 0 || range.End % PageSize != 0 || range.End > 1UL << 32)
            {
                throw new InvalidOperationException($"{Arch}: {holder} {range} is not page aligned (gen_mmu.py refuses unaligned regions)");
            }
        }

        uint pagesPerSet = TablePagesFor(regions.Select(r => r.Range));
        _pool = new X86PageTablePool(_memory, Mode, PoolBase(layout, pagesPerSet), pagesPerSet, _options.MaxAdditionalDomains);
        _guards.Clear();
        _bootRegions.Clear();
        _current = null;
        X86PageTableSet kernel = _pool.Kernel;
        foreach ((AddressRange range, ulong flags, string holder) in regions)
        {
            _bootRegions.Add((range, holder));
            for (ulong page = range.Start; page < range.End; page += PageSize)
            {
                if (page != 0)
                {
                    kernel.MapPage((uint)page, flags);
                }
            }
        }

        if (kernel.PagesUsed != pagesPerSet)
        {
            throw new InvalidOperationException($"{Arch}: the kernel tables took {kernel.PagesUsed} pages, {pagesPerSet} were reserved");
        }

        EnablePaging(kernel.Root);
    }

    /// <summary><c>ia32/crt0.S</c>: CR3, then PAE with EFER.NXE or PSE, then CR0 |= PG|WP.</summary>
    private void EnablePaging(uint root)
    {
        uint cr0 = (uint)_mmu.Read(X86SystemRegister.Cr0);
        if ((cr0 & Cr0.PE) == 0)
        {
            // Zephyr's crt0 runs in protected mode already (the loader set CR0.PE); the model starts at reset.
            cr0 |= Cr0.PE;
            _mmu.Write(X86SystemRegister.Cr0, cr0);
        }

        LoadCr3(root);
        uint cr4 = (uint)_mmu.Read(X86SystemRegister.Cr4);
        if (Pae)
        {
            _mmu.Write(X86SystemRegister.Cr4, cr4 | Cr4.PAE);
            _mmu.Write(X86SystemRegister.Efer, _mmu.Read(X86SystemRegister.Efer) | Efer.NXE);
        }
        else
        {
            _mmu.Write(X86SystemRegister.Cr4, cr4 | Cr4.PSE);
        }

        _mmu.Write(X86SystemRegister.Cr0, cr0 | Cr0.PG | Cr0.WP);
        if (_mmu.PagingMode != Mode)
        {
            throw new InvalidOperationException($"{Arch}: paging did not turn on ({_mmu.PagingMode}): {string.Join("; ", _mmu.InvalidProgramming)}");
        }
    }

    /// <summary>Root, PAE page directories and page tables a set needs to map <paramref name="ranges"/>.</summary>
    private uint TablePagesFor(IEnumerable<AddressRange> ranges)
    {
        int tableShift = Pae ? 21 : 22;
        var tables = new SortedSet<ulong>();
        var directories = new SortedSet<ulong>();
        foreach (AddressRange range in ranges.Where(r => !r.IsEmpty))
        {
            ulong first = Math.Max(range.Start, PageSize);
            if (first >= range.End)
            {
                continue;
            }

            for (ulong t = first >> tableShift; t <= (range.End - 1) >> tableShift; t++)
            {
                tables.Add(t);
                directories.Add(t << tableShift >> 30);
            }
        }

        return (uint)(1 + tables.Count + (Pae ? directories.Count : 0));
    }

    private uint PoolBase(BootMemoryLayout layout, uint pagesPerSet)
    {
        ulong bytes = (ulong)pagesPerSet * PageSize * (ulong)(_options.MaxAdditionalDomains + 1);
        ulong start;
        if (_options.PageTablePoolBase is uint configured)
        {
            start = configured;
            if (start % PageSize != 0)
            {
                throw new InvalidOperationException($"{Arch}: PageTablePoolBase 0x{start:X8} is not page aligned");
            }
        }
        else
        {
            if (bytes > layout.KernelRam.Size)
            {
                throw new InvalidOperationException($"{Arch}: kernel RAM {layout.KernelRam} cannot hold the 0x{bytes:X}-byte page-table pool");
            }

            start = (layout.KernelRam.End - bytes) & ~(ulong)(PageSize - 1);
        }

        var pool = AddressRange.FromSize(start, bytes);
        if (pool.Start < layout.KernelRam.Start && _options.PageTablePoolBase is null)
        {
            throw new InvalidOperationException($"{Arch}: the page-table pool {pool} does not fit in kernel RAM {layout.KernelRam}");
        }

        if (_bus.Map.Find(pool.Start) is not { Kind: MemoryKind.Ram } entry || !entry.Range.Contains(pool))
        {
            throw new InvalidOperationException($"{Arch}: the page-table pool {pool} is not in RAM");
        }

        return (uint)start;
    }
}
