using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// Zephyr's ARC MPU driver (<c>arch/arc/core/mpu</c>: <c>arc_mpu_common_internal.h</c> with
/// <c>arc_mpu_v2_internal.h</c>, and <c>arc_mpu_v4_internal.h</c> with or without gap filling) for MPU v2 and v4:
/// the boot (static) regions, the per-thread regions <c>configure_mpu_thread</c> programs, the partition
/// limit, <c>arch_buffer_validate</c>, the hardware stack-checking bounds and the stack-overflow
/// classification. It reaches the MPU only through SRs to auxiliary registers (arch-spec §3.6).
/// </summary>
public sealed class ArcMpuDriver : IProtectionDriver
{
    private const int EPerm = -1;
    private const int EInval = -22;

    private readonly Cpu _cpu;
    private readonly ArcMpuRegisters _registers;
    private readonly ArcRegionRequest?[] _programmed;
    private readonly ArcRegionRequest?[] _boot;
    private readonly ArcMpuDriverOptions _options;
    private readonly ArcGapFillingPlan? _gapFilling;
    private readonly bool _stackGuard;
    private readonly bool _stackChecking;
    private readonly uint _guardSize;
    private readonly uint _privilegedStackSize;
    private ArcIndexPlan _plan;
    private ArcStackBounds? _bounds;
    private bool _booted;

    /// <summary>Creates the driver for <paramref name="machine"/>'s MPU.</summary>
    /// <exception cref="ArgumentException">The options ask for something this MPU cannot do (a guard on v2).</exception>
    public ArcMpuDriver(ArcMachine machine, ArcMpuDriverOptions? options = null)
        : this((machine ?? throw new ArgumentNullException(nameof(machine))).Cpu, machine.Mpu, machine.Aux, options)
    {
    }

    /// <summary>
    /// Creates the driver for <paramref name="mpu"/>, programmed through <paramref name="aux"/>: for hosts
    /// (the kernel) that build the machine themselves.
    /// </summary>
    /// <exception cref="ArgumentException">The options ask for something this MPU cannot do (a guard on v2).</exception>
    public ArcMpuDriver(Cpu cpu, ArcMpuModel mpu, ArcAuxRegisters aux, ArcMpuDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(mpu);
        ArgumentNullException.ThrowIfNull(aux);
        options ??= new ArcMpuDriverOptions();
        _cpu = cpu;
        uint build = (uint)aux.Read(ArcAux.MPU_BUILD);
        Version = (ArcMpuVersion)(build & 0xFF);
        RegionCount = (int)((build >> 8) & 0xFF);
        Arch = mpu.Arch;
        _registers = new ArcMpuRegisters(aux, Version);
        _programmed = new ArcRegionRequest?[RegionCount];
        _boot = new ArcRegionRequest?[RegionCount];
        _options = options;
        bool v2 = Version == ArcMpuVersion.V2;
        if (v2 && options.StackGuard == true)
        {
            throw new ArgumentException("CONFIG_MPU_STACK_GUARD depends on ARC_MPU_VER != 2: MPU v2 has no stack guard (use stack checking)", nameof(options));
        }

        if (v2 && options.GapFilling)
        {
            throw new ArgumentException("CONFIG_MPU_GAP_FILLING depends on MPU_REQUIRES_NON_OVERLAPPING_REGIONS: MPU v4 only (v2 regions may overlap)", nameof(options));
        }

        _stackGuard = options.StackGuard ?? !v2;
        _stackChecking = options.StackChecking ?? v2;
        _guardSize = _stackGuard ? ArcMpuV4.Granule : 0;
        _privilegedStackSize = options.PrivilegedStackSize;
        _plan = new ArcIndexPlan(Version, RegionCount, 0, _stackGuard, _guardSize);
        _gapFilling = options.GapFilling ? new ArcGapFillingPlan(_registers, RegionCount, _stackGuard, _guardSize) : null;
        Capabilities = new ProtectionCapabilities(
            PowerOfTwoRegions: v2,
            NonOverlappingRegions: !v2,
            MinimumRegionSize: v2 ? 2048u : ArcMpuV4.Granule,
            SynchronousDomainApi: false,
            UserCanReachSameDomainStacks: false);
        StackGeometry = v2 || _stackGuard
            ? ArcStackGeometry.For(Version, _privilegedStackSize)
            : new StackGeometry(ArcMpuV4.Granule, _privilegedStackSize, 0, 4, false, _privilegedStackSize);
    }

