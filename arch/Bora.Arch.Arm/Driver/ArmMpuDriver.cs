using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm.Driver;

/// <summary>
/// Zephyr's ARM MPU driver (<c>arch/arm/core/mpu/arm_mpu.c</c>, <c>arm_core_mpu.c</c>) for PMSAv7 and
/// PMSAv8: boot (fixed) regions, the per-thread dynamic regions a switch programs, the partition limit,
/// <c>arch_buffer_validate</c> and the stack-overflow classification. It reaches the MPU only through
/// privileged stores to its registers on the bus (arch-spec §2.7).
/// </summary>
public sealed class ArmMpuDriver : IProtectionDriver
{
    private const uint CtrlEnable = 1, CtrlPrivDefEna = 4;
    private const int EPerm = -1;
    private const uint FlashAttrV7 = 0x0702_0000; // AP=111 (RO/RO), normal write-through, executable
    private const uint XnV7 = 1u << 28;
    private const uint MairZephyr = 0x0044_FFAA;

    private readonly Cpu _cpu;
    private readonly ArmMpuDriverOptions _options;
    private readonly ArmRegionRequest?[] _programmed;
    private readonly ArmRegionRequest?[] _boot;
    private readonly ArmGapFillingPlan? _gapFilling;
    private ArmRegionRequest[] _wanted = [];
    private ArmRegionRequest[] _lastDynamic = [];
    private int _lastDynamicCount;
    private int _staticRegions;
    private int _ramRegion = -1;
    private int _codeRegions;
    private bool _booted;

    /// <summary>Creates the driver for <paramref name="machine"/>'s MPU.</summary>
    public ArmMpuDriver(ArmMachine machine, ArmMpuDriverOptions? options = null)
        : this((machine ?? throw new ArgumentNullException(nameof(machine))).Cpu, machine.Mpu, options)
    {
    }

    /// <summary>
    /// Creates the driver for <paramref name="mpu"/>, reached through <paramref name="cpu"/>'s privileged
    /// stores: for hosts (the kernel) that build the machine themselves.
    /// </summary>
    public ArmMpuDriver(Cpu cpu, ArmMpu mpu, ArmMpuDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(mpu);
        _cpu = cpu;
        _options = options ?? new ArmMpuDriverOptions();
        Version = mpu.Version;
        Arch = mpu.Arch;
        RegionCount = (int)((ReadRegister(ScsRegisters.MPU_TYPE) >> 8) & 0xFF);
        _programmed = new ArmRegionRequest?[RegionCount];
        _boot = new ArmRegionRequest?[RegionCount];
        if (_options.GapFilling)
        {
            if (Version != ArmMpuVersion.PmsaV8)
            {
                throw new ArgumentException("CONFIG_MPU_GAP_FILLING depends on MPU_REQUIRES_NON_OVERLAPPING_REGIONS: PMSAv8 only (PMSAv7 regions may overlap)", nameof(options));
            }

            _gapFilling = new ArmGapFillingPlan(RegionCount);
        }

        Capabilities = new ProtectionCapabilities(
            PowerOfTwoRegions: Version == ArmMpuVersion.PmsaV7,
            NonOverlappingRegions: Version == ArmMpuVersion.PmsaV8,
            MinimumRegionSize: 32,
            SynchronousDomainApi: false,
            UserCanReachSameDomainStacks: false);
        uint guard = _options.StackGuard ? _options.GuardSize : 0;
        StackGeometry = new StackGeometry(
            Alignment: Math.Max(32, guard),
            ReservedBytes: guard,
            GuardBytes: guard,
            PointerAlignment: 8,
            PowerOfTwoSize: Version == ArmMpuVersion.PmsaV7,
            PrivilegedStackBytes: _options.PrivilegedStackSize);
    }

    /// <inheritdoc/>
    public ArchId Arch { get; }

    /// <summary>PMSAv7 or PMSAv8.</summary>
    public ArmMpuVersion Version { get; }

    /// <summary>MPU_TYPE.DREGION.</summary>
    public int RegionCount { get; }

    /// <inheritdoc/>
    public ProtectionCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public StackGeometry StackGeometry { get; }

    /// <summary>Regions the boot configuration holds (<c>static_regions_num</c>).</summary>
    public int StaticRegions => _staticRegions;

