using Bora.Arch.Arc.Driver;
using Bora.Hal;
using static Bora.Arch.Arc.Tests.Driver.ArcDriverRig;

namespace Bora.Arch.Arc.Tests.Driver;

/// <summary>
/// Zephyr's ARC MPU driver on both MPUs: boot regions, per-thread regions, the partition limit, the
/// upstream slot quirk fixed, buffer validation, rules and budget, all observed through the hardware
/// model's decisions and fault registers (arch-spec §3.6).
/// </summary>
[TestFixture(ArcMpuVersion.V2)]
[TestFixture(ArcMpuVersion.V4)]
public sealed class ArcMpuDriverTests(ArcMpuVersion version)
{
    private const uint EcrRead = 0x0006_0104, EcrWrite = 0x0006_0204, EcrFetch = 0x0006_0004;
    private const Privilege User = Privilege.User, Kernel = Privilege.Supervisor;

    private ArcDriverRig _rig = null!;

    private ArcMpuDriver Driver => _rig.Driver;

    private bool V2 => version == ArcMpuVersion.V2;

    [SetUp]
    public void Boot() => _rig = new ArcDriverRig(version);

    [Test]
    public void Boot_UserReadsAndExecutesText_NeverWritesIt_AndNeverTouchesKernelRam()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.StaticRegions, Is.EqualTo(V2 ? 2 : 1), "v4 leaves kernel RAM to the default region");
            Assert.That(_rig.Load(0x1000, User), Is.Null, "user reads text");
            Assert.That(_rig.Fetch(0x1000, User), Is.Null, "user executes text");
            Assert.That(_rig.Load(0x2_8000, User), Is.Null, "user reads rodata");
            AssertFault(_rig.Store(0x1000, User), EcrWrite, 0x1000, "user store to text");
            AssertFault(_rig.Store(0x2_8000, Kernel), EcrWrite, 0x2_8000, "rodata is not writable, even for the kernel");
            AssertFault(_rig.Load(Ram + 0x100, User), EcrRead, Ram + 0x100, "kernel RAM is never user-readable");
            AssertFault(_rig.Store(Ram + 0x100, User), EcrWrite, Ram + 0x100, "kernel RAM is never user-writable");
            AssertFault(_rig.Fetch(Ram + 0x100, Kernel), EcrFetch, Ram + 0x100, "kernel RAM is not executable");
            Assert.That(_rig.Store(Ram + 0x100, Kernel), Is.Null, "the kernel writes its RAM");
        });
    }

    [Test]
    public void MaxPartitions_ComesFromTheRegionsLeft()
    {
        Assert.That(Driver.MaxPartitionsPerDomain, Is.EqualTo(V2 ? 16 - 2 - 2 : 16 - (1 + 4) - 1));
        Driver.Boot(Layout((new AddressRange(Ram + 0x4_0000, Ram + 0x4_0800), PartitionPermissions.P_RW_U_RW)));
        Assert.That(Driver.MaxPartitionsPerDomain, Is.EqualTo(V2 ? 16 - 3 - 2 : 16 - (2 + 4) - 1), "an extra boot region takes a region");
    }

    [Test]
    public void MaxPartitions_AllReachable_OneMoreIsRefused()
    {
        int max = Driver.MaxPartitionsPerDomain;
        MemoryPartition[] parts = [.. Enumerable.Range(0, max + 1).Select(i => new MemoryPartition(Ram + 0x2_0000 + ((uint)i * 0x800), 0x800, PartitionPermissions.P_RW_U_RW))];
        ThreadMemoryView user = _rig.UserThread(Domain(parts[..max]));
        Enter(user);
        Assert.Multiple(() =>
        {
            foreach (MemoryPartition p in parts[..max])
            {
                Assert.That(_rig.Store(p.Start + 0x10, User), Is.Null, $"partition {p}");
            }

            AssertFault(_rig.Store(parts[max].Start + 0x10, User), EcrWrite, parts[max].Start + 0x10, "not in the domain");
        });
        Assert.That(() => Driver.SwitchIn(_rig.UserThread(Domain(parts))), Throws.InvalidOperationException.With.Message.Contains("partition regions"));
    }

    [Test]
    public void UserThread_ReachesItsPartitionsAndStack_AndNothingElse()
    {
        ThreadMemoryView user = _rig.UserThread(Domain(Rw, Ro));
        Enter(user);
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Store(Rw.Start + 8, User), Is.Null, "RW partition");
            Assert.That(_rig.Load(Ro.Start + 8, User), Is.Null, "RO partition readable");
            AssertFault(_rig.Store(Ro.Start + 8, User), EcrWrite, Ro.Start + 8, "RO partition not writable");
            AssertFault(_rig.Fetch(Rw.Start, User), EcrFetch, Rw.Start, "P_RW_U_RW is not executable");
            AssertFault(_rig.Load((uint)Ro.End, User), EcrRead, (uint)Ro.End, "just past the partitions");
            Assert.That(_rig.Store(user.StackStart + 0x100, User), Is.Null, "own stack");
            Assert.That(_rig.Store(user.StackStart + user.StackSize - 4, User), Is.Null, "own stack, top word");
            AssertFault(_rig.Load(user.PrivilegedStackStart + 0x10, User), EcrRead, user.PrivilegedStackStart + 0x10, "own privilege stack");
            AssertFault(_rig.Load(Ram + 0x1000, User), EcrRead, Ram + 0x1000, "another thread's stack");
            Assert.That(_rig.Store(user.PrivilegedStackStart + 0x10, Kernel), Is.Null, "the kernel uses the privilege stack");
        });
    }

    [Test]
    public void SupervisorThread_IsUnaffected_AndThePreviousUserStackIsClosed()
    {
        ThreadMemoryView user = _rig.UserThread(Domain(Rw));
        Enter(user);
        ThreadMemoryView sup = _rig.SupervisorThread(Domain(Rw));
        Driver.SwitchIn(sup);
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Store(sup.StackStart + 0x100, Kernel), Is.Null, "its stack");
            Assert.That(_rig.Store(Ram + 0x7_0000, Kernel), Is.Null, "kernel RAM");
            Assert.That(_rig.Store(user.StackStart, Kernel), Is.Null, "the kernel reaches every stack");
            Assert.That(_rig.Store(Rw.Start, Kernel), Is.Null, "the kernel reaches partitions");
            AssertFault(_rig.Store(user.StackStart, User), EcrWrite, user.StackStart, "the user-stack region went with the user thread");
        });
    }

    [Test]
    public void SwitchIn_SameThreadAndDomain_ReprogramsNothing_AnotherThreadDoes()
    {
        ThreadMemoryView a = _rig.UserThread(Domain(Rw));
        Driver.SwitchIn(a);
        long writes = Driver.DynamicRegisterWrites;
        Assert.That(writes, Is.GreaterThan(0));
        Driver.SwitchIn(a);
        Assert.That(Driver.DynamicRegisterWrites, Is.EqualTo(writes), "nothing changed: no register write");
        Driver.SwitchIn(_rig.SupervisorThread(Domain()));
        Assert.That(Driver.DynamicRegisterWrites, Is.GreaterThan(writes));
    }

    [Test]
    public void PartitionAddedToARunningDomain_TakesEffectAtTheNextSwitch_AndSoDoesARemoval()
    {
        DomainMemoryView domain = Domain();
        ThreadMemoryView user = _rig.UserThread(domain);
        Enter(user);
        AssertFault(_rig.Load(Ro.Start, User), EcrRead, Ro.Start, "before the add");
        domain.Slots[0] = Ro;
        domain.PartitionCount = 1;
        AssertFault(_rig.Load(Ro.Start, User), EcrRead, Ro.Start, "MPU drivers act at the switch, not at the add");
        Driver.SwitchIn(user);
        Assert.That(_rig.Load(Ro.Start, User), Is.Null, "after the switch");
        domain.Slots[0] = default;
        domain.PartitionCount = 0;
        Driver.SwitchIn(user);
        AssertFault(_rig.Load(Ro.Start, User), EcrRead, Ro.Start, "after the removal and a switch");
    }

    [Test]
    public void Arc16_AHoleLeftByARemoval_DoesNotHideLaterPartitions()
    {
        // Upstream counts the empty slot against num_partitions and never programs B (arch-spec ARC-16).
        DomainMemoryView domain = Domain(Rw, default, Ro);
        domain.PartitionCount = 2;
        Enter(_rig.UserThread(domain));
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Store(Rw.Start, User), Is.Null, "A");
            Assert.That(_rig.Load(Ro.Start + 0x10, User), Is.Null, "B, after the hole");
            AssertFault(_rig.Store(Ro.Start + 0x10, User), EcrWrite, Ro.Start + 0x10, "B keeps its attributes");
        });
    }

    [Test]
    public void BufferValidate_IsExactAndOverflowSafe()
    {
        Enter(_rig.UserThread(Domain(Rw, Ro)));
        Assert.Multiple(() =>
        {
            Assert.That(Driver.BufferValidate(Rw.Start, Rw.Size, write: true), Is.Zero, "inside, writable");
            Assert.That(Driver.BufferValidate(Ro.Start + 0x10, 0x20, write: false), Is.Zero, "inside, readable");
            Assert.That(Driver.BufferValidate(Ro.Start + 0x10, 0x20, write: true), Is.EqualTo(-1), "read-only for a write");
            Assert.That(Driver.BufferValidate((uint)Ro.End - 0x10, 0x20, write: false), Is.EqualTo(-1), "straddles the partition's end");
            Assert.That(Driver.BufferValidate((uint)Rw.End - 0x10, 0x20, write: false), Is.Zero, "spans two readable partitions (Zephyr refuses; refusing is allowed, Bora need not)");
            Assert.That(Driver.BufferValidate((uint)Rw.End - 0x10, 0x20, write: true), Is.EqualTo(-1), "spans into the read-only one");
            Assert.That(Driver.BufferValidate(Ram + 0x100, 4, write: false), Is.EqualTo(-1), "kernel memory");
            Assert.That(Driver.BufferValidate(0x1000, 0x100, write: false), Is.Zero, "text is user-readable");
            Assert.That(Driver.BufferValidate(0x1000, 0x100, write: true), Is.EqualTo(-1), "text is not writable");
            Assert.That(Driver.BufferValidate(0xFFFF_FFF0, 0x20, write: false), Is.EqualTo(-1), "wraps the address space");
            Assert.That(Driver.BufferValidate(Rw.Start, 0, write: false), Is.EqualTo(-1), "size 0 is never validated");
        });
    }

    [Test]
    public void Supports_AllNineZephyrAttributes_ButNoCacheVariants()
    {
        PartitionPermissions[] nine =
        [
            PartitionPermissions.P_NA_U_NA, PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RW_U_RO,
            PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RO_U_RO, PartitionPermissions.P_RO_U_NA,
            PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_RX, PartitionPermissions.P_RX_U_RX,
        ];
        Assert.Multiple(() =>
        {
            Assert.That(nine.Select(Driver.Supports), Is.All.True);
            Assert.That(nine.Select(p => ArcPartitionAttributes.Encode(p)), Is.EqualTo(new uint[] { 0x000, 0x1B0, 0x1A0, 0x180, 0x120, 0x100, 0x1F8, 0x1E8, 0x168 }), "arch.h values");
            Assert.That(Driver.Supports(PartitionPermissions.P_RW_U_RW | PartitionPermissions.NoCache), Is.False, "ARC has no _NOCACHE attribute");
            Assert.That(Driver.Supports(PartitionPermissions.P_RWX_U_NA), Is.False, "x86-only attribute");
        });
    }

    [Test]
    public void PnaUna_Partition_DeniesEveryoneOnBothVersions()
    {
        var none = new MemoryPartition(Ram + 0x1_2000, 0x800, PartitionPermissions.P_NA_U_NA);
        Enter(_rig.UserThread(Domain(none)));
        Assert.Multiple(() =>
        {
            AssertFault(_rig.Load(none.Start, User), EcrRead, none.Start, "user");
            AssertFault(_rig.Load(none.Start, Kernel), EcrRead, none.Start, "kernel: a valid region with no permission, not the default region");
        });
    }

    [Test]
    public void ValidatePartition_FollowsEachMpu()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.ValidatePartition(new MemoryPartition(Ram + 0x800, 0x800, PartitionPermissions.P_RW_U_RW)), Is.Zero);
            Assert.That(Driver.ValidatePartition(new MemoryPartition(Ram + 0x100, 0x100, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(V2 ? -22 : 0), "256 B: below v2's 2 KiB minimum");
            Assert.That(Driver.ValidatePartition(new MemoryPartition(Ram, 0xC00, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(V2 ? -22 : 0), "3 KiB: not a power of two");
            Assert.That(Driver.ValidatePartition(new MemoryPartition(Ram + 0x400, 0x800, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(V2 ? -22 : 0), "base not aligned to the size");
            Assert.That(Driver.ValidatePartition(new MemoryPartition(Ram + 0x10, 0x20, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "base not 32-byte aligned");
            Assert.That(Driver.ValidatePartition(new MemoryPartition(Ram, 0x30, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "not a multiple of 32");
        });
    }

    [Test]
    public void Capabilities_AndStackGeometry_FollowEachMpu()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Capabilities, Is.EqualTo(new ProtectionCapabilities(V2, !V2, V2 ? 2048u : 32u, false, false)));
            Assert.That(Driver.StackGeometry.GuardBytes, Is.EqualTo(V2 ? 0u : 32u), "v2: no MPU guard, stack checking instead");
            Assert.That(Driver.StackGeometry.PowerOfTwoSize, Is.EqualTo(V2));
            Assert.That(Driver.StackGeometry.PrivilegedStackBytes, Is.EqualTo(1024u));
            Assert.That(Driver.StackGeometry.ReservedBytes, Is.EqualTo(V2 ? 0u : 32u + 1024u));
        });
    }

    [Test]
    public void Budget_CountsRegionsAndRoundingWaste()
    {
        RegionBudget budget = Driver.Budget([new MemoryPartition(Ram, 3000, PartitionPermissions.P_RW_U_RW), new MemoryPartition(Ram + 0x1000, 100, PartitionPermissions.P_RO_U_RO)]);
        Assert.Multiple(() =>
        {
            Assert.That(budget.TotalRegions, Is.EqualTo(16));
            Assert.That(budget.BootRegions, Is.EqualTo(V2 ? 2 : 1));
            Assert.That(budget.PerThreadRegions, Is.EqualTo(V2 ? 2 : 5), "v2: user stack + unused N-S-2; v4: S..S+3 + N-1");
            Assert.That(budget.PartitionRegions, Is.EqualTo(2));
            Assert.That(budget.SlotsLeft, Is.EqualTo(Driver.MaxPartitionsPerDomain - 2));
            Assert.That(budget.BytesWasted, Is.EqualTo(V2 ? (4096UL - 3000) + (2048 - 100) : (3008UL - 3000) + (128 - 100)));
        });
    }

    [Test]
    public void ActiveRegions_NameWhatHoldsEachRegion_WithTheRangeTheHardwareDecodes()
    {
        Enter(_rig.UserThread(Domain(Rw)));
        IReadOnlyList<RegionUse> regions = Driver.ActiveRegions();
        string[] expected = V2
            ? ["boot: text+rodata", "boot: kernel RAM", "domain 'd' slot 0", "user stack of 'user'"]
            : ["boot: text+rodata", "domain 'd' slot 0", "user stack of 'user'", "privilege-stack guard of 'user'"];
        Assert.Multiple(() =>
        {
            Assert.That(regions.Select(r => r.Holder), Is.EquivalentTo(expected));
            Assert.That(regions.Single(r => r.Holder == "boot: text+rodata").Range, Is.EqualTo(V2 ? new AddressRange(0, 0x4_0000) : new AddressRange(0x400, 0x3_0000)));
            Assert.That(regions.Single(r => r.Holder == "domain 'd' slot 0"), Is.EqualTo(new RegionUse(regions.Single(r => r.Holder == "domain 'd' slot 0").Slot, new AddressRange(Rw.Start, Rw.End), PartitionPermissions.P_RW_U_RW, "domain 'd' slot 0")));
        });
    }

    private void Enter(ThreadMemoryView thread) => Driver.UserModeEnter(thread);
}