    /// <inheritdoc/>
    public ArchId Arch { get; }

    /// <summary>MPU v2 or v4 (MPU_BUILD.VERSION).</summary>
    public ArcMpuVersion Version { get; }

    /// <summary>MPU_BUILD.REGIONS.</summary>
    public int RegionCount { get; }

    /// <inheritdoc/>
    public ProtectionCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public StackGeometry StackGeometry { get; }

    /// <summary>Regions the boot configuration holds (<c>mpu_config.num_regions</c> / <c>static_regions_num</c>).</summary>
    public int StaticRegions { get; private set; }

    /// <summary>Whether switches program the stack-checking registers and STATUS32.SC (<c>CONFIG_ARC_STACK_CHECKING</c>).</summary>
    public bool StackChecking => _stackChecking;

    /// <summary>Whether switches program a 32-byte MPU stack guard (<c>CONFIG_MPU_STACK_GUARD</c>).</summary>
    public bool StackGuard => _stackGuard;

    /// <summary>Auxiliary-register writes made by switches and user-mode entries so far (a switch that changes nothing makes none).</summary>
    public long DynamicRegisterWrites { get; private set; }

    /// <inheritdoc/>
    /// <remarks>Without gap filling the index plan's limit; with it, <see cref="ArcGapFillingPlan.MaxPartitions"/>.</remarks>
    public int MaxPartitionsPerDomain => _gapFilling is null ? _plan.MaxPartitions : ArcGapFillingPlan.MaxPartitions(RegionCount, StaticRegions, _stackGuard);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The layout cannot be expressed by this MPU's regions.</exception>
    public void Boot(BootMemoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        List<ArcRegionRequest> statics = ArcBootRegions.Plan(layout, Version, _registers, _options);
        var plan = new ArcIndexPlan(Version, RegionCount, statics.Count, _stackGuard, _guardSize);
        int limit = _gapFilling is null ? plan.MaxPartitions : ArcGapFillingPlan.MaxPartitions(RegionCount, statics.Count, _stackGuard);
        if (statics.Count > RegionCount || limit < 0)
        {
            throw new InvalidOperationException(
                $"{Arch}: {statics.Count} boot regions leave no room for a thread's regions in {RegionCount} MPU regions");
        }

        Array.Clear(_programmed);
        _registers.Disable();
        int first = Version == ArcMpuVersion.V2 ? RegionCount - statics.Count : 0;
        for (int i = 0; i < RegionCount; i++)
        {
            int s = i - first;
            if (s >= 0 && s < statics.Count)
            {
                Program(i, statics[s]);
            }
            else
            {
                _registers.RegionInit(i, 0, 0, 0);
            }
        }

        if (Version == ArcMpuVersion.V2)
        {
            _registers.DefaultV2(0);
        }

        _registers.Enable();
        Array.Copy(_programmed, _boot, RegionCount);
        StaticRegions = statics.Count;
        _plan = plan;
        _bounds = null;
        _booted = true;
    }

    /// <inheritdoc/>
    public bool Supports(PartitionPermissions permissions) => ArcPartitionAttributes.Supports(permissions);

    /// <inheritdoc/>
    /// <remarks><c>_ARCH_MEM_PARTITION_ALIGN_CHECK</c>: v2 a power of two of at least 2 KiB with a base aligned to it; v4 a multiple of 32, at least 32, 32-aligned.</remarks>
    public int ValidatePartition(MemoryPartition partition)
    {
        uint start = partition.Start, size = partition.Size;
        bool ok = Version == ArcMpuVersion.V2
            ? size >= 2048 && (size & (size - 1)) == 0 && (start & (size - 1)) == 0
            : size >= ArcMpuV4.Granule && size % ArcMpuV4.Granule == 0 && start % ArcMpuV4.Granule == 0;
        return ok ? 0 : EInval;
    }

