namespace Bora.Hal;

/// <summary>
/// Zephyr's arch memory-protection layer for one backend (<c>arch/*/core/mpu</c>, <c>x86_mmu.c</c>): the
/// userspace part of the arch interface of zephyr-userspace-spec §3 in C# form. A driver programs its
/// protection model only through register writes and page-table memory, never through model setters,
/// and knows nothing of kernel objects: it sees threads and domains through HAL views.
/// </summary>
/// <remarks>Every method runs under the kernel's baton (as Zephyr's run under <c>z_mem_domain_lock</c>).</remarks>
public interface IProtectionDriver
{
    /// <summary>The backend variant.</summary>
    ArchId Arch { get; }

    /// <summary>What the backend can do.</summary>
    ProtectionCapabilities Capabilities { get; }

    /// <summary>How stack objects are laid out (guard, privilege stack, alignment, rounding).</summary>
    StackGeometry StackGeometry { get; }

    /// <summary><c>arch_mem_domain_max_partitions_get</c>: from the regions really left after boot.</summary>
    int MaxPartitionsPerDomain { get; }

    /// <summary>Programs the boot configuration: supervisor background, user RX text, user R rodata, extra regions.</summary>
    void Boot(BootMemoryLayout layout);

    /// <summary>Whether the hardware can express <paramref name="permissions"/> (Zephyr: whether the attribute macro exists).</summary>
    bool Supports(PartitionPermissions permissions);

    /// <summary>Per-arch alignment and size rules (<c>_ARCH_MEM_PARTITION_ALIGN_CHECK</c>): 0, or <c>-EINVAL</c>.</summary>
    int ValidatePartition(MemoryPartition partition);

    /// <summary><c>arch_mem_domain_init</c>: 0, or <c>-ENOMEM</c> (x86: no page tables left in the pool).</summary>
    int DomainInit(DomainMemoryView domain);

    /// <summary><c>arch_mem_domain_deinit</c>: releases what <see cref="DomainInit"/> took (x86: returns the tables to the pool); 0 or <c>-ENOMEM</c>.</summary>
    int DomainDeinit(DomainMemoryView domain);

    /// <summary><c>arch_mem_domain_partition_add</c> (synchronous API); MPU drivers return 0 and act at the next switch.</summary>
    int PartitionAdd(DomainMemoryView domain, int slot);

    /// <summary><c>arch_mem_domain_partition_remove</c>: the slot is still filled while this runs.</summary>
    int PartitionRemove(DomainMemoryView domain, int slot);

    /// <summary><c>arch_mem_domain_thread_add</c>: <see cref="ThreadMemoryView.Domain"/> is already the new domain.</summary>
    int ThreadAdd(ThreadMemoryView thread);

    /// <summary><c>arch_mem_domain_thread_remove</c>: <see cref="ThreadMemoryView.Domain"/> is still the old domain.</summary>
    int ThreadRemove(ThreadMemoryView thread);

    /// <summary>
    /// Reprograms the hardware for <paramref name="incoming"/> at a context switch (MPU dynamic regions,
    /// x86 CR3); does nothing when nothing changed since the last switch (same domain contents and thread).
    /// </summary>
    void SwitchIn(ThreadMemoryView incoming);

    /// <summary><c>arch_user_mode_enter</c>'s protection part: the stack buffer, already erased, becomes user-accessible.</summary>
    void UserModeEnter(ThreadMemoryView thread);

    /// <summary>
    /// <c>arch_buffer_validate</c> for the current thread in user mode: 0 only if the whole range is
    /// user-accessible (and writable when <paramref name="write"/>), else the arch's error; never a false
    /// success; overflow-safe.
    /// </summary>
    int BufferValidate(uint address, uint size, bool write);

    /// <summary><c>z_check_thread_stack_fail</c> and its arch wrapper: whether <paramref name="fault"/>, taken with SP at <paramref name="sp"/>, is a stack overflow of <paramref name="thread"/>.</summary>
    StackOverflowCheck CheckStackOverflow(FaultRecord fault, ThreadMemoryView thread, uint sp);

    /// <summary>The regions (or page ranges) in force now, for maps and fault reports.</summary>
    IReadOnlyList<RegionUse> ActiveRegions();

    /// <summary>How <paramref name="partitions"/> would fit one domain on this backend.</summary>
    RegionBudget Budget(IReadOnlyList<MemoryPartition> partitions);
}
