using Bora.Arch.Arm.Driver;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm.Tests.Driver;

/// <summary>
/// Zephyr's ARM MPU driver on both MPUs: boot regions, per-thread dynamic regions, the partition
/// limit, buffer validation and stack-overflow classification, all observed through the hardware
/// model's decisions (arch-spec §2.7).
/// </summary>
[TestFixture(ArmMpuVersion.PmsaV7)]
[TestFixture(ArmMpuVersion.PmsaV8)]
public sealed class ArmMpuDriverTests(ArmMpuVersion version)
{
    private ArmMachine _machine = null!;
    private ArmMpuDriver _driver = null!;
    private uint _ram;

    private Cpu Cpu => _machine.Cpu;

    [SetUp]
    public void Boot()
    {
        bool v7 = version == ArmMpuVersion.PmsaV7;
        _machine = ArmMachine.Create(v7 ? ArmBoards.Mps2An385 : ArmBoards.Mps2An505);
        _driver = new ArmMpuDriver(_machine);
        _ram = v7 ? 0x2000_0000u : 0x2800_0000u;
        _driver.Boot(new BootMemoryLayout(
            Text: new AddressRange(0x400, 0x4_0400),
            Rodata: new AddressRange(0x4_0400, 0x5_0400),
            KernelRam: new AddressRange(_ram, _ram + 0x40_0000),
            ExtraUserRegions: []));
    }

    private ThreadMemoryView SupervisorThread(DomainMemoryView domain, uint stackObject = 0x1000) =>
        new(1, "sup", _ram + stackObject, 0x440, _ram + stackObject + 0x40, 0x400, domain);

    private ThreadMemoryView UserThread(DomainMemoryView domain)
    {
        // A power-of-two 1 KiB stack object whose buffer is all of it; the privilege stack elsewhere.
        var thread = new ThreadMemoryView(2, "user", _ram + 0x8000, 0x400, _ram + 0x8000, 0x400, domain)
        {
            IsUser = true,
            PrivilegedStackStart = _ram + 0x9040,
            PrivilegedStackSize = 0x400,
        };
        return thread;
    }

    private static DomainMemoryView Domain(params MemoryPartition[] partitions) => DriverDomains.Of(8, partitions);

    private bool Allowed(uint address, AccessKind kind, Privilege privilege) =>
        (kind == AccessKind.Write
            ? Cpu.TryWrite(address, 4, kind, privilege, 0)
            : Cpu.TryRead(address, kind == AccessKind.Execute ? 2 : 4, kind, privilege, out _)) is null;

    [Test]
    public void Boot_ProgramsTextAndKernelRam_AndEnablesTheBackgroundMap()
    {
        Cpu.TryRead(ScsRegisters.MPU_CTRL, 4, AccessKind.Read, Privilege.Supervisor, out uint ctrl);
        Assert.Multiple(() =>
        {
            Assert.That(ctrl, Is.EqualTo(5u));
            Assert.That(_driver.StaticRegions, Is.EqualTo(2));
            Assert.That(Allowed(0x1000, AccessKind.Read, Privilege.User), Is.True, "user reads text");
            Assert.That(Allowed(0x1000, AccessKind.Execute, Privilege.User), Is.True, "user executes text");
            Assert.That(Allowed(0x4_8000, AccessKind.Read, Privilege.User), Is.True, "user reads rodata");
            Assert.That(Allowed(0x1000, AccessKind.Write, Privilege.Supervisor), Is.False, "text is not writable, even privileged");
            Assert.That(Allowed(_ram + 0x100, AccessKind.Read, Privilege.User), Is.False, "kernel RAM is never user-accessible");
            Assert.That(Allowed(_ram + 0x100, AccessKind.Write, Privilege.Supervisor), Is.True);
        });
    }

    [Test]
    public void MaxPartitions_ComesFromTheRegionsLeft()
    {
        int regions = version == ArmMpuVersion.PmsaV7 ? 8 : 16;
        Assert.That(_driver.MaxPartitionsPerDomain, Is.EqualTo(regions - 2 - 1 - 1));
        _driver.Boot(new BootMemoryLayout(new AddressRange(0x400, 0x800), new AddressRange(0x800, 0xC00), new AddressRange(_ram, _ram + 0x40_0000),
            [(new AddressRange(_ram + 0x80_0000, _ram + 0x80_1000), PartitionPermissions.P_RW_U_RW)]));
        Assert.That(_driver.MaxPartitionsPerDomain, Is.EqualTo(regions - 3 - 1 - 1), "an extra boot region takes a slot");
    }

