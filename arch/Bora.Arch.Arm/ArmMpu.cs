using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>
/// A Cortex-M MPU and the fault status registers of its core, modelled from their registers only. The
/// registers are reached through the bus: the model attaches a <see cref="PrivatePeripheralBus"/>
/// device over the PPB (0xE0000000–0xE00FFFFF) of the bus it is built on.
/// </summary>
/// <remarks>
/// The per-address algorithm (<see cref="Resolve"/>) is the single source of truth. Decisions and their
/// windows come from a table of segments built by evaluating that algorithm once per segment, rebuilt
/// after any MPU register write; every write also drops the CPU's cached decisions.
/// </remarks>
public abstract class ArmMpu : IProtectionModel
{
    private const uint CtrlEnable = 0x1;
    private const uint CtrlHfnmiena = 0x2;
    private const uint CtrlPrivdefena = 0x4;
    private const AccessRights PpbRights = AccessRights.PrivilegedReadWrite | AccessRights.UnprivilegedReadWrite;

    private static readonly DecisionTable s_defaultMapForAll = DecisionTable.Build(
        DefaultMemoryMap.Boundaries,
        a => new MpuResolution(ScsRegisters.IsPpb(a) ? PpbRights : DefaultMemoryMap.PrivilegedRights(a).ForBothPrivileges(), MpuSource.Disabled));

    private readonly List<InvalidProgramming> _invalidProgramming = [];
    private readonly HashSet<InvalidProgramming> _standingProblems = [];
    private Action? _invalidate;
    private readonly MpuConfigurationCache _configurations;
    private readonly uint[] _configurationKey;
    private readonly Func<InvalidProgramming[]> _computeProblems;
    private DecisionTable? _table;
    private CpuState? _cpu;

    /// <summary>Creates the MPU with <paramref name="regionCount"/> regions and attaches its registers to <paramref name="bus"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The architecture allows no such region count.</exception>
    protected ArmMpu(SystemBus bus, int regionCount)
    {
        ArgumentNullException.ThrowIfNull(bus);
        if (regionCount is not (0 or 8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(regionCount), regionCount, "a Cortex-M MPU implements 0, 8 or 16 regions");
        }

        RegionCount = regionCount;
        _configurationKey = new uint[1 + ConfigurationWords(regionCount)];
        _configurations = new MpuConfigurationCache(_configurationKey.Length);
        _computeProblems = () => [.. StandingProblems()];
        bus.Attach(new AddressRange(ScsRegisters.PpbStart, (ulong)ScsRegisters.PpbLast + 1), new PrivatePeripheralBus(this));
    }

    /// <inheritdoc/>
    public abstract ArchId Arch { get; }

    /// <summary>The MPU architecture.</summary>
    public abstract ArmMpuVersion Version { get; }

    /// <summary>Number of regions (MPU_TYPE.DREGION).</summary>
    public int RegionCount { get; }

    /// <summary>MPU_CTRL.</summary>
    public uint Ctrl { get; private set; }

    /// <summary>MPU_RNR.</summary>
    public uint Rnr { get; private set; }

    /// <summary>Whether MPU_CTRL.ENABLE is set.</summary>
    public bool Enabled => (Ctrl & CtrlEnable) != 0;

