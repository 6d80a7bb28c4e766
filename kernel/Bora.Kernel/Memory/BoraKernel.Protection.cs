namespace Bora.Kernel;

/// <summary>
/// The protection driver in the kernel: boot programming, each thread's memory view and domain
/// membership, reprogramming at every switch-in, and user-mode entry (<c>k_thread_user_mode_enter</c>,
/// <c>K_USER</c> creation). See docs/memory-domains.md, "Integration".
/// </summary>
public sealed partial class BoraKernel
{
    /// <summary>Zephyr's <c>CONFIG_INIT_STACKS</c> pattern, written over a user stack buffer before first user entry.</summary>
    public const byte UserStackErasePattern = 0xAA;

    private IProtectionDriver? _driver;
    private MemoryDomainManager? _domains;

    /// <summary>The arch's protection driver, or <see langword="null"/> when the options give none.</summary>
    public IProtectionDriver? ProtectionDriver => _driver;

    /// <summary>How <see cref="StackFrame.Push"/> checks its stores (<see cref="KernelOptions.StackFrameStoreKind"/>).</summary>
    internal AccessKind StackFrameStoreKind => _options.StackFrameStoreKind;

    /// <summary>Memory domains (<c>kernel/mem_domain.c</c>).</summary>
    /// <exception cref="InvalidOperationException">The kernel has no protection driver.</exception>
    public MemoryDomainManager Domains => _domains
        ?? throw new InvalidOperationException("this kernel has no protection driver (KernelOptions.CreateProtectionDriver is unset), so it has no memory domains; boot on a board (KernelOptions.UseBoard)");

    /// <summary>Builds the driver; its stack geometry replaces the options' (stacks are laid out with it).</summary>
    private void CreateProtectionDriver()
    {
        if (_options.CreateProtectionDriver is not { } factory)
        {
            return;
        }

        _driver = factory(Machine, _gate.Inner);
        _options.StackGeometry = _driver.StackGeometry;
    }

    /// <summary>
    /// <c>z_arm_mpu_init</c> / <c>arc_mpu_init</c> / <c>z_x86_mmu_init</c>: programs the boot regions from the image
    /// layout, then creates <c>k_mem_domain_default</c> (<c>init_mem_domain_module</c>), which reads the arch's
    /// partition limit from the regions really left.
    /// </summary>
    private void BootProtection()
    {
        if (_driver is null)
        {
            return;
        }

        _driver.Boot(BootLayout(_driver.Capabilities.MinimumRegionSize));
        _domains = new MemoryDomainManager(_driver, _options.MemoryDomains, _log);
        if (!_options.Userspace)
        {
            _cpu.BypassProtection = true;
        }
    }

    /// <summary>
    /// The image as the boot regions see it: text (with the vector table), rodata and kernel RAM. Text and
    /// rodata are rounded out to the arch's smallest region (a page on x86), text growing over the boundary, as
    /// the linker's alignment of the ROM sections does.
    /// </summary>
    private BootMemoryLayout BootLayout(uint granule)
    {
        ulong Down(ulong a) => a / granule * granule;
        ulong Up(ulong a) => (a + granule - 1) / granule * granule;
        ulong textStart = Down(Layout.RomRange.Start);
        ulong textEnd = Up(Layout.Text.End);
        ulong rodataEnd = Math.Max(textEnd, Up(Layout.Rodata.End));
        return new BootMemoryLayout(
            new AddressRange(textStart, textEnd),
            new AddressRange(textEnd, rodataEnd),
            Layout.RamRange,
            _options.BootExtraRegions);
    }

    /// <summary>
    /// Creation's protection part: the thread's view over its stack object, then <c>z_mem_domain_init_thread</c>
    /// (the creator's domain, or the default one for host-created threads; x86 sets the stack guard here).
    /// </summary>
    private void InitThreadMemory(KThread? creator, KThread thread, ThreadStack stack)
    {
        if (_domains is null)
        {
            return;
        }

        var view = new ThreadMemoryView(thread.Id, thread.ThreadName, stack.Address, stack.Size, stack.BufferStart, stack.BufferSize, _domains.Default.View)
        {
            IsUser = false,
        };
        thread.MemoryView = view;
        ThreadMemoryView? parent = creator?.MemoryView is { IsDead: false } p ? p : null;
        int rc = _domains.InitThread(view, parent);
        if (rc != 0)
        {
            throw new InvalidOperationException($"the {_driver!.Arch} driver refused thread '{thread.ThreadName}' ({rc})");
        }
    }

    /// <summary><c>z_mem_domain_exit_thread</c>: the dead thread leaves its domain (x86 drops its guard and grants).</summary>
    private void ExitThreadMemory(KThread thread)
    {
        if (_domains is null || thread.MemoryView is not { IsDead: false } view)
        {
            return;
        }

        view.IsDead = true;
        _domains.ExitThread(view);
    }

    /// <summary>The swap path's protection part: MPU dynamic regions or CR3 for the incoming thread.</summary>
    private void SwitchInProtection(KThread next)
    {
        if (_driver is not null && _options.Userspace && next.MemoryView is { } view)
        {
            _driver.SwitchIn(view);
        }
    }
}
