using Bora.Hal;
using Serilog;

namespace Bora.Kernel.Memory;

/// <summary>
/// Memory domains and partitions (<c>kernel/mem_domain.c</c>): Zephyr's API with its exact check order
/// and return codes, calling the protection driver's hooks where Zephyr calls the arch's. Supervisor
/// only; every method runs under the kernel's baton, as Zephyr's run under <c>z_mem_domain_lock</c>.
/// </summary>
/// <remarks>
/// Bora differs from upstream where upstream has a known bug (docs/memory-domains.md): the overlap
/// check scans every occupied slot (not only indices below <c>num_partitions</c>), removing a
/// zero-size partition is <c>-EINVAL</c>, and a partition the arch cannot express or align is refused
/// at add time (Zephyr refuses it at build time).
/// </remarks>
public sealed class MemoryDomainManager
{
    private readonly IProtectionDriver _driver;
    private readonly MemoryDomainOptions _options;
    private readonly RegionBudgetLog _budgetLog;
    private readonly bool _synchronous;
    private readonly Dictionary<int, MemoryDomain> _domains = [];
    private int _nextDomainId;

    /// <summary>
    /// Creates the manager and <c>k_mem_domain_default</c> (<c>init_mem_domain_module</c>): reads the arch's
    /// partition limit once and checks it against <see cref="MemoryDomainOptions.MaxDomainPartitions"/>.
    /// </summary>
    /// <param name="driver">The arch's protection driver.</param>
    /// <param name="options">Kconfig; defaults when <see langword="null"/>.</param>
    /// <param name="log">Where refusals for lack of regions or slots are logged (Warning); none when <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The arch allows more partitions than the slot array holds.</exception>
    public MemoryDomainManager(IProtectionDriver driver, MemoryDomainOptions? options = null, ILogger? log = null)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _options = options ?? new MemoryDomainOptions();
        _budgetLog = new RegionBudgetLog(driver, log);
        _synchronous = driver.Capabilities.SynchronousDomainApi;
        MaxPartitions = driver.MaxPartitionsPerDomain;
        if (MaxPartitions < 0 || MaxPartitions > _options.MaxDomainPartitions)
        {
            throw new InvalidOperationException(
                $"the {driver.Arch} driver allows {MaxPartitions} partitions per domain but CONFIG_MAX_DOMAIN_PARTITIONS is {_options.MaxDomainPartitions}: raise MemoryDomainOptions.MaxDomainPartitions");
        }

