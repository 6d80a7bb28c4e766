using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.X86;

/// <summary>
/// The x86 paging hardware of one ia32 processor: CR0, CR2, CR3, CR4 and IA32_EFER, the page walk over
/// paging structures in simulated RAM (32-bit paging with PSE and PSE-36, PAE paging with XD), the
/// accessed and dirty bits, the #PF error code and CR2, and a TLB with the architecture's invalidation
/// rules. It decodes only registers and table memory; it knows nothing of threads or domains.
/// </summary>
/// <remarks>
/// <see cref="Decide"/> consults the TLB first and walks only on a miss, so a page-table write the
/// driver does not follow with INVLPG or a CR3 load leaves the old permission in force, exactly as on
/// silicon. Registers are reached through <see cref="ISystemRegisters"/> with the numbers of
/// <see cref="X86SystemRegister"/>; INVLPG through <see cref="Invlpg"/>.
/// </remarks>
public sealed partial class X86Mmu : IProtectionModel
{
    private const uint PageMask = 0xFFF;

    private readonly SystemBus _bus;
    private readonly X86Tlb _tlb = new();
    private readonly List<InvalidProgramming> _invalidProgramming = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private Action? _invalidateDecisions;
    private bool _alignmentCheck;

    /// <summary>Creates the paging hardware of a processor on <paramref name="bus"/>, at reset (paging off).</summary>
    /// <exception cref="ArgumentOutOfRangeException">MAXPHYADDR is outside 32..52.</exception>
    public X86Mmu(SystemBus bus, X86MmuOptions? options = null)
    {
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        options ??= new X86MmuOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPhysicalAddressBits, 32, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxPhysicalAddressBits, 52, nameof(options));
        MaxPhysicalAddressBits = options.MaxPhysicalAddressBits;
        Arch = X86Arch.For(options.Mode);
        _physicalAddressMask = ((1UL << MaxPhysicalAddressBits) - 1) & ~(ulong)PageMask;
        _reservedAddressBits = ~((1UL << MaxPhysicalAddressBits) - 1) & ~PageEntry.XD;
        _pse36Reserved = Pse36ReservedBits(MaxPhysicalAddressBits);
    }

    /// <inheritdoc/>
    public ArchId Arch { get; }

    /// <summary>MAXPHYADDR of the modelled processor.</summary>
    public int MaxPhysicalAddressBits { get; }

    /// <summary>The paging mode CR0.PG and CR4.PAE select now.</summary>
    public X86PagingMode PagingMode { get; private set; }

    /// <summary>The error code of the last page fault raised (what exception entry pushes), if any.</summary>
    public PageFaultErrorCode? LastErrorCode { get; private set; }

    /// <summary>Number of translations the TLB holds (for diagnostics and tests).</summary>
    public int TlbEntries => _tlb.Count;

    /// <summary>
    /// EFLAGS.AC as the paging unit sees it: with CR4.SMAP set, explicit supervisor data accesses to
    /// user pages are allowed only while it is set (STAC/CLAC). Changing it drops the CPU's cached
    /// decisions but not the TLB (which caches rights, not decisions).
    /// </summary>
    public bool AlignmentCheck
    {
        get => _alignmentCheck;
        set
        {
            if (_alignmentCheck != value)
            {
                _alignmentCheck = value;
                _invalidateDecisions?.Invoke();
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<InvalidProgramming> InvalidProgramming => _invalidProgramming;

    /// <inheritdoc/>
    public void AttachDecisionCache(Action invalidate) => _invalidateDecisions = invalidate;

    /// <inheritdoc/>
    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
    {
        if (PagingMode == X86PagingMode.Disabled)
        {
            return AccessDecision.Allow(0, uint.MaxValue);
        }

        var access = new PageAccess(kind, privilege);
        if (_tlb.TryLookup(address, out X86Translation cached))
        {
            if (!Permits(cached, access))
            {
                // A stale or restrictive cached entry faults without a walk (a "spurious" #PF, SDM §4.10.4.3).
                return DenyPage(address, PageFaultErrorCode.P | ErrorBits(access));
            }

            if (!access.Write || cached.Dirty)
            {
                return Allow(cached);
            }

            // A write through an entry cached clean walks again to set D, as QEMU's TLB does.
            _tlb.Invalidate(address);
        }

        return Walk(address, access);
    }

    /// <inheritdoc/>
    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision)
    {
        var errorCode = (PageFaultErrorCode)decision.Detail;
        Cr2 = faultingAddress;
        LastErrorCode = errorCode;

        // A #PF invalidates the TLB entries for the faulting page (SDM §4.10.4.1).
        _tlb.Invalidate(faultingAddress);
        _invalidateDecisions?.Invoke();
        return new X86FaultRecord(Arch, access, faultingAddress, errorCode, _cr3);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A PC answers an access to an unassigned physical address without an exception; Bora's bus reports
    /// it, and the model turns it into a machine check (#MC) so that a stray physical access is loud.
    /// </remarks>
    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress) =>
        new(Arch, "#MC", X86Vector.MachineCheck, FaultClass.Bus, access, faultingAddress,
            [new StatusRegister("LinearAddress", faultingAddress, "no physical memory answers")]);

    /// <inheritdoc/>
    /// <remarks>x86 latches only CR2 (the error code is pushed, not held): this zeroes CR2, as a handler writing it would.</remarks>
    public void ClearFaultStatus()
    {
        Cr2 = 0;
        LastErrorCode = null;
    }

    /// <summary>INVLPG: drops every TLB entry for the page holding <paramref name="linear"/>, global ones included.</summary>
    public void Invlpg(uint linear)
    {
        _tlb.Invalidate(linear);
        _invalidateDecisions?.Invoke();
    }

    private static AccessDecision Allow(in X86Translation translation) =>
        AccessDecision.AllowTranslated(translation.LinearBase, translation.LinearEnd, translation.PhysicalBase);

    private static AccessDecision DenyPage(uint address, PageFaultErrorCode errorCode) =>
        AccessDecision.Deny(address & ~PageMask, address | PageMask, (int)errorCode);

    private bool Permits(in X86Translation translation, in PageAccess access)
    {
        if (access.User)
        {
            return translation.User && (!access.Write || translation.Writable) && !(access.Fetch && translation.ExecuteDisable);
        }

        if (access.Fetch)
        {
            return !(translation.User && (_cr4 & Cr4.SMEP) != 0) && !translation.ExecuteDisable;
        }

        if (translation.User && (_cr4 & Cr4.SMAP) != 0 && !_alignmentCheck)
        {
            return false;
        }

        return !access.Write || translation.Writable || (_cr0 & Cr0.WP) == 0;
    }

    private PageFaultErrorCode ErrorBits(in PageAccess access)
    {
        PageFaultErrorCode bits = PageFaultErrorCode.None;
        if (access.Write)
        {
            bits |= PageFaultErrorCode.W;
        }

        if (access.User)
        {
            bits |= PageFaultErrorCode.U;
        }

        // I/D is reported only when execute-disable is in force (PAE with NXE) or SMEP is on (SDM §4.7).
        if (access.Fetch && ((PagingMode == X86PagingMode.Pae && Nxe) || (_cr4 & Cr4.SMEP) != 0))
        {
            bits |= PageFaultErrorCode.I;
        }

        return bits;
    }

    private void Report(string register, string problem, string fallback, bool once = false)
    {
        var entry = new InvalidProgramming(register, problem, fallback);
        if (!once || _reported.Add(entry.ToString()))
        {
            _invalidProgramming.Add(entry);
        }
    }
}