    /// <summary>The fault status registers of the core.</summary>
    public ArmFaultStatus FaultStatus { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<InvalidProgramming> InvalidProgramming => _invalidProgramming;

    /// <summary>The current execution priority: the bound CPU's, or thread mode when none is bound.</summary>
    protected int ExecutionPriority => _cpu?.ExecutionPriority ?? CpuState.ThreadModePriority;

    /// <summary>
    /// Whether the MPU is bypassed for the code now running: enabled, HFNMIENA=0, and the execution
    /// priority is negative (HardFault, NMI, FAULTMASK).
    /// </summary>
    public bool IsBypassedAtCurrentPriority => Enabled && (Ctrl & CtrlHfnmiena) == 0 && ExecutionPriority < 0;

    /// <summary>
    /// Binds the CPU whose execution priority decides HFNMIENA bypass and fault escalation. Whoever
    /// changes the priority across zero must call <see cref="OnExecutionPriorityChanged"/>.
    /// </summary>
    public void BindCpuState(CpuState cpu) => _cpu = cpu ?? throw new ArgumentNullException(nameof(cpu));

    /// <summary>Drops the CPU's cached decisions after a change of execution priority (they may depend on it).</summary>
    public void OnExecutionPriorityChanged() => _invalidate?.Invoke();

    /// <inheritdoc/>
    public void AttachDecisionCache(Action invalidate) => _invalidate += invalidate ?? throw new ArgumentNullException(nameof(invalidate));

    /// <inheritdoc/>
    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
    {
        AccessRights needed = AccessRightsExtensions.Needed(kind, privilege);
        if (ScsRegisters.IsPpb(address))
        {
            // The MPU never applies to the PPB; the PPB itself refuses unprivileged accesses (a BusFault).
            bool allowed = (PpbRights & needed) != 0;
            return allowed
                ? AccessDecision.Allow(ScsRegisters.PpbStart, ScsRegisters.PpbLast, MpuSource.Ppb)
                : AccessDecision.Deny(ScsRegisters.PpbStart, ScsRegisters.PpbLast, MpuSource.Ppb);
        }

        DecisionTable table = IsBypassedAtCurrentPriority ? s_defaultMapForAll : CurrentTable();
        return table.Decide(address, needed);
    }

    /// <summary>
    /// The per-address algorithm: what the current configuration grants at <paramref name="address"/>
    /// and what decided it (ignoring the HFNMIENA bypass, which depends on the running code).
    /// </summary>
    internal MpuResolution Resolve(uint address)
    {
        if (ScsRegisters.IsPpb(address))
        {
            return new MpuResolution(PpbRights, MpuSource.Ppb);
        }

        if (!Enabled)
        {
            return new MpuResolution(DefaultMemoryMap.PrivilegedRights(address).ForBothPrivileges(), MpuSource.Disabled);
        }

        int source = ResolveRegions(address, out AccessRights rights);
        if (source == MpuSource.Background)
        {
            rights = (Ctrl & CtrlPrivdefena) != 0 ? DefaultMemoryMap.PrivilegedRights(address) : AccessRights.None;
        }

        return new MpuResolution(rights, source);
    }

    /// <inheritdoc/>
    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision)
    {
        Mmfsr bits = access.Kind switch
        {
            AccessKind.Execute => Mmfsr.IACCVIOL,
            AccessKind.StackPush => Mmfsr.MSTKERR,
            AccessKind.StackPop => Mmfsr.MUNSTKERR,
            _ => Mmfsr.DACCVIOL,
        };
        uint? address = bits == Mmfsr.DACCVIOL ? faultingAddress : null;
        int exception = FaultStatus.LatchMemManage(bits, address, ExecutionPriority);
        int? region = decision.Detail >= 0 ? decision.Detail : null;
        return Record(exception, ArmFaultStatus.ClassOf(access.Kind, FaultClass.Protection), access, address, region);
    }