    [Test]
    public void UserThread_ReachesItsPartitionsAndStack_AndNothingElse()
    {
        var rw = new MemoryPartition(_ram + 0x1_0000, 0x1000, PartitionPermissions.P_RW_U_RW);
        var ro = new MemoryPartition(_ram + 0x1_1000, 0x1000, PartitionPermissions.P_RO_U_RO);
        ThreadMemoryView user = UserThread(Domain(rw, ro));
        _driver.UserModeEnter(user);
        Assert.Multiple(() =>
        {
            Assert.That(Allowed(rw.Start + 8, AccessKind.Write, Privilege.User), Is.True, "RW partition");
            Assert.That(Allowed(ro.Start + 8, AccessKind.Read, Privilege.User), Is.True, "RO partition readable");
            Assert.That(Allowed(ro.Start + 8, AccessKind.Write, Privilege.User), Is.False, "RO partition not writable");
            Assert.That(Allowed(rw.Start, AccessKind.Execute, Privilege.User), Is.False, "partition is execute-never");
            Assert.That(Allowed(user.StackStart + 0x100, AccessKind.Write, Privilege.User), Is.True, "own stack");
            Assert.That(Allowed(user.PrivilegedStackStart + 0x10, AccessKind.Read, Privilege.User), Is.False, "own privilege stack");
            Assert.That(Allowed(_ram + 0x2000, AccessKind.Read, Privilege.User), Is.False, "another thread's stack / kernel RAM");
            Assert.That(Allowed(user.PrivilegedStackStart - 0x10, AccessKind.Write, Privilege.Supervisor), Is.False, "privilege-stack guard");
        });
    }

    [Test]
    public void SupervisorThread_GuardIsPrivilegedReadOnly()
    {
        ThreadMemoryView sup = SupervisorThread(Domain());
        _driver.SwitchIn(sup);
        uint guard = sup.StackStart - 64;
        Assert.Multiple(() =>
        {
            Assert.That(Allowed(guard + 0x10, AccessKind.Read, Privilege.Supervisor), Is.True, "P_RO_U_NA guard: privileged reads succeed");
            Assert.That(Allowed(guard + 0x10, AccessKind.Write, Privilege.Supervisor), Is.False);
            Assert.That(Allowed(sup.StackStart, AccessKind.Write, Privilege.Supervisor), Is.True, "the stack itself");
        });
    }