    /// <summary>Register writes made by dynamic reprogramming so far (a switch that changes nothing makes none).</summary>
    public int DynamicRegisterWrites { get; private set; }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>arch_mem_domain_max_partitions_get</c>: the regions left after boot, less the user stack's and the guard's.
    /// With gap filling each of those costs two (<c>ARM_CORE_MPU_NUM_MPU_REGIONS_FOR_*</c> = 2) and the rest is
    /// halved (<c>ARM_CORE_MPU_MAX_DOMAIN_PARTITIONS_GET</c>): in the worst case every partition splits a region.
    /// </remarks>
    public int MaxPartitionsPerDomain
    {
        get
        {
            int left = RegionCount - _staticRegions;
            if (_gapFilling is null)
            {
                return left - ThreadRegions;
            }

            left -= 2 * ThreadRegions;
            return left < 0 ? -1 : left / 2;
        }
    }

    /// <summary>Regions a thread's own dynamic regions take without splitting: the user stack and the guard.</summary>
    private int ThreadRegions => 1 + (_options.StackGuard ? 1 : 0);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The image cannot be covered by the boot regions this MPU can express.</exception>
    public void Boot(BootMemoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        WriteRegister(ScsRegisters.MPU_CTRL, 0);
        if (Version == ArmMpuVersion.PmsaV8)
        {
            WriteRegister(ScsRegisters.MPU_MAIR0, MairZephyr);
        }

        Array.Clear(_programmed);
        int index = 0;
        if (_options.SplitTextRodata && !layout.Rodata.IsEmpty)
        {
            ProgramBoot(index++, layout.Text, PartitionPermissions.P_RX_U_RX, "boot: text", flash: true);
            ProgramBoot(index++, layout.Rodata, PartitionPermissions.P_RO_U_RO, "boot: rodata", flash: true);
        }
        else
        {
            AddressRange code = layout.Rodata.IsEmpty
                ? layout.Text
                : new AddressRange(Math.Min(layout.Text.Start, layout.Rodata.Start), Math.Max(layout.Text.End, layout.Rodata.End));
            ProgramBoot(index++, code, PartitionPermissions.P_RX_U_RX, "boot: text+rodata", flash: true);
        }

        _codeRegions = index;
        _ramRegion = index;
        ProgramBoot(index++, layout.KernelRam, _options.Xip ? PartitionPermissions.P_RW_U_NA : PartitionPermissions.P_RWX_U_NA, "boot: kernel RAM", flash: false);
        foreach ((AddressRange range, PartitionPermissions permissions) in layout.ExtraUserRegions)
        {
            ProgramBoot(index++, range, permissions, "boot: extra user region", flash: false);
        }

        _staticRegions = index;
        for (int i = index; i < RegionCount; i++)
        {
            ClearRegion(i);
        }

        if (MaxPartitionsPerDomain < 0)
        {
            throw new InvalidOperationException($"{Arch}: {_staticRegions} boot regions leave no room for a thread's stack and guard in {RegionCount} regions");
        }

        CheckBootOverlap();
        Array.Copy(_programmed, _boot, RegionCount);
        WriteRegister(ScsRegisters.MPU_CTRL, CtrlEnable | (_options.BackgroundMap ? CtrlPrivDefEna : 0));
        _lastDynamicCount = 0;
        _booted = true;
    }

    /// <inheritdoc/>
    public bool Supports(PartitionPermissions permissions) => ArmPartitionAttributes.Supports(Version, permissions);

