using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// The ARC MPU as Zephyr's driver sees it: registers reached only through LR/SR, the permission decision
/// that reads nothing but those registers, and the fault report the core latches (ECR, EFA and, on v2,
/// MPU_ECR). Hardware stack checking is decided here too, since it raises the same EV_ProtV.
/// </summary>
/// <remarks>
/// <para>The region map is rebuilt from the registers on the first decision after any register write,
/// and every register write drops the CPU's cached decisions.</para>
/// <para>Illegal programming is checked when the configuration is next used (a decision) or observed
/// (<see cref="InvalidProgramming"/>), never between the two writes a driver needs to update one region,
/// so a transient half-written region is not reported. A problem is reported once for as long as it
/// persists.</para>
/// </remarks>
public abstract class ArcMpuModel : IProtectionModel
{
    private readonly List<InvalidProgramming> _invalidProgramming = [];
    private HashSet<string> _standingProblems = [];
    private ArcRegionMap? _map;
    private Action? _invalidate;

    private protected ArcMpuModel(ArchId arch, int regionCount, ArcCore core, ArcExceptionRegisters exceptionRegisters)
    {
        Arch = arch;
        RegionCount = regionCount;
        Core = core;
        ExceptionRegisters = exceptionRegisters;
        StackChecker = new ArcStackChecker(Changed);
    }

    /// <inheritdoc/>
    public ArchId Arch { get; }

