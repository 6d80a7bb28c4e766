namespace Bora.Kernel;

/// <summary>
/// Memory-domain calls from kernel threads (<c>k_mem_domain_*</c>, <c>k_thread_user_mode_enter</c>): supervisor only,
/// as in Zephyr (they are not system calls). A user thread calling one oopses.
/// </summary>
public sealed partial class BoraKernel
{
    /// <summary>
    /// <c>k_mem_domain_add_thread</c> from the host or a supervisor thread: moves <paramref name="thread"/> (its current
    /// incarnation) into <paramref name="domain"/>. MPU backends reprogram at the thread's next switch-in (for the
    /// caller itself: its next switch back in, as Zephyr without the synchronous API); x86 reloads CR3 at once.
    /// </summary>
    /// <exception cref="ArgumentException">The handle is not a thread, or the thread was never created.</exception>
    public int AddThreadToDomain(MemoryDomain domain, ThreadHandle thread)
    {
        KThread t = GetThread(thread);
        ThreadMemoryView view = t.MemoryView ?? throw new ArgumentException($"thread '{t.ThreadName}' has not been created, so it belongs to no domain", nameof(thread));
        return Domains.AddThread(domain, view);
    }

    /// <summary>The domain <paramref name="thread"/>'s current incarnation belongs to.</summary>
    public MemoryDomain DomainOf(ThreadHandle thread)
    {
        KThread t = GetThread(thread);
        return Domains.DomainOf(t.MemoryView ?? throw new ArgumentException($"thread '{t.ThreadName}' has not been created", nameof(thread)));
    }

    /// <summary>Resolves the calling kernel thread for a supervisor-only domain API; oopses a user-mode caller.</summary>
    internal MemoryDomainManager DomainsFor(KThread caller, string api)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        if (_isrNesting == 0 && _cpu.State.Privilege == Privilege.User)
        {
            Fatal(caller, FatalReason.KernelOops, null, $"{api} is a supervisor-only kernel API (not a system call); a user thread cannot call it");
        }

        return Domains;
    }
}