    /// <inheritdoc/>
    public int ValidatePartition(MemoryPartition partition)
    {
        uint start = partition.Start, size = partition.Size;
        bool ok = Version == ArmMpuVersion.PmsaV7
            ? size >= 32 && (size & (size - 1)) == 0 && (start & (size - 1)) == 0
            : size >= 32 && size % 32 == 0 && start % 32 == 0;
        return ok ? 0 : -22;
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
    public void SwitchIn(ThreadMemoryView incoming) => ProgramDynamic(incoming, force: false);

    /// <inheritdoc/>
    public void UserModeEnter(ThreadMemoryView thread) => ProgramDynamic(thread, force: true);

    /// <inheritdoc/>
    /// <remarks>
    /// Asks the MPU itself, as PMSAv8's TT instruction does, whether an unprivileged access to every byte
    /// is allowed. Zephyr's PMSAv7 version scans for the highest region fully containing the buffer and
    /// ignores subregions and partially overlapping higher regions, which can report success where the
    /// hardware would fault (arch-spec V7-21); Bora never does (docs/memory-domains.md).
    /// </remarks>
    public int BufferValidate(uint address, uint size, bool write) =>
        UserAccessCheck.Allows(_cpu.Protection, address, size, write) ? 0 : EPerm;

    /// <inheritdoc/>
    /// <remarks>
    /// <c>z_check_thread_stack_fail</c> with the newer Cortex-M classification (3.5+): MSTKERR or DACCVIOL
    /// is assessed; the guard test is <c>IS_MPU_GUARD_VIOLATION</c>; a user thread in user mode overflows
    /// when SP is below its stack object.
    /// </remarks>
    public StackOverflowCheck CheckStackOverflow(FaultRecord fault, ThreadMemoryView thread, uint sp)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(thread);
        bool stacking = fault.Class == FaultClass.Stacking;
        bool dataAccess = fault.Class == FaultClass.Protection && fault.Access.Kind is AccessKind.Read or AccessKind.Write;
        if (!stacking && !dataAccess)
        {
            return default;
        }

        uint? faultAddress = dataAccess ? fault.FaultAddress : null;
        uint guard = _options.StackGuard ? _options.GuardSize : 0;
        if (thread.PrivilegedStackStart != 0)
        {
            if (fault.Access.Privilege == Privilege.Supervisor)
            {
                uint start = thread.PrivilegedStackStart;
                return IsGuardViolation(start - guard, guard, faultAddress, sp) ? new(true, start) : default;
            }

            return sp < thread.StackObject ? new(true, thread.StackObject) : default;
        }

        uint stackStart = thread.StackStart;
        return IsGuardViolation(stackStart - guard, guard, faultAddress, sp) ? new(true, stackStart) : default;
    }

    /// <inheritdoc/>
    public IReadOnlyList<RegionUse> ActiveRegions()
    {
        var regions = new List<RegionUse>();
        for (int i = 0; i < RegionCount; i++)
        {
            if (_programmed[i] is ArmRegionRequest r)
            {
                regions.Add(new RegionUse(i, AddressRange.FromSize(r.Start, r.Size), r.Permissions, r.Holder.ToString()));
            }
        }

        return regions;
    }