    /// <summary>
    /// Builds an MPU (and the core state it reads) for hosts that build the machine themselves, as
    /// the kernel does: pass the result as the machine's protection model, then
    /// <see cref="BindCpuState"/> the machine's CPU state. <see cref="ArcMachine"/> does both.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public static ArcMpuModel Create(ArcMpuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var core = new ArcCore();
        var exceptionRegisters = new ArcExceptionRegisters();
        ArchId arch = ArcBoards.ArchFor(options.Version);
        return options.Version == ArcMpuVersion.V4
            ? new ArcMpuV4(arch, options.RegionCount, core, exceptionRegisters)
            : new ArcMpuV2(arch, options.RegionCount, core, exceptionRegisters);
    }

    /// <summary>Binds the CPU state whose STATUS32 (mode, stack checking) this MPU's core reads.</summary>
    public void BindCpuState(CpuState cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        Core.State = cpu;
    }

    /// <summary>The MPU's version (MPU_BUILD.VERSION).</summary>
    public abstract ArcMpuVersion Version { get; }

    /// <summary>Number of regions (MPU_BUILD.REGIONS).</summary>
    public int RegionCount { get; }

    /// <inheritdoc/>
    public IReadOnlyList<InvalidProgramming> InvalidProgramming
    {
        get
        {
            EnsureMap();
            return _invalidProgramming;
        }
    }

    internal ArcCore Core { get; }

    internal ArcExceptionRegisters ExceptionRegisters { get; }

    internal ArcStackChecker StackChecker { get; }

    /// <summary>The MPU_BUILD value: REGIONS[15:8], VERSION[7:0].</summary>
    private protected uint MpuBuild => ((uint)RegionCount << 8) | (uint)Version;

    /// <summary>Whether the MPU checks accesses at all.</summary>
    private protected abstract bool Enabled { get; }

    /// <summary>The default region's permissions (MPU_EN[8:3]).</summary>
    private protected abstract ArcMpuAttributes DefaultAttributes { get; }

    /// <summary>Whether two valid regions covering one address is a machine check (v4) rather than a priority rule (v2).</summary>
    private protected abstract bool OverlapIsMachineCheck { get; }

    /// <inheritdoc/>
    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
    {
        AccessDecision decision = EnsureMap().Decide(address, kind, privilege);
        if (kind is AccessKind.StackPush or AccessKind.StackPop && Core.StackCheckingEnabled)
        {
            decision = StackChecker.Apply(decision, address, privilege);
        }

        return decision;
    }

    /// <inheritdoc/>
    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision)
    {
        int detail = decision.Detail;
        ArcEcr ecr;
        FaultClass faultClass;
        uint? mpuEcr = null;
        if (DecisionDetail.IsStackCheck(detail))
        {
            ecr = new ArcEcr(ArcExceptionVector.EV_ProtV, DataCause(access), ArcEcr.ParameterStackCheck);
            faultClass = FaultClass.StackLimit;
        }
        else if (DecisionDetail.IsMachineCheck(detail))
        {
            ecr = new ArcEcr(ArcExceptionVector.EV_MachineCheck, ArcEcr.CauseOverlappingMpuEntries, 0);
            faultClass = FaultClass.MachineCheck;
        }
        else
        {
            byte cause = access.Kind == AccessKind.Execute ? ArcEcr.CauseFetch : DataCause(access);
            ecr = new ArcEcr(ArcExceptionVector.EV_ProtV, cause, ArcEcr.ParameterMpu);
            faultClass = FaultClass.Protection;
            mpuEcr = LatchMpuEcr(cause, DecisionDetail.Region(detail));
        }

        ExceptionRegisters.Latch(ecr, faultingAddress);
        return new ArcFaultRecord(Arch, faultClass, access, ecr, faultingAddress, mpuEcr, Core.Pc, Core.CurrentStatus32);
    }

    /// <inheritdoc/>
    /// <remarks>A bus error is an EV_MemError; cause 0x00 for a fetch, 0x01 for a data access.</remarks>
    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress)
    {
        var ecr = new ArcEcr(ArcExceptionVector.EV_MemError, access.Kind == AccessKind.Execute ? (byte)0 : (byte)1, 0);
        ExceptionRegisters.Latch(ecr, faultingAddress);
        return new ArcFaultRecord(Arch, FaultClass.Bus, access, ecr, faultingAddress, null, Core.Pc, Core.CurrentStatus32);
    }

    /// <inheritdoc/>
    public void ClearFaultStatus()
    {
        ExceptionRegisters.Ecr = 0;
        ExceptionRegisters.Efa = 0;
        ExceptionRegisters.FaultPending = false;
        ClearMpuEcr();
    }

    /// <inheritdoc/>
    public void AttachDecisionCache(Action invalidate) => _invalidate += invalidate;

    /// <summary>Reads an MPU register this version implements.</summary>
    internal abstract bool TryReadRegister(uint number, out uint value);

    /// <summary>Writes an MPU register this version implements; returns false when it has none by that number.</summary>
    internal abstract bool TryWriteRegister(uint number, uint value);

    /// <summary>Whether <paramref name="number"/> is a read-only register of this MPU.</summary>
    internal abstract bool IsReadOnly(uint number);

    /// <summary>Decodes the valid regions, reporting each illegal setting with the fallback applied.</summary>
    private protected abstract void CollectRegions(List<ArcRegion> regions, List<InvalidProgramming> problems);

    /// <summary>Latches MPU_ECR for an MPU violation; returns it, or null when this MPU has no MPU_ECR.</summary>
    private protected abstract uint? LatchMpuEcr(byte violationType, int region);

    private protected abstract void ClearMpuEcr();

    /// <summary>Marks the configuration changed: the map is rebuilt and the CPU's cached decisions dropped.</summary>
    private protected void Changed()
    {
        _map = null;
        _invalidate?.Invoke();
    }

    private static byte DataCause(in MemoryAccess access) => access.IsStore ? ArcEcr.CauseWrite : ArcEcr.CauseRead;

    private ArcRegionMap EnsureMap()
    {
        if (_map is not null)
        {
            return _map;
        }

        var regions = new List<ArcRegion>();
        var problems = new List<InvalidProgramming>();
        CollectRegions(regions, problems);
        if (OverlapIsMachineCheck)
        {
            FindOverlaps(regions, problems);
        }

        var standing = new HashSet<string>(StringComparer.Ordinal);
        foreach (InvalidProgramming problem in problems)
        {
            string key = problem.ToString();
            standing.Add(key);
            if (!_standingProblems.Contains(key))
            {
                _invalidProgramming.Add(problem);
            }
        }

        _standingProblems = standing;
        _map = Enabled ? ArcRegionMap.Build(regions, DefaultAttributes, OverlapIsMachineCheck) : ArcRegionMap.AllowAll;
        return _map;
    }

    private static void FindOverlaps(List<ArcRegion> regions, List<InvalidProgramming> problems)
    {
        for (int i = 0; i < regions.Count; i++)
        {
            for (int j = i + 1; j < regions.Count; j++)
            {
                ArcRegion a = regions[i], b = regions[j];
                ulong start = Math.Max(a.Start, b.Start), end = Math.Min(a.End, b.End);
                if (start < end)
                {
                    problems.Add(new InvalidProgramming(
                        $"MPU region {a.Index} and {b.Index}",
                        $"valid regions overlap at [0x{start:X8}, 0x{end:X8}) (MPU v4 forbids overlapping regions)",
                        "an access to the overlap raises EV_MachineCheck, cause 0x06"));
                }
            }
        }
    }
}
