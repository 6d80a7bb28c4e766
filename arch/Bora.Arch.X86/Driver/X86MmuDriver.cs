using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.X86.Driver;

/// <summary>
/// Zephyr's x86 MMU driver (<c>arch/x86/core/x86_mmu.c</c> userspace part, <c>gen_mmu.py</c>'s boot tables,
/// <c>ia32/crt0.S</c>'s paging enable) for 32-bit paging and PAE, in the per-domain page-table profile (KPTI off,
/// <c>!CONFIG_X86_COMMON_PAGE_TABLE</c>). It reaches the hardware only through page-table memory, CR0/CR3/CR4/
/// IA32_EFER and INVLPG, performing exactly Zephyr's invalidations: INVLPG for every page it changes in the
/// loaded tables, a CR3 load when the tables change (arch-spec §4.4).
/// </summary>
public sealed partial class X86MmuDriver : IProtectionDriver
{
    private const uint PageSize = 4096;
    private const int EInval = 22, ENoMem = 12, EFault = 14;

    private readonly PhysicalMemory _memory;
    private readonly SystemBus _bus;
    private readonly X86Mmu _mmu;
    private readonly X86MmuDriverOptions _options;
    private readonly SortedDictionary<uint, string> _guards = [];
    private readonly List<(AddressRange Range, string Holder)> _bootRegions = [];
    private X86PageTablePool? _pool;
    private ThreadMemoryView? _current;

    /// <summary>Creates the driver for the paging unit of <paramref name="machine"/>, which must be an <see cref="X86Mmu"/>.</summary>
    /// <exception cref="ArgumentException">The machine's protection model is not the x86 MMU.</exception>
    public X86MmuDriver(Machine.Machine machine, X86MmuDriverOptions? options = null)
        : this(
            (machine ?? throw new ArgumentNullException(nameof(machine))).Protection as X86Mmu
                ?? throw new ArgumentException($"the machine's protection model is {machine.Protection.GetType().Name}, not X86Mmu", nameof(machine)),
            machine.Bus,
            options)
    {
    }

    /// <summary>
    /// Creates the driver for <paramref name="mmu"/> with its page tables in <paramref name="bus"/>'s memory:
    /// for hosts (the kernel) that put a gate in front of the machine's protection model.
    /// </summary>
    public X86MmuDriver(X86Mmu mmu, SystemBus bus, X86MmuDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mmu);
        ArgumentNullException.ThrowIfNull(bus);
        _mmu = mmu;
        _bus = bus;
        _memory = bus.Memory;
        _options = options ?? new X86MmuDriverOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxDomainPartitions, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxAdditionalDomains, nameof(options));
        Arch = _mmu.Arch;
        Mode = Arch == X86Arch.Paging32 ? X86PagingMode.Paging32 : X86PagingMode.Pae;
        Capabilities = new ProtectionCapabilities(
            PowerOfTwoRegions: false,
            NonOverlappingRegions: false,
            MinimumRegionSize: PageSize,
            SynchronousDomainApi: true,
            UserCanReachSameDomainStacks: true);
    }

    /// <inheritdoc/>
    public ArchId Arch { get; }

    /// <summary>32-bit paging or PAE (from the MMU's variant).</summary>
    public X86PagingMode Mode { get; }

    /// <inheritdoc/>
    public ProtectionCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public StackGeometry StackGeometry => X86StackGeometry.Userspace;

    /// <inheritdoc/>
    public int MaxPartitionsPerDomain => _options.MaxDomainPartitions;

    /// <summary>CR3 loads the driver has made (boot included); a switch that keeps the tables makes none.</summary>
    public int Cr3Loads { get; private set; }

    /// <summary>INVLPG instructions the driver has executed.</summary>
    public int Invlpgs { get; private set; }

    /// <summary>The page-table pool (kernel tables, then the domain sets), once booted.</summary>
    public AddressRange PageTablePool => Pool.Range;

    /// <summary>The physical root of the kernel tables (<c>z_x86_kernel_ptables</c>), once booted.</summary>
    public uint KernelPageTables => Pool.Kernel.Root;

    /// <summary>Page-table sets still free for <c>k_mem_domain_init</c>.</summary>
    public int FreeDomainTableSets => Pool.FreeSets;

    private bool Pae => Mode == X86PagingMode.Pae;

    private X86PageTablePool Pool => _pool ?? throw new InvalidOperationException($"{Arch}: the MMU driver has not booted (call Boot first)");

    private uint Cr3 => (uint)_mmu.Read(X86SystemRegister.Cr3);

    /// <summary>The CR3 value of <paramref name="domain"/>'s tables, or null before <see cref="DomainInit"/>.</summary>
    public uint? PageTablesOf(DomainMemoryView domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return _pool is null ? null : (domain.ArchData as X86PageTableSet)?.Root;
    }

    /// <inheritdoc/>
    public bool Supports(PartitionPermissions permissions) => X86PartitionAttributes.Supports(permissions);

    /// <inheritdoc/>
    /// <remarks>Start and size page multiples, size non-zero (Zephyr's build-time alignment rule for MMU partitions).</remarks>
    public int ValidatePartition(MemoryPartition partition) =>
        partition.Size != 0 && partition.Size % PageSize == 0 && partition.Start % PageSize == 0 ? 0 : -EInval;

    private void LoadCr3(uint root)
    {
        _mmu.Write(X86SystemRegister.Cr3, root);
        Cr3Loads++;
    }

    private void Invlpg(uint linear)
    {
        _mmu.Invlpg(linear);
        Invlpgs++;
    }

    /// <summary>
    /// <c>region_map_update</c> → <c>range_map_ptables</c> with <c>MASK_PERM</c>: applies <paramref name="attr"/>
    /// (or, with <paramref name="reset"/>, the backups) to every page from <paramref name="start"/> in
    /// <paramref name="set"/>, with INVLPG for each page when the set is loaded. <c>-EINVAL</c> for a size that
    /// is not a page multiple; <c>-EFAULT</c> when a page has no mapping (the other pages are still updated).
    /// </summary>
    private int UpdateRegion(X86PageTableSet set, uint start, uint size, ulong attr, bool reset)
    {
        if (size % PageSize != 0)
        {
            return -EInval;
        }

        bool flush = set.Root == Cr3;
        int ret = 0;
        for (ulong offset = 0; offset < size; offset += PageSize)
        {
            uint page = (uint)((start + offset) & uint.MaxValue);
            ulong pte = 0;
            if (set.TryPteAddress(page, out ulong address) && (pte = set.Read(address)) != 0)
            {
                set.Write(address, reset ? ZephyrPte.Reset(pte, Pae) : ZephyrPte.Apply(pte, attr));
            }
            else
            {
                ret = -EFault;
            }

            if (flush)
            {
                Invlpg(page);
            }
        }

        return ret;
    }
}
