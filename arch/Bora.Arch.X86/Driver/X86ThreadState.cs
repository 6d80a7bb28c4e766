namespace Bora.Arch.X86.Driver;

/// <summary>The driver's part of a thread (<c>struct _thread_arch</c>): its page tables and its stack guard page.</summary>
internal sealed class X86ThreadState(uint guardPage)
{
    /// <summary>First page of the stack object, kept supervisor read-only in every table set.</summary>
    public uint GuardPage { get; } = guardPage;

    /// <summary><c>thread->arch.ptables</c>: null until the first <c>arch_mem_domain_thread_add</c>.</summary>
    public X86PageTableSet? Tables { get; set; }

    /// <summary>Whether the guard is still applied (released when the thread dies).</summary>
    public bool GuardActive { get; set; } = true;
}