        Default = CreateDomain("k_mem_domain_default", isDefault: true);
        int rc = Init(Default, 0, null);
        if (rc != 0)
        {
            throw new InvalidOperationException($"k_mem_domain_default could not be initialised on {driver.Arch}: {rc}");
        }
    }

    /// <summary><c>k_mem_domain_default</c>: main and every thread not moved elsewhere belong to it.</summary>
    public MemoryDomain Default { get; }

    /// <summary><c>max_partitions</c>, read once from the arch.</summary>
    public int MaxPartitions { get; }

    /// <summary>Every domain this manager created, initialised or not, in creation order.</summary>
    public IEnumerable<MemoryDomain> All => _domains.Values.OrderBy(d => d.View.Id);

    /// <summary>The driver the hooks go to.</summary>
    public IProtectionDriver Driver => _driver;

    /// <summary>
    /// <c>K_MEM_PARTITION_DEFINE</c>: checks what Zephyr checks at build time — the attribute exists on this
    /// arch and the size/alignment rules hold — and throws when they do not, as the build would fail.
    /// </summary>
    /// <exception cref="ArgumentException">The partition cannot exist on this arch; the message says why.</exception>
    public MemPartition Define(string name, uint start, uint size, PartitionPermissions permissions)
    {
        var partition = new MemPartition(name, start, size, permissions);
        if (!_driver.Supports(permissions))
        {
            throw new ArgumentException($"partition '{name}': {permissions} has no encoding on {_driver.Arch} (Zephyr does not define that K_MEM_PARTITION_* attribute there)", nameof(permissions));
        }

        if (size == 0 || (ulong)start + size >= (1UL << 32) || _driver.ValidatePartition(partition.Value) != 0)
        {
            throw new ArgumentException($"partition '{name}' {partition.Value} breaks {_driver.Arch}'s size/alignment rules ({Rules()})", nameof(size));
        }

        return partition;
    }

    /// <summary>Creates an uninitialised domain object (<c>struct k_mem_domain</c> storage).</summary>
    public MemoryDomain CreateDomain(string name) => CreateDomain(name, isDefault: false);

    /// <summary>
    /// <c>k_mem_domain_init</c>: 0; <c>-EINVAL</c> for a null domain, a null partition array with a non-zero
    /// count, too many partitions, or a partition <c>check_add_partition</c> refuses (slots before it stay
    /// filled); <c>-ENOMEM</c> when the arch cannot set the domain up. With the synchronous API an arch
    /// error on one partition is returned after the loop finishes.
    /// </summary>
    public int Init(MemoryDomain? domain, int numParts, IReadOnlyList<MemPartition?>? parts)
    {
        if (domain is null || (numParts != 0 && parts is null) || numParts < 0)
        {
            return -Errno.EInval;
        }

        if (numParts > MaxPartitions)
        {
            _budgetLog.Refused("k_mem_domain_init", domain, -Errno.EInval, Values(parts, numParts));
            return -Errno.EInval;
        }

        if (parts is not null && parts.Count < numParts)
        {
            throw new ArgumentException($"k_mem_domain_init: num_parts is {numParts} but the array holds {parts.Count} partitions", nameof(parts));
        }

        DomainMemoryView view = domain.View;
        Array.Clear(view.Slots);
        domain.ClearSlotNames();
        view.PartitionCount = 0;
        if (_driver.DomainInit(view) != 0)
        {
            return -Errno.ENoMem;
        }

        domain.IsInitialized = true;
        int ret = 0;
        for (int i = 0; i < numParts; i++)
        {
            MemPartition? part = parts![i];
            if (!CheckAddPartition(domain, part))
            {
                return -Errno.EInval;
            }

            view.Slots[i] = part!.Value;
            domain.NameSlot(i, part.Name);
            view.PartitionCount++;
            if (_synchronous)
            {
                int r = _driver.PartitionAdd(view, i);
                if (r != 0)
                {
                    ret = r;
                }
            }
        }

        return ret;
    }

    /// <summary>
    /// <c>k_mem_domain_add_partition</c>: 0; <c>-EINVAL</c> (null domain, or <c>check_add_partition</c>
    /// refuses: null, W^X, size 0, wrap-around, overlap, unsupported or misaligned for the arch);
    /// <c>-ENOSPC</c> when no slot is free; or the arch hook's error (the slot stays filled).
    /// </summary>
    public int AddPartition(MemoryDomain? domain, MemPartition? part)
    {
        if (domain is null || !CheckAddPartition(domain, part))
        {
            return -Errno.EInval;
        }

        DomainMemoryView view = domain.View;
        int slot = Array.FindIndex(view.Slots, 0, MaxPartitions, s => s.IsFree);
        if (slot < 0)
        {
            _budgetLog.Refused("k_mem_domain_add_partition", domain, -Errno.ENoSpc, [.. domain.Partitions.Select(p => p.Partition), part!.Value]);
            return -Errno.ENoSpc;
        }

        view.Slots[slot] = part!.Value;
        domain.NameSlot(slot, part.Name);
        view.PartitionCount++;
        return _synchronous ? _driver.PartitionAdd(view, slot) : 0;
    }

    /// <summary>
    /// <c>k_mem_domain_remove_partition</c>: 0; <c>-EINVAL</c> for a null domain or partition (or, unlike
    /// upstream, a zero-size one); <c>-ENOENT</c> when no slot has the same start and size (attributes are
    /// ignored); or the arch hook's error (the slot is cleared anyway).
    /// </summary>
    public int RemovePartition(MemoryDomain? domain, MemPartition? part)
    {
        if (domain is null || part is null || part.Size == 0)
        {
            return -Errno.EInval;
        }

        DomainMemoryView view = domain.View;
        int slot = Array.FindIndex(view.Slots, 0, MaxPartitions, s => !s.IsFree && s.Start == part.Start && s.Size == part.Size);
        if (slot < 0)
        {
            return -Errno.ENoEnt;
        }

        int ret = _synchronous ? _driver.PartitionRemove(view, slot) : 0;
        view.Slots[slot] = view.Slots[slot] with { Size = 0 };
        domain.NameSlot(slot, null);
        view.PartitionCount--;
        return ret;
    }

    /// <summary>
    /// <c>k_mem_domain_add_thread</c>: 0 at once when the thread is already a member; otherwise the thread
    /// leaves its old domain (the arch's remove hook sees the old domain) and joins the new one.
    /// </summary>
    /// <exception cref="ArgumentNullException">A null domain or thread (Zephyr asserts).</exception>
    /// <exception cref="InvalidOperationException">The domain was never initialised (Zephyr does not check and corrupts its list).</exception>
    public int AddThread(MemoryDomain domain, ThreadMemoryView thread)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(thread);
        RequireInitialized(domain);
        if (thread.Domain == domain.View)
        {
            return 0;
        }

        MemoryDomain old = DomainOf(thread);
        old.Leave(thread);
        int ret = _synchronous ? _driver.ThreadRemove(thread) : 0;
        if (ret == 0)
        {
            thread.Domain = domain.View;
            domain.Join(thread);
            ret = _synchronous ? _driver.ThreadAdd(thread) : 0;
        }

        if (ret == -Errno.ENoSpc)
        {
            _budgetLog.Refused("k_mem_domain_add_thread", domain, ret, [.. domain.Partitions.Select(p => p.Partition)], thread.Name);
        }

        return ret;
    }

    /// <summary>
    /// <c>k_mem_domain_deinit</c> (the fork API the issue asks for): 0; <c>-EINVAL</c> for a null or the
    /// default domain; <c>-EBUSY</c> while threads belong to it; <c>-ENOMEM</c> when the arch cannot release it.
    /// </summary>
    public int Deinit(MemoryDomain? domain)
    {
        if (domain is null || domain == Default)
        {
            return -Errno.EInval;
        }

        if (domain.Threads.Count != 0)
        {
            return -Errno.EBusy;
        }

        if (domain.IsInitialized && _driver.DomainDeinit(domain.View) != 0)
        {
            return -Errno.ENoMem;
        }

        Array.Clear(domain.View.Slots);
        domain.ClearSlotNames();
        domain.View.PartitionCount = 0;
        domain.IsInitialized = false;
        return 0;
    }

    /// <summary>
    /// <c>z_mem_domain_init_thread</c>: a new thread joins its creator's domain (or the default domain
    /// when created by the host/boot) and the arch's add hook runs.
    /// </summary>
    public int InitThread(ThreadMemoryView thread, ThreadMemoryView? creator)
    {
        ArgumentNullException.ThrowIfNull(thread);
        MemoryDomain domain = creator is null ? Default : DomainOf(creator);
        thread.Domain = domain.View;
        domain.Join(thread);
        return _synchronous ? _driver.ThreadAdd(thread) : 0;
    }

    /// <summary><c>z_mem_domain_exit_thread</c>: the dead thread leaves its domain; the arch's remove hook sees it dead.</summary>
    public int ExitThread(ThreadMemoryView thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        MemoryDomain domain = DomainOf(thread);
        domain.Leave(thread);
        return _synchronous ? _driver.ThreadRemove(thread) : 0;
    }

    /// <summary>How <paramref name="partitions"/> would fit one domain on this arch (the driver's <see cref="IProtectionDriver.Budget"/>).</summary>
    public RegionBudget Budget(IEnumerable<MemoryPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return _driver.Budget([.. partitions]);
    }

    /// <summary>The domain object behind a thread's view.</summary>
    public MemoryDomain DomainOf(ThreadMemoryView thread) =>
        _domains.TryGetValue(thread.Domain.Id, out MemoryDomain? domain)
            ? domain
            : throw new InvalidOperationException($"thread '{thread.Name}' belongs to a domain this kernel did not create");

    private MemoryDomain CreateDomain(string name, bool isDefault)
    {
        var domain = new MemoryDomain(new DomainMemoryView(_nextDomainId++, name, MaxPartitions, isDefault));
        _domains.Add(domain.View.Id, domain);
        return domain;
    }

    /// <summary><c>check_add_partition</c>, scanning every occupied slot for overlap, plus the arch's rules.</summary>
    private bool CheckAddPartition(MemoryDomain domain, MemPartition? part)
    {
        if (part is null)
        {
            return false;
        }

        MemoryPartition value = part.Value;
        bool writable = (value.Permissions & (PartitionPermissions.UserWrite | PartitionPermissions.SupervisorWrite)) != 0;
        bool executable = (value.Permissions & (PartitionPermissions.UserExecute | PartitionPermissions.SupervisorExecute)) != 0;
        if (_options.ExecuteXorWrite && writable && executable)
        {
            return false;
        }

        // start + size <= start in 32-bit arithmetic: a partition may not wrap, nor end exactly at 4 GiB.
        if (value.Size == 0 || value.End >= (1UL << 32))
        {
            return false;
        }

        if (!_driver.Supports(value.Permissions) || _driver.ValidatePartition(value) != 0)
        {
            return false;
        }

        foreach ((_, MemoryPartition existing) in domain.View.Occupied())
        {
            if (existing.Overlaps(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first <paramref name="count"/> partitions of <c>k_mem_domain_init</c>'s array that are not null.</summary>
    private static List<MemoryPartition> Values(IReadOnlyList<MemPartition?>? parts, int count) =>
        parts is null ? [] : [.. parts.Take(count).OfType<MemPartition>().Select(p => p.Value)];

    private static void RequireInitialized(MemoryDomain domain)
    {
        if (!domain.IsInitialized)
        {
            throw new InvalidOperationException($"{domain} was never initialised: call k_mem_domain_init first");
        }
    }

    private string Rules()
    {
        ProtectionCapabilities c = _driver.Capabilities;
        return c.PowerOfTwoRegions
            ? $"power-of-two size of at least {c.MinimumRegionSize} bytes, base aligned to the size"
            : $"size and base multiples of {c.MinimumRegionSize} bytes";
    }
}