    /// <inheritdoc/>
    public RegionBudget Budget(IReadOnlyList<MemoryPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        int perThread = ThreadRegions * (_gapFilling is null ? 1 : 2);
        ulong wasted = 0;
        foreach (MemoryPartition p in partitions)
        {
            // In 64 bits: a PMSAv7 partition over 2 GiB rounds to 4 GiB, which RegionSizeFor's uint cannot hold.
            ulong region = Version == ArmMpuVersion.PmsaV7
                ? Math.Max(32UL, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)p.Size))
                : ((ulong)p.Size + 31) & ~31UL;
            wasted += region - p.Size;
        }

        int left = MaxPartitionsPerDomain - partitions.Count;
        return new RegionBudget(RegionCount, _staticRegions, perThread, partitions.Count, left, wasted);
    }

    private static bool IsGuardViolation(uint guardStart, uint guardSize, uint? faultAddress, uint sp) =>
        faultAddress is uint fa
            ? fa >= guardStart && fa < guardStart + guardSize && sp < guardStart + guardSize
            : sp < guardStart + guardSize;

    private void ProgramDynamic(ThreadMemoryView thread, bool force)
    {
        if (!_booted)
        {
            throw new InvalidOperationException($"{Arch}: the MPU driver was asked to program a thread before Boot");
        }

        ReadOnlySpan<ArmRegionRequest> wanted = DynamicRegionsFor(thread);
        if (!force && wanted.SequenceEqual(_lastDynamic.AsSpan(0, _lastDynamicCount)))
        {
            return;
        }

        if (wanted.Length > RegionCount - _staticRegions)
        {
            throw new InvalidOperationException(
                $"{Arch}: thread '{thread.Name}' needs {wanted.Length} dynamic regions but {RegionCount - _staticRegions} of {RegionCount} are left after {_staticRegions} boot regions");
        }

        if (_gapFilling is not null)
        {
            _gapFilling.Compute(_boot, _staticRegions, wanted, thread.Name);
            Apply(_gapFilling.Target);
            Remember(wanted);
            return;
        }

        int index = _staticRegions;
        if (Version == ArmMpuVersion.PmsaV8)
        {
            // Zephyr clears the SRAM background region so that privileged SRAM accesses fall to the
            // default map and the dynamic regions never overlap it.
            ClearRegion(_ramRegion, counted: true);
        }

        foreach (ArmRegionRequest request in wanted)
        {
            ProgramRegion(index++, request, counted: true);
        }

        for (; index < RegionCount; index++)
        {
            if (_programmed[index] is not null)
            {
                ClearRegion(index, counted: true);
            }
        }

        Remember(wanted);
    }

    private void Remember(ReadOnlySpan<ArmRegionRequest> wanted)
    {
        if (_lastDynamic.Length < wanted.Length)
        {
            _lastDynamic = new ArmRegionRequest[_wanted.Length];
        }

        wanted.CopyTo(_lastDynamic);
        _lastDynamicCount = wanted.Length;
    }

    /// <summary>
    /// Programs the gap-filling map <paramref name="target"/>, writing only the regions that change. Changed regions
    /// whose old extent meets another region of the new map are disabled first, so that no two enabled regions
    /// overlap at any point (PMSAv8 faults every access to an overlap, privileged or not).
    /// </summary>
    private void Apply(ReadOnlySpan<ArmRegionRequest?> target)
    {
        for (int i = 0; i < RegionCount; i++)
        {
            if (_programmed[i] is ArmRegionRequest old && !Same(old, target[i]) && (target[i] is null || MeetsAnother(old, i, target)))
            {
                ClearRegion(i, counted: true);
            }
        }

        for (int i = 0; i < RegionCount; i++)
        {
            if (target[i] is not ArmRegionRequest want)
            {
                continue; // cleared above when it held something
            }

            if (_programmed[i] is ArmRegionRequest have && have.SameHardware(want))
            {
                _programmed[i] = want;
            }
            else
            {
                ProgramRegion(i, want, counted: true);
            }
        }
    }

    private static bool Same(ArmRegionRequest have, ArmRegionRequest? want) => want is ArmRegionRequest w && have.SameHardware(w);

    private static bool MeetsAnother(ArmRegionRequest region, int index, ReadOnlySpan<ArmRegionRequest?> target)
    {
        for (int j = 0; j < target.Length; j++)
        {
            if (j != index && target[j] is ArmRegionRequest other && other.Overlaps(region))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>z_arm_configure_dynamic_mpu_regions</c>: partitions in slot order, the user stack, the guard.</summary>
    /// <summary>The dynamic regions <paramref name="thread"/> needs, in Zephyr's order, in a buffer reused at every switch.</summary>
    private ReadOnlySpan<ArmRegionRequest> DynamicRegionsFor(ThreadMemoryView thread)
    {
        MemoryPartition[] slots = thread.Domain.Slots;
        if (_wanted.Length < slots.Length + 2)
        {
            _wanted = new ArmRegionRequest[slots.Length + 2];
        }

        int count = 0;
        for (int slot = 0; slot < slots.Length; slot++)
        {
            MemoryPartition p = slots[slot];
            if (!p.IsFree)
            {
                _wanted[count++] = new ArmRegionRequest(p.Start, p.Size, p.Permissions, new RegionHolder(RegionHolderKind.DomainSlot, thread.Domain.Name, slot));
            }
        }

        uint guard = _options.GuardSize;
        if (thread.PrivilegedStackStart != 0)
        {
            uint size = thread.StackSize + (thread.StackStart - thread.StackObject);
            _wanted[count++] = new ArmRegionRequest(thread.StackObject, size, PartitionPermissions.P_RW_U_RW, new RegionHolder(RegionHolderKind.UserStack, thread.Name));
            if (_options.StackGuard)
            {
                _wanted[count++] = new ArmRegionRequest(thread.PrivilegedStackStart - guard, guard, PartitionPermissions.P_RO_U_NA, new RegionHolder(RegionHolderKind.PrivilegeStackGuard, thread.Name));
            }
        }
        else if (_options.StackGuard)
        {
            _wanted[count++] = new ArmRegionRequest(thread.StackStart - guard, guard, PartitionPermissions.P_RO_U_NA, new RegionHolder(RegionHolderKind.StackGuard, thread.Name));
        }

        return _wanted.AsSpan(0, count);
    }

    private void ProgramBoot(int index, AddressRange range, PartitionPermissions permissions, string holder, bool flash)
    {
        if (index >= RegionCount)
        {
            throw new InvalidOperationException($"{Arch}: the boot configuration needs more than the {RegionCount} MPU regions");
        }

        (uint start, uint size) = Version == ArmMpuVersion.PmsaV7 ? EnclosingPowerOfTwo(range) : Round32(range);
        ProgramRegion(index, new ArmRegionRequest(start, size, permissions, RegionHolder.Boot(holder), flash), counted: false);
    }

    private void ProgramRegion(int index, ArmRegionRequest request, bool counted)
    {
        if (Version == ArmMpuVersion.PmsaV7)
        {
            uint size = RegionSizeFor(request.Size);
            uint attr = request.Flash
                ? FlashAttrV7 | (Executable(request.Permissions) ? 0 : XnV7)
                : ArmPartitionAttributes.V7Rasr(request.Permissions);
            WriteRegion(index, request.Start & ~0x1Fu, attr | (SizeField(size) << 1) | 1, counted);
        }
        else
        {
            // REGION_FLASH_ATTR on PMSAv8: AP=11 (RO/RO), MAIR index 0 (flash); XN only for a split rodata region.
            (uint rbar, uint attrIndex) = request.Flash
                ? ((0b11u << 1) | (Executable(request.Permissions) ? 0u : 1u), 0u)
                : ArmPartitionAttributes.V8Rbar(request.Permissions);
            uint limit = (uint)(((ulong)request.Start + request.Size - 1) & ~0x1FuL);
            WriteRegion(index, (request.Start & ~0x1Fu) | rbar, limit | (attrIndex << 1) | 1, counted);
        }

        _programmed[index] = request;
    }

    private void ClearRegion(int index, bool counted = false)
    {
        WriteRegion(index, 0, 0, counted);
        _programmed[index] = null;
    }

    private void WriteRegion(int index, uint rbar, uint rasrOrRlar, bool counted = false)
    {
        WriteRegister(ScsRegisters.MPU_RNR, (uint)index);
        WriteRegister(ScsRegisters.MPU_RBAR, rbar);
        WriteRegister(ScsRegisters.MPU_RASR, rasrOrRlar);
        if (counted)
        {
            DynamicRegisterWrites += 3;
        }
    }

    /// <summary>
    /// PMSAv7 regions overlap freely (the higher index wins), so a boot region rounded over a code region would change
    /// its permissions: kernel RAM over text makes text execute-never, text and rodata over each other make text
    /// execute-never or rodata executable. Refused, as nothing can express the intended map.
    /// </summary>
    private void CheckBootOverlap()
    {
        if (Version != ArmMpuVersion.PmsaV7)
        {
            return;
        }

        for (int c = 0; c < _codeRegions; c++)
        {
            for (int i = c + 1; i < _staticRegions; i++)
            {
                if (_programmed[c] is ArmRegionRequest code && _programmed[i] is ArmRegionRequest r && r.Overlaps(code))
                {
                    throw new InvalidOperationException(i < _codeRegions
                        ? $"{Arch}: text rounds to [0x{code.Start:X8}, +0x{code.Size:X}) and rodata to [0x{r.Start:X8}, +0x{r.Size:X}); split, the two regions would cover each other (rodata's execute-never over text, or text's execute over rodata); align text and rodata each on a power of two of its size"
                        : $"{Arch}: boot region '{r.Holder}' rounds to [0x{r.Start:X8}, +0x{r.Size:X}) and would cover the '{code.Holder}' region; place text and kernel RAM in separately aligned windows");
                }
            }
        }
    }

    private static bool Executable(PartitionPermissions p) =>
        (p & (PartitionPermissions.SupervisorExecute | PartitionPermissions.UserExecute)) != 0;

    private static (uint Start, uint Size) Round32(AddressRange range)
    {
        uint start = (uint)range.Start & ~0x1Fu;
        ulong end = (range.End + 0x1F) & ~0x1FuL;
        return (start, (uint)(end - start));
    }

    private static (uint Start, uint Size) EnclosingPowerOfTwo(AddressRange range)
    {
        ulong size = 32;
        while (size < (1UL << 32))
        {
            ulong start = range.Start & ~(size - 1);
            if (start + size >= range.End)
            {
                return ((uint)start, (uint)size);
            }

            size <<= 1;
        }

        throw new InvalidOperationException($"{range} cannot be covered by one PMSAv7 region smaller than 4 GiB");
    }

    private uint RegionSizeFor(uint size) => Version == ArmMpuVersion.PmsaV7
        ? (uint)Math.Max(32UL, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)size))
        : (size + 31) & ~31u;

    private static uint SizeField(uint size) => (uint)System.Numerics.BitOperations.Log2(size) - 1;

    private uint ReadRegister(uint address)
    {
        FaultRecord? fault = _cpu.TryRead(address, 4, AccessKind.Read, Privilege.Supervisor, out uint value);
        return fault is null ? value : throw new InvalidOperationException($"MPU register 0x{address:X8} could not be read: {fault}");
    }

    private void WriteRegister(uint address, uint value)
    {
        FaultRecord? fault = _cpu.TryWrite(address, 4, AccessKind.Write, Privilege.Supervisor, value);
        if (fault is not null)
        {
            throw new InvalidOperationException($"MPU register 0x{address:X8} could not be written: {fault}");
        }
    }
}
