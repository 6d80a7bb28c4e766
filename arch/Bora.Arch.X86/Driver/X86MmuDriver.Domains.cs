using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary>The synchronous memory-domain hooks, the context-switch CR3 update and user-mode entry.</summary>
public sealed partial class X86MmuDriver
{
    /// <summary>The stack-buffer grant of <c>set_stack_perms</c>: <c>MMU_P | MMU_XD | MMU_RW | MMU_US</c>.</summary>
    private ulong StackAttr => PageEntry.RW | PageEntry.US | (Pae ? PageEntry.XD : 0);

    /// <inheritdoc/>
    /// <remarks>
    /// The default domain uses the kernel tables (no KPTI). Any other domain takes a set from the pool
    /// (<c>-ENOMEM</c> when none is left) and gets <c>copy_page_table</c>'s copy of the kernel tables, every PTE's
    /// permissions reset to their boot backups; the stack guards are then re-applied (Bora: Zephyr's copy loses
    /// the guards of threads created before the domain).
    /// </remarks>
    public int DomainInit(DomainMemoryView domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        X86PageTablePool pool = Pool;
        if (domain.IsDefault)
        {
            domain.ArchData = pool.Kernel;
            pool.Kernel.Domain = domain;
            return 0;
        }

        if (domain.ArchData is X86PageTableSet stale)
        {
            // Initialised again without a deinit: reuse its set rather than leak it.
            ReleaseSet(stale);
        }

        X86PageTableSet? set = pool.Take();
        if (set is null)
        {
            domain.ArchData = null;
            return -ENoMem;
        }

        CopyKernelTables(set);
        set.Domain = domain;
        domain.ArchData = set;
        foreach ((uint guard, _) in _guards)
        {
            ApplyGuard(set, guard);
        }

        return 0;
    }

    /// <inheritdoc/>
    /// <remarks>Returns the domain's set to the pool; if its tables are still loaded, CR3 goes back to the kernel tables first.</remarks>
    public int DomainDeinit(DomainMemoryView domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (domain.IsDefault || domain.ArchData is not X86PageTableSet set)
        {
            return 0;
        }

        ReleaseSet(set);
        domain.ArchData = null;
        return 0;
    }

    /// <inheritdoc/>
    /// <remarks><c>apply_region(domain tables, start, size, attr | MMU_P)</c> with <c>MASK_PERM</c>: <c>-EINVAL</c> for a size that is not a page multiple.</remarks>
    public int PartitionAdd(DomainMemoryView domain, int slot)
    {
        ArgumentNullException.ThrowIfNull(domain);
        MemoryPartition partition = domain.Slots[slot];
        if (!Supports(partition.Permissions))
        {
            return -EInval;
        }

        return UpdateRegion(SetOf(domain), partition.Start, partition.Size, X86PartitionAttributes.Encode(partition.Permissions, Pae), reset: false);
    }