    /// <inheritdoc/>
    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress)
    {
        Bfsr bits = access.Kind switch
        {
            AccessKind.Execute => Bfsr.IBUSERR,
            AccessKind.StackPush => Bfsr.STKERR,
            AccessKind.StackPop => Bfsr.UNSTKERR,
            _ => Bfsr.PRECISERR,
        };
        uint? address = bits == Bfsr.PRECISERR ? faultingAddress : null;
        int exception = FaultStatus.LatchBusFault(bits, address, ExecutionPriority);
        return Record(exception, ArmFaultStatus.ClassOf(access.Kind, FaultClass.Bus), access, address, null);
    }

    /// <inheritdoc/>
    public void ClearFaultStatus() => FaultStatus.Clear();

    /// <summary>
    /// Latches a stack-limit violation (ARMv8-M Mainline PSPLIM/MSPLIM: UsageFault, UFSR.STKOF) for
    /// <paramref name="access"/> and describes it.
    /// </summary>
    public FaultRecord RaiseStackLimitFault(in MemoryAccess access)
    {
        int exception = FaultStatus.LatchUsageFault(Ufsr.STKOF, ExecutionPriority);
        return Record(exception, FaultClass.StackLimit, access, null, null);
    }

    /// <summary>Reads an MPU register; false when <paramref name="address"/> is not one.</summary>
    internal bool TryReadRegister(uint address, out uint value)
    {
        switch (address)
        {
            case ScsRegisters.MPU_TYPE:
                value = (uint)RegionCount << 8;
                return true;
            case ScsRegisters.MPU_CTRL:
                value = Ctrl;
                return true;
            case ScsRegisters.MPU_RNR:
                value = Rnr;
                return true;
            default:
                return TryReadRegionRegister(address, out value);
        }
    }

    /// <summary>Writes an MPU register; false when <paramref name="address"/> is not one. Drops every cached decision.</summary>
    internal bool TryWriteRegister(uint address, uint value)
    {
        bool handled;
        switch (address)
        {
            case ScsRegisters.MPU_TYPE:
                handled = true;
                break;
            case ScsRegisters.MPU_CTRL:
                Ctrl = value & (CtrlEnable | CtrlHfnmiena | CtrlPrivdefena);
                if ((Ctrl & (CtrlEnable | CtrlHfnmiena)) == CtrlHfnmiena)
                {
                    Report("MPU_CTRL", "HFNMIENA set while ENABLE is clear (UNPREDICTABLE)", "the MPU stays disabled; HFNMIENA is ignored");
                }

                ReviewProgramming();
                handled = true;
                break;
            case ScsRegisters.MPU_RNR:
                _ = SelectRegion(value & 0xFF, "MPU_RNR");
                handled = true;
                break;
            default:
                handled = TryWriteRegionRegister(address, value);
                break;
        }

        if (handled)
        {
            _table = null;
            _invalidate?.Invoke();
        }

        return handled;
    }

    /// <summary>
    /// Selects the region the region registers address (MPU_RNR). An out-of-range number is reported and
    /// the whole write ignored (QEMU's behaviour); returns whether the region was selected.
    /// </summary>
    protected bool SelectRegion(uint region, string register)
    {
        if (region >= RegionCount)
        {
            Report(register, $"region {region} selected but the MPU implements {RegionCount} (UNPREDICTABLE)", $"the write is ignored; MPU_RNR keeps {Rnr}");
            return false;
        }

        Rnr = region;
        return true;
    }

    /// <summary>Reports an event-type invalid programming (a write that was ignored or adjusted).</summary>
    protected void Report(string register, string problem, string fallback) =>
        _invalidProgramming.Add(new InvalidProgramming(register, problem, fallback));

    /// <summary>
    /// Compares the configuration's standing problems with those already reported and reports the new
    /// ones. Called after each write that completes a region (RASR/RLAR, CTRL) and whenever a decision
    /// table is built, so a transient state between two register writes is reported only if an access
    /// actually happens in it.
    /// </summary>
    protected void ReviewProgramming() => Review(CurrentConfiguration());

    private void Review(MpuConfiguration configuration)
    {
        InvalidProgramming[] now = configuration.Problems;
        if (now.Length == 0 && _standingProblems.Count == 0)
        {
            return;
        }

        foreach (InvalidProgramming problem in now)
        {
            if (!_standingProblems.Contains(problem))
            {
                _invalidProgramming.Add(problem);
            }
        }

        _standingProblems.Clear();
        _standingProblems.UnionWith(now);
    }

    /// <summary>Reads a region register (RBAR, RASR/RLAR, aliases, MAIR); false when <paramref name="address"/> is not one.</summary>
    protected abstract bool TryReadRegionRegister(uint address, out uint value);

    /// <summary>Writes a region register; false when <paramref name="address"/> is not one.</summary>
    protected abstract bool TryWriteRegionRegister(uint address, uint value);

    /// <summary>
    /// Finds the region deciding <paramref name="address"/> with the MPU enabled: its number and rights,
    /// <see cref="MpuSource.Overlap"/> (rights none), or <see cref="MpuSource.Background"/>.
    /// </summary>
    private protected abstract int ResolveRegions(uint address, out AccessRights rights);

    /// <summary>Every address at which <see cref="ResolveRegions"/> may change its answer.</summary>
    protected abstract IEnumerable<ulong> RegionBreakpoints();

    /// <summary>The UNPREDICTABLE or reserved settings present in the current configuration.</summary>
    protected abstract IEnumerable<InvalidProgramming> StandingProblems();

    /// <summary>Number of register words, besides MPU_CTRL, that the per-address algorithm reads.</summary>
    private protected abstract int ConfigurationWords(int regionCount);

    /// <summary>Writes those words (<see cref="ConfigurationWords"/> of them) to <paramref name="key"/>.</summary>
    private protected abstract void WriteConfiguration(Span<uint> key);

    private MpuConfiguration CurrentConfiguration()
    {
        _configurationKey[0] = Ctrl;
        WriteConfiguration(_configurationKey.AsSpan(1));
        return _configurations.GetOrAdd(_configurationKey, _computeProblems);
    }

    private DecisionTable CurrentTable()
    {
        if (_table is null)
        {
            MpuConfiguration configuration = CurrentConfiguration();
            Review(configuration);
            _table = configuration.Table ??= DecisionTable.Build(DefaultMemoryMap.Boundaries.Concat(RegionBreakpoints()), Resolve);
        }

        return _table;
    }

    private ArmFaultRecord Record(int exception, FaultClass faultClass, in MemoryAccess access, uint? address, int? region) =>
        new(Arch, exception, faultClass, access, FaultStatus.Cfsr, FaultStatus.Hfsr, FaultStatus.ValidMmfar, FaultStatus.ValidBfar, address, region);
}