    /// <inheritdoc/>
    public int DomainInit(DomainMemoryView domain) => 0;

    /// <inheritdoc/>
    public int DomainDeinit(DomainMemoryView domain) => 0;

    /// <inheritdoc/>
    public int PartitionAdd(DomainMemoryView domain, int slot) => 0;

    /// <inheritdoc/>
    public int PartitionRemove(DomainMemoryView domain, int slot) => 0;

    /// <inheritdoc/>
    public int ThreadAdd(ThreadMemoryView thread) => 0;

    /// <inheritdoc/>
    public int ThreadRemove(ThreadMemoryView thread) => 0;

    /// <inheritdoc/>
    public void SwitchIn(ThreadMemoryView incoming) => ConfigureThread(incoming);

    /// <inheritdoc/>
    public void UserModeEnter(ThreadMemoryView thread) => ConfigureThread(thread);

    /// <inheritdoc/>
    /// <remarks>
    /// Asks the MPU itself whether an access at user privilege to every byte is allowed, walking its
    /// decision windows. Zephyr's v2 scan (first region fully containing the buffer decides) can report a
    /// false success when a higher-priority region covers only part of the buffer, and reads the base without
    /// the hardware's alignment; its v4 probe of the two ends cannot see an overlap inside the buffer (an
    /// EV_MachineCheck). Bora never reports either false success (docs/memory-domains.md).
    /// </remarks>
    public int BufferValidate(uint address, uint size, bool write) =>
        UserAccessCheck.Allows(_cpu.Protection, address, size, write) ? 0 : EPerm;

    /// <inheritdoc/>
    /// <remarks>
    /// Zephyr's ARC <c>_Fault</c> classification (arch-spec §3.5): with stack checking, EV_ProtV with
    /// parameter bit 0x02 is an overflow; with the MPU guard, EV_ProtV with parameter 0x04 or 0x24 is one when
    /// EFA lies in the guard of the mode ERSTATUS names (SP is not consulted, as in current Zephyr). The
    /// corrected SP is the guard's end (the lowest legal address of the stack that overflowed).
    /// </remarks>
    public StackOverflowCheck CheckStackOverflow(FaultRecord fault, ThreadMemoryView thread, uint sp)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(thread);
        (ArcEcr ecr, bool userMode) = Describe(fault);
        if (ecr.Vector != ArcExceptionVector.EV_ProtV)
        {
            return default;
        }

        (uint guardStart, uint guardEnd) = GuardOf(thread, userMode);
        if (_stackChecking && (ecr.Parameter & ArcEcr.ParameterStackCheck) != 0)
        {
            return new StackOverflowCheck(true, guardEnd);
        }