    /// <inheritdoc/>
    /// <remarks><c>reset_region</c>: the partition's pages get their boot permissions back from bits 9/10/11.</remarks>
    public int PartitionRemove(DomainMemoryView domain, int slot)
    {
        ArgumentNullException.ThrowIfNull(domain);
        MemoryPartition partition = domain.Slots[slot];
        return UpdateRegion(SetOf(domain), partition.Start, partition.Size, 0, reset: true);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The first call for a thread is its creation (<c>z_mem_domain_init_thread</c>, after <c>arch_new_thread</c>):
    /// the driver sets its stack guard then. A migration (<c>ptables</c> already set and <c>K_USER</c>) grants the
    /// stack buffer in the new tables and resets it in the old ones; the current thread's CR3 is reloaded at once.
    /// </remarks>
    public int ThreadAdd(ThreadMemoryView thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        X86PageTableSet next = SetOf(thread.Domain);
        if (thread.ArchData is not X86ThreadState state)
        {
            state = new X86ThreadState(GuardPageOf(thread));
            thread.ArchData = state;
            if (_options.StackGuard)
            {
                SetStackGuard(state.GuardPage, $"stack guard of '{thread.Name}'");
            }
            else
            {
                state.GuardActive = false;
            }
        }

        X86PageTableSet? old = state.Tables;
        bool migration = old is not null && thread.IsUser;
        if (migration)
        {
            SetStackPerms(thread, next);
        }

        state.Tables = next;
        int ret = 0;
        if (migration)
        {
            ret = ResetStack(thread, old!);
        }

        if (thread == _current && next.Root != Cr3)
        {
            LoadCr3(next.Root);
        }

        return ret;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Zephyr: nothing for a supervisor thread or a migration (the add does it); a dead user thread's stack
    /// buffer is reset in its domain's tables. Bora also releases a dead thread's guard page in every table set
    /// (Zephyr never does, #29499).
    /// </remarks>
    public int ThreadRemove(ThreadMemoryView thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (thread.IsDead && thread.ArchData is X86ThreadState { GuardActive: true } state)
        {
            ReleaseStackGuard(state.GuardPage);
            state.GuardActive = false;
        }

        if (!thread.IsUser || !thread.IsDead)
        {
            return 0;
        }

        return ResetStack(thread, SetOf(thread.Domain));
    }

    /// <inheritdoc/>
    /// <remarks><c>z_x86_swap_update_page_tables</c>: CR3 = the incoming thread's tables, loaded only if it differs.</remarks>
    public void SwitchIn(ThreadMemoryView incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        X86PageTableSet tables = TablesOf(incoming);
        _current = incoming;
        if (tables.Root != Cr3)
        {
            LoadCr3(tables.Root);
        }
    }

    /// <inheritdoc/>
    /// <remarks><c>z_x86_current_stack_perms</c> (after the kernel erased the buffer): the thread is current, its tables are loaded, and its stack buffer becomes P|RW|US|XD there.</remarks>
    public void UserModeEnter(ThreadMemoryView thread)
    {
        SwitchIn(thread);
        SetStackPerms(thread, TablesOf(thread));
    }

    private X86PageTableSet SetOf(DomainMemoryView domain) =>
        domain.ArchData as X86PageTableSet
        ?? throw new InvalidOperationException($"{Arch}: domain '{domain.Name}' has no page tables: it was never initialised (k_mem_domain_init) or was deinitialised");

    private X86PageTableSet TablesOf(ThreadMemoryView thread) =>
        (thread.ArchData as X86ThreadState)?.Tables
        ?? throw new InvalidOperationException($"{Arch}: thread '{thread.Name}' has no page tables: the kernel must call ThreadAdd (z_mem_domain_init_thread) when it creates a thread");

    private void SetStackPerms(ThreadMemoryView thread, X86PageTableSet set)
    {
        // set_stack_perms ignores apply_region's result, as Zephyr does.
        _ = UpdateRegion(set, thread.StackStart, thread.StackSize, StackAttr, reset: false);
        set.StackGrants[thread.Id] = (thread.StackStart, thread.StackSize, $"user stack of '{thread.Name}'");
    }

    private int ResetStack(ThreadMemoryView thread, X86PageTableSet set)
    {
        set.StackGrants.Remove(thread.Id);
        return UpdateRegion(set, thread.StackStart, thread.StackSize, 0, reset: true);
    }

    private void ReleaseSet(X86PageTableSet set)
    {
        if (set.Root == Cr3)
        {
            LoadCr3(Pool.Kernel.Root);
        }

        Pool.Return(set);
    }

    /// <summary><c>copy_page_table</c>: the same structure, every PTE <c>reset_pte</c>'d (PAE PDPTEs P only).</summary>
    private void CopyKernelTables(X86PageTableSet destination)
    {
        X86PageTableSet kernel = Pool.Kernel;
        int size = kernel.EntrySize;
        for (ulong linear = 0; linear < 1UL << 32; linear += kernel.PageTableScope)
        {
            if (!kernel.TryPteAddress((uint)linear, out ulong source))
            {
                continue;
            }

            ulong target = destination.CreatePageTable((uint)linear);
            for (int i = 0; i < kernel.EntriesPerTable; i++)
            {
                ulong offset = (ulong)(i * size);
                destination.Write(target + offset, ZephyrPte.Reset(kernel.Read(source + offset), Pae));
            }
        }
    }
}
