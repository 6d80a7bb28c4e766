using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary>Kconfig of Zephyr's x86 MMU driver (per-domain page tables, KPTI off).</summary>
public sealed class X86MmuDriverOptions
{
    /// <summary><c>CONFIG_MAX_DOMAIN_PARTITIONS</c>: what <c>arch_mem_domain_max_partitions_get</c> returns; must not exceed the kernel's.</summary>
    public int MaxDomainPartitions { get; set; } = 16;

    /// <summary>
    /// <c>CONFIG_X86_MAX_ADDITIONAL_MEM_DOMAINS</c>: page-table sets in the pool for domains other than the
    /// default one (which uses the kernel tables); <c>k_mem_domain_init</c> fails with <c>-ENOMEM</c> beyond it.
    /// </summary>
    public int MaxAdditionalDomains { get; set; } = 8;

    /// <summary>
    /// Physical base of the page-table pool (kernel tables first, then one set per additional domain), page
    /// aligned and in RAM. By default the pool takes the last pages of <see cref="BootMemoryLayout.KernelRam"/>,
    /// where Zephyr's linker puts <c>z_x86_kernel_ptables</c> and the copy pool (kernel data, supervisor-only).
    /// </summary>
    public uint? PageTablePoolBase { get; set; }

    /// <summary>
    /// The interrupt stack buffer (<c>z_interrupt_stacks[0]</c>, <c>CONFIG_ISR_STACK_SIZE</c>), for the ISR
    /// branch of <c>z_x86_check_stack_bounds</c>; the HAL views do not carry it.
    /// </summary>
    public AddressRange? InterruptStack { get; set; }

    /// <summary>
    /// <c>CONFIG_HW_STACK_PROTECTION</c>: the first page of every thread's stack object is mapped as a guard
    /// (present, read-only, not executable) in every page-table set. Off, the page stays mapped like the kernel RAM
    /// around it: Bora keeps it in the stack object's header (Zephyr's header drops it, saving the page).
    /// </summary>
    public bool StackGuard { get; set; } = true;
}