        bool mpu = ecr.Parameter is ArcEcr.ParameterMpu or 0x24;
        return _stackGuard && mpu && fault.FaultAddress is uint efa && efa >= guardStart && efa < guardEnd
            ? new StackOverflowCheck(true, guardEnd)
            : default;
    }

    /// <inheritdoc/>
    /// <remarks>Ranges are what the hardware decodes (v2: the rounded power of two). On v4 kernel RAM has no region: the default region (kernel RW) covers it.</remarks>
    public IReadOnlyList<RegionUse> ActiveRegions()
    {
        var regions = new List<RegionUse>();
        for (int i = 0; i < RegionCount; i++)
        {
            if (_programmed[i] is ArcRegionRequest r)
            {
                regions.Add(new RegionUse(i, _registers.HardwareRange(r.Start, r.Size), ArcPartitionAttributes.Decode(r.Attributes), r.Holder.ToString()));
            }
        }

        return regions;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <see cref="RegionBudget.PerThreadRegions"/> counts every index the plan keeps from partitions (v2: the
    /// user stack and the unused stack-region index; v4: S..S+3 and N-1), so that
    /// <see cref="RegionBudget.SlotsLeft"/> is <see cref="MaxPartitionsPerDomain"/> minus the partitions.
    /// </remarks>
    public RegionBudget Budget(IReadOnlyList<MemoryPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ulong wasted = 0;
        foreach (MemoryPartition p in partitions)
        {
            wasted += _registers.RegionSizeFor(p.Size) - p.Size;
        }

        int perThread = RegionCount - StaticRegions - MaxPartitionsPerDomain;
        return new RegionBudget(RegionCount, StaticRegions, perThread, partitions.Count, MaxPartitionsPerDomain - partitions.Count, wasted);
    }

    private static (ArcEcr Ecr, bool UserMode) Describe(FaultRecord fault)
    {
        if (fault is ArcFaultRecord arc)
        {
            return (arc.Ecr, (arc.Erstatus & Status32.U) != 0);
        }

        byte parameter = fault.Class == FaultClass.StackLimit ? ArcEcr.ParameterStackCheck : ArcEcr.ParameterMpu;
        var vector = fault.Class is FaultClass.StackLimit or FaultClass.Protection ? ArcExceptionVector.EV_ProtV : ArcExceptionVector.EV_MachineCheck;
        return (new ArcEcr(vector, 0, parameter), fault.Access.Privilege == Privilege.User);
    }

    /// <summary><c>z_check_thread_stack_fail</c>'s guard: below the stack the faulting mode runs on.</summary>
    private (uint Start, uint End) GuardOf(ThreadMemoryView thread, bool userMode)
    {
        if (thread.PrivilegedStackStart != 0)
        {
            return userMode
                ? (thread.StackObject, thread.StackStart)
                : (thread.PrivilegedStackStart - _guardSize, thread.PrivilegedStackStart);
        }

        return (thread.StackStart - _guardSize, thread.StackStart);
    }

    /// <summary><c>configure_mpu_thread</c> plus the stack-checking part of <c>z_arc_switch</c> / <c>arch_user_mode_enter</c>.</summary>
    private void ConfigureThread(ThreadMemoryView thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (!_booted)
        {
            throw new InvalidOperationException($"{Arch}: the MPU driver was asked to program thread '{thread.Name}' before Boot");
        }

        long before = _registers.Writes;
        if (_gapFilling is not null)
        {
            _gapFilling.Compute(_boot, StaticRegions, thread);
            Apply(_gapFilling.Target);
        }
        else
        {
            ProgramIndexPlan(thread);
        }

        if (_stackChecking)
        {
            LoadStackCheckRegisters(thread);
        }

        DynamicRegisterWrites += _registers.Writes - before;
    }

    /// <summary>Without gap filling: each dynamic index of the plan that changes, inside one disable/enable pair.</summary>
    private void ProgramIndexPlan(ThreadMemoryView thread)
    {
        ArcRegionRequest?[] wanted = _plan.For(thread);
        CheckExpressible(wanted, thread);
        bool disabled = false;
        for (int i = 0; i < RegionCount; i++)
        {
            if (!_plan.IsDynamic(i))
            {
                continue;
            }

            ArcRegionRequest? want = wanted[i], have = _programmed[i];
            bool same = want is ArcRegionRequest w ? have is ArcRegionRequest h && w.SameHardware(h) : have is null;
            if (same)
            {
                _programmed[i] = want;
                continue;
            }

            if (!disabled)
            {
                _registers.Disable();
                disabled = true;
            }

            if (want is ArcRegionRequest r)
            {
                Program(i, r);
            }
            else
            {
                _registers.RegionInit(i, 0, 0, 0);
                _programmed[i] = null;
            }
        }

        if (disabled)
        {
            _registers.Enable();
        }
    }

    /// <summary>
    /// Programs the gap-filling map <paramref name="target"/> inside one disable/enable pair, rewriting only the indices
    /// whose contents change. Changed regions whose old extent meets another region of the new map are cleared first,
    /// so that no two valid regions ever overlap (EV_MachineCheck on MPU v4).
    /// </summary>
    private void Apply(ReadOnlySpan<ArcRegionRequest?> target)
    {
        bool disabled = false;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < RegionCount; i++)
            {
                ArcRegionRequest? want = target[i];
                if (_programmed[i] is ArcRegionRequest have && want is ArcRegionRequest same && have.SameHardware(same))
                {
                    _programmed[i] = want;
                    continue;
                }

                bool clear = pass == 0 && _programmed[i] is ArcRegionRequest old && (want is null || MeetsAnother(old, i, target));
                bool program = pass == 1 && want is not null;
                if (!clear && !program)
                {
                    continue;
                }

                if (!disabled)
                {
                    _registers.Disable();
                    disabled = true;
                }

                if (program)
                {
                    Program(i, want!.Value);
                }
                else
                {
                    _registers.RegionInit(i, 0, 0, 0);
                    _programmed[i] = null;
                }
            }
        }

        if (disabled)
        {
            _registers.Enable();
        }
    }

    private static bool MeetsAnother(ArcRegionRequest region, int index, ReadOnlySpan<ArcRegionRequest?> target)
    {
        for (int j = 0; j < target.Length; j++)
        {
            if (j != index && target[j] is ArcRegionRequest other && other.Overlaps(region))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>_load_stack_check_regs</c>: KSTACK_TOP/BASE bound the stack the thread runs on in kernel mode (its
    /// privilege stack once it has one), USTACK_TOP/BASE its user stack; the thread runs with STATUS32.SC.
    /// Registers already holding the value are not rewritten.
    /// </summary>
    private void LoadStackCheckRegisters(ThreadMemoryView thread)
    {
        bool user = thread.IsUser && thread.PrivilegedStackStart != 0;
        ArcStackBounds bounds = user
            ? new ArcStackBounds(thread.PrivilegedStackStart, thread.PrivilegedStackStart + thread.PrivilegedStackSize, thread.StackStart, thread.StackStart + thread.StackSize)
            : new ArcStackBounds(thread.StackStart, thread.StackStart + thread.StackSize, 0, 0);
        ArcStackBounds? old = _bounds;
        WriteIfChanged(ArcAux.KSTACK_TOP, bounds.KernelTop, old?.KernelTop);
        WriteIfChanged(ArcAux.KSTACK_BASE, bounds.KernelBase, old?.KernelBase);
        WriteIfChanged(ArcAux.USTACK_TOP, bounds.UserTop, old?.UserTop);
        WriteIfChanged(ArcAux.USTACK_BASE, bounds.UserBase, old?.UserBase);
        _bounds = bounds;
        if ((_cpu.State.Status & Status32.SC) == 0)
        {
            // The thread's STATUS32 carries SC (Zephyr sets it in every initial frame); stack-access
            // decisions made without it must not be reused.
            _cpu.State.Status |= Status32.SC;
            _cpu.InvalidateDecisions();
        }
    }

    private void WriteIfChanged(uint register, uint value, uint? old)
    {
        if (old != value)
        {
            _registers.Write(register, value);
        }
    }

    /// <summary>
    /// Refuses a thread region the hardware would decode differently from what was asked (v2: not a
    /// power of two of at least 2 KiB aligned to itself; v4: not 32-byte granular), since the rounded region
    /// would grant user access beyond the object or withhold part of it. Partitions passed
    /// <see cref="ValidatePartition"/>; stacks must follow <see cref="StackGeometry"/>.
    /// </summary>
    private void CheckExpressible(ArcRegionRequest?[] wanted, ThreadMemoryView thread)
    {
        foreach (ArcRegionRequest? entry in wanted)
        {
            if (entry is ArcRegionRequest r && _registers.HardwareRange(r.Start, r.Size) != AddressRange.FromSize(r.Start, r.Size))
            {
                throw new InvalidOperationException(
                    $"{Arch}: {r.Holder} for thread '{thread.Name}' is [0x{r.Start:X8}, +0x{r.Size:X}), which MPU {Version} would program as {_registers.HardwareRange(r.Start, r.Size)}; lay it out per the stack geometry and partition rules");
            }
        }
    }

    private void Program(int index, ArcRegionRequest request)
    {
        _registers.RegionInit(index, request.Start, request.Size, request.Attributes);
        _programmed[index] = request;
    }
}