    [Test]
    public void SwitchIn_SameThreadAndDomain_ReprogramsNothing_AnotherThreadDoes()
    {
        DomainMemoryView domain = Domain(new MemoryPartition(_ram + 0x1_0000, 0x1000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView a = UserThread(domain);
        _driver.SwitchIn(a);
        int writes = _driver.DynamicRegisterWrites;
        _driver.SwitchIn(a);
        Assert.That(_driver.DynamicRegisterWrites, Is.EqualTo(writes), "nothing changed: no register write");
        _driver.SwitchIn(SupervisorThread(Domain()));
        Assert.That(_driver.DynamicRegisterWrites, Is.GreaterThan(writes));
    }

    [Test]
    public void PartitionAddedToARunningDomain_TakesEffectAtTheNextSwitch()
    {
        DomainMemoryView domain = Domain();
        ThreadMemoryView user = UserThread(domain);
        _driver.UserModeEnter(user);
        uint address = _ram + 0x2_0000;
        Assert.That(Allowed(address, AccessKind.Read, Privilege.User), Is.False);
        domain.Slots[0] = new MemoryPartition(address, 0x100, PartitionPermissions.P_RO_U_RO);
        domain.PartitionCount = 1;
        Assert.That(Allowed(address, AccessKind.Read, Privilege.User), Is.False, "MPU drivers act at the switch, not at the add");
        _driver.SwitchIn(user);
        Assert.That(Allowed(address, AccessKind.Read, Privilege.User), Is.True);
    }

    [Test]
    public void BufferValidate_IsExactAndOverflowSafe()
    {
        var rw = new MemoryPartition(_ram + 0x1_0000, 0x1000, PartitionPermissions.P_RW_U_RW);
        var ro = new MemoryPartition(_ram + 0x1_1000, 0x1000, PartitionPermissions.P_RO_U_RO);
        _driver.UserModeEnter(UserThread(Domain(rw, ro)));
        Assert.Multiple(() =>
        {
            Assert.That(_driver.BufferValidate(rw.Start, 0x1000, write: true), Is.Zero);
            Assert.That(_driver.BufferValidate(ro.Start + 0x10, 0x20, write: false), Is.Zero);
            Assert.That(_driver.BufferValidate(ro.Start + 0x10, 0x20, write: true), Is.EqualTo(-1), "read-only for a write");
            Assert.That(_driver.BufferValidate((uint)ro.End - 0x10, 0x20, write: false), Is.EqualTo(-1), "straddles the partition's end");
            Assert.That(_driver.BufferValidate(_ram + 0x100, 4, write: false), Is.EqualTo(-1), "kernel memory");
            Assert.That(_driver.BufferValidate(0xFFFF_FFF0, 0x20, write: false), Is.EqualTo(-1), "wraps the address space");
            Assert.That(_driver.BufferValidate(rw.Start, 0, write: false), Is.EqualTo(-1), "size 0 is never validated");
        });
    }

    [Test]
    public void CheckStackOverflow_ClassifiesAsZephyrDoes()
    {
        ThreadMemoryView sup = SupervisorThread(Domain());
        _driver.SwitchIn(sup);
        uint guardStart = sup.StackStart - 64;

        // V7-15: exception entry pushes into the guard (MSTKERR), SP below the guard's end.
        Cpu.State.Privilege = Privilege.Supervisor;
        FaultRecord? stacking = Cpu.TryWrite(guardStart + 0x20, 4, AccessKind.StackPush, Privilege.Supervisor, 0);
        Assert.That(stacking, Is.Not.Null);
        StackOverflowCheck overflow = _driver.CheckStackOverflow(stacking!, sup, guardStart + 0x20);

        // V7-14b: a stray store into the guard while SP is well inside the stack.
        FaultRecord? stray = Cpu.TryWrite(guardStart + 0x3C, 4, AccessKind.Write, Privilege.Supervisor, 0);
        StackOverflowCheck notOverflow = _driver.CheckStackOverflow(stray!, sup, sup.StackStart + 0x200);
        Assert.Multiple(() =>
        {
            Assert.That(overflow, Is.EqualTo(new StackOverflowCheck(true, sup.StackStart)));
            Assert.That(notOverflow.IsStackOverflow, Is.False);
        });
    }

    [Test]
    public void CheckStackOverflow_UserModeSpBelowTheStackObject_IsAnOverflow()
    {
        ThreadMemoryView user = UserThread(Domain());
        _driver.UserModeEnter(user);
        FaultRecord? push = Cpu.TryWrite(user.StackObject - 8, 4, AccessKind.StackPush, Privilege.User, 0);
        Assert.That(push, Is.Not.Null);
        Assert.That(_driver.CheckStackOverflow(push!, user, user.StackObject - 8), Is.EqualTo(new StackOverflowCheck(true, user.StackObject)));
    }

    [Test]
    public void Supports_AndValidatePartition_FollowEachMpu()
    {
        bool v7 = version == ArmMpuVersion.PmsaV7;
        Assert.Multiple(() =>
        {
            Assert.That(_driver.Supports(PartitionPermissions.P_RW_U_RO), Is.EqualTo(v7));
            Assert.That(_driver.Supports(PartitionPermissions.P_RW_U_RW | PartitionPermissions.NoCache), Is.True);
            Assert.That(_driver.ValidatePartition(new MemoryPartition(0x2000_0100, 0x100, PartitionPermissions.P_RW_U_RW)), Is.Zero);
            Assert.That(_driver.ValidatePartition(new MemoryPartition(0x2000_0100, 0x120, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(v7 ? -22 : 0), "0x120 bytes: not a power of two");
            Assert.That(_driver.ValidatePartition(new MemoryPartition(0x2000_0080, 0x100, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(v7 ? -22 : 0), "base not aligned to the size");
            Assert.That(_driver.ValidatePartition(new MemoryPartition(0x2000_0010, 0x20, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "base not 32-byte aligned");
        });
    }

    [Test]
    public void Budget_CountsRegionsAndRoundingWaste()
    {
        RegionBudget budget = _driver.Budget([new MemoryPartition(0x2000_0000, 3000, PartitionPermissions.P_RW_U_RW), new MemoryPartition(0x2000_1000, 100, PartitionPermissions.P_RO_U_RO)]);
        bool v7 = version == ArmMpuVersion.PmsaV7;
        Assert.Multiple(() =>
        {
            Assert.That(budget.BootRegions, Is.EqualTo(2));
            Assert.That(budget.PerThreadRegions, Is.EqualTo(2));
            Assert.That(budget.PartitionRegions, Is.EqualTo(2));
            Assert.That(budget.SlotsLeft, Is.EqualTo((v7 ? 8 : 16) - 6));
            Assert.That(budget.BytesWasted, Is.EqualTo(v7 ? (4096 - 3000) + (128 - 100) : (3008 - 3000) + (128 - 100)));
        });
    }

    [Test]
    public void ActiveRegions_NameWhatHoldsEachRegion()
    {
        _driver.UserModeEnter(UserThread(Domain(new MemoryPartition(_ram + 0x1_0000, 0x1000, PartitionPermissions.P_RW_U_RW))));
        IReadOnlyList<RegionUse> regions = _driver.ActiveRegions();
        Assert.That(regions.Select(r => r.Holder), Is.SupersetOf(new[] { "boot: text+rodata", "boot: kernel RAM", "domain 'd' slot 0", "user stack of 'user'", "privilege-stack guard of 'user'" }).Or.SupersetOf(new[] { "boot: text+rodata", "domain 'd' slot 0", "user stack of 'user'", "privilege-stack guard of 'user'" }));
    }
}
