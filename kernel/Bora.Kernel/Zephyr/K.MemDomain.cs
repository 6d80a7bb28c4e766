namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled memory-domain and user-mode API (<c>kernel/mem_domain.c</c>, <c>k_thread_user_mode_enter</c>).</summary>
public static partial class K
{
    /// <summary><c>K_MEM_PARTITION_DEFINE</c>: throws <see cref="ArgumentException"/> where Zephyr's build would fail.</summary>
    public static MemPartition K_MEM_PARTITION_DEFINE(string name, uint start, uint size, PartitionPermissions attr)
    {
        KernelContext c = Ctx();
        return c.Kernel.DomainsFor(c.Thread, nameof(K_MEM_PARTITION_DEFINE)).Define(name, start, size, attr);
    }

    /// <summary><c>k_mem_domain_default</c>.</summary>
    public static MemoryDomain k_mem_domain_default
    {
        get
        {
            KernelContext c = Ctx();
            return c.Kernel.DomainsFor(c.Thread, nameof(k_mem_domain_default)).Default;
        }
    }

    /// <summary>A <c>struct k_mem_domain</c> (uninitialised: call <see cref="k_mem_domain_init"/>).</summary>
    public static MemoryDomain K_MEM_DOMAIN(string name)
    {
        KernelContext c = Ctx();
        return c.Kernel.DomainsFor(c.Thread, nameof(K_MEM_DOMAIN)).CreateDomain(name);
    }

    /// <summary><c>k_mem_domain_init</c>: 0, -EINVAL or -ENOMEM.</summary>
    public static int k_mem_domain_init(MemoryDomain? domain, byte num_parts, MemPartition?[]? parts)
    {
        KernelContext c = Ctx();
        return c.Kernel.DomainsFor(c.Thread, nameof(k_mem_domain_init)).Init(domain, num_parts, parts);
    }

    /// <summary><c>k_mem_domain_add_partition</c> (MPU backends: in force for a running member at its next switch-in; x86: at once): 0, -EINVAL, -ENOSPC or the arch's error.</summary>
    public static int k_mem_domain_add_partition(MemoryDomain? domain, MemPartition? part)
    {
        KernelContext c = Ctx();
        return c.Kernel.DomainsFor(c.Thread, nameof(k_mem_domain_add_partition)).AddPartition(domain, part);
    }

    /// <summary><c>k_mem_domain_remove_partition</c>: 0, -EINVAL, -ENOENT or the arch's error.</summary>
    public static int k_mem_domain_remove_partition(MemoryDomain? domain, MemPartition? part)
    {
        KernelContext c = Ctx();
        return c.Kernel.DomainsFor(c.Thread, nameof(k_mem_domain_remove_partition)).RemovePartition(domain, part);
    }

    /// <summary><c>k_mem_domain_add_thread</c>: 0 or the arch's error.</summary>
    public static int k_mem_domain_add_thread(MemoryDomain domain, ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.DomainsFor(c.Thread, nameof(k_mem_domain_add_thread));
        return c.Kernel.AddThreadToDomain(domain, thread);
    }

    /// <summary><c>k_mem_domain_deinit</c> (fork API): 0, -EINVAL, -EBUSY or -ENOMEM.</summary>
    public static int k_mem_domain_deinit(MemoryDomain? domain)
    {
        KernelContext c = Ctx();
        return c.Kernel.DomainsFor(c.Thread, nameof(k_mem_domain_deinit)).Deinit(domain);
    }

    /// <summary><c>k_thread_user_mode_enter</c>: drops the calling supervisor thread to user mode for good and runs <paramref name="entry"/>. Never returns.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void k_thread_user_mode_enter(ThreadEntry entry, uint p1, uint p2, uint p3)
    {
        KernelContext c = Ctx();
        c.Kernel.UserModeEnter(c.Thread, entry, p1, p2, p3);
    }
}
