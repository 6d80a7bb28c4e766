namespace Bora.Kernel;

/// <summary>
/// Automatic memory partitions (<c>K_APPMEM_PARTITION_DEFINE</c>, <c>K_APP_DMEM</c>, <c>K_APP_BMEM</c>): the host links
/// an <see cref="AppMemoryImage"/> into the kernel before boot; the kernel lays it out under the board's rules in the
/// app-partition area, defines one read-write partition per block, and at boot zeroes each block and copies the
/// initialised data in. See docs/app-memory.md.
/// </summary>
public sealed partial class BoraKernel
{
    /// <summary><c>z_libc_partition</c>: joins <c>k_mem_domain_default</c> at boot when the image has it.</summary>
    public const string LibcPartitionName = "z_libc_partition";

    /// <summary><c>z_malloc_partition</c>: joins <c>k_mem_domain_default</c> at boot when the image has it.</summary>
    public const string MallocPartitionName = "z_malloc_partition";

    private AppMemoryMap? _appMemory;

    /// <summary>Whether an app-memory image was linked in.</summary>
    public bool HasAppMemory => _appMemory is not null;

    /// <summary>The kernel's app memory.</summary>
    /// <exception cref="InvalidOperationException">No image was linked in (<see cref="LoadAppMemory"/>).</exception>
    public AppMemoryMap AppMemory => _appMemory
        ?? throw new InvalidOperationException($"kernel '{Name}' has no app memory: call LoadAppMemory(AppMemoryImage) before Boot");

    /// <summary>The rules this kernel's partitions follow (the protection driver's; 32-byte granules without one).</summary>
    public PartitionRules PartitionRules => _driver is null ? Bora.Kernel.AppMemory.PartitionRules.Unprotected : Bora.Kernel.AppMemory.PartitionRules.For(_driver);

    /// <summary>
    /// Links <paramref name="image"/>: lays its partitions out in the app-partition area in the least wasteful order
    /// (<see cref="PlacementOrder.Optimised"/>) and defines each as a <c>K_MEM_PARTITION_P_RW_U_RW</c> partition.
    /// Boot then initialises them. Once per kernel, before <see cref="Boot"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already booted or already linked, or the area is too small.</exception>
    public AppMemoryMap LoadAppMemory(AppMemoryImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureHostAccess(nameof(LoadAppMemory));
        if (_booted || _appMemory is not null)
        {
            throw new InvalidOperationException(_booted
                ? "LoadAppMemory must be called before Boot: app memory is laid out at link time"
                : "this kernel already has app memory; link every assembly into one AppMemoryImage");
        }

        MemoryArea area = Layout.AppPartitions;
        AppMemoryPlan plan = AppMemoryLayout.Plan(image, PartitionRules, area.Start + area.Used, PlacementOrder.Optimised);
        _appMemory = new AppMemoryMap(image, plan, p =>
        {
            // The base's lowest set bit: at least the block's alignment, so the bump allocator lands on the planned base.
            uint alignment = p.Base == 0 ? 1u << 31 : p.Base & (~p.Base + 1);
            MemoryArea reserved = Layout.ReservePartition(p.Name, p.Size, alignment);
            if (reserved.Start != p.Base)
            {
                throw new InvalidOperationException($"partition '{p.Name}' was planned at 0x{p.Base:X8} but reserved at 0x{reserved.Start:X8}");
            }

            return _domains is null
                ? new MemPartition(p.Name, p.Base, p.Size, PartitionPermissions.P_RW_U_RW)
                : _domains.Define(p.Name, p.Base, p.Size, PartitionPermissions.P_RW_U_RW);
        });
        return _appMemory;
    }

    /// <summary>
    /// Boot's app-memory step (<c>app_shmem_bss_zero</c> and the ROM-to-RAM data copy): every block zeroed, data
    /// copied in, over whatever the memory held; then <c>z_libc_partition</c> and <c>z_malloc_partition</c> join
    /// <c>k_mem_domain_default</c> (<c>init_mem_domain_module</c>, <c>malloc_prepare</c>).
    /// </summary>
    private void BootAppMemory()
    {
        if (_appMemory is null)
        {
            return;
        }

        PhysicalMemory memory = Machine.Bus.Memory;
        foreach (PartitionPlacement p in _appMemory.Plan.Partitions)
        {
            memory.Fill(p.Base, p.Size, 0);
            foreach (GlobalPlacement g in p.Globals.Where(g => !g.IsBss))
            {
                memory.Write(p.Base + g.Offset, g.Global.Declaration.Initial);
            }
        }

        if (_domains is null)
        {
            return;
        }

        foreach (string name in new[] { LibcPartitionName, MallocPartitionName })
        {
            if (_appMemory.Find(name) is { } partition)
            {
                int rc = _domains.AddPartition(_domains.Default, partition);
                if (rc != 0)
                {
                    throw new InvalidOperationException($"{name} could not join k_mem_domain_default on {_driver!.Arch} ({rc}): the default domain has {_domains.MaxPartitions} partition slots");
                }
            }
        }
    }
}
