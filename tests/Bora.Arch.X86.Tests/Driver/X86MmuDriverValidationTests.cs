using Bora.Arch.X86.Driver;
using Bora.Hal;

namespace Bora.Arch.X86.Tests.Driver;

/// <summary><c>arch_buffer_validate</c>'s page walk and <c>z_x86_check_stack_bounds</c>' classification.</summary>
[TestFixture(X86PagingMode.Pae)]
[TestFixture(X86PagingMode.Paging32)]
public sealed class X86MmuDriverValidationTests(X86PagingMode mode) : X86DriverFixture(mode)
{
    private DomainMemoryView _domain = null!;
    private ThreadMemoryView _user = null!;

    [SetUp]
    public void EnterUserMode()
    {
        _domain = Domain("d", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW), Partition(PartB, 0x1000, PartitionPermissions.P_RO_U_RO));
        _user = UserThread("user", _domain);
        Driver.UserModeEnter(_user);
    }

    [Test]
    public void BufferValidate_FollowsThePageTables()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.BufferValidate(PartA, 0x1000, write: true), Is.Zero, "whole RW partition");
            Assert.That(Driver.BufferValidate(PartB + 0x10, 0x20, write: false), Is.Zero, "inside the RO partition");
            Assert.That(Driver.BufferValidate(PartB + 0x10, 0x20, write: true), Is.EqualTo(-1), "read-only for a write");
            Assert.That(Driver.BufferValidate(PartA + 0xFF0, 0x20, write: false), Is.Zero, "straddles two readable pages");
            Assert.That(Driver.BufferValidate(PartA + 0xFF0, 0x20, write: true), Is.EqualTo(-1), "X86-17: the second page has RW=0");
            Assert.That(Driver.BufferValidate(PartB + 0xFF0, 0x20, write: false), Is.EqualTo(-1), "straddles into kernel data");
            Assert.That(Driver.BufferValidate(TextStart, 0x100, write: false), Is.Zero, "text is user-readable");
            Assert.That(Driver.BufferValidate(TextStart, 0x100, write: true), Is.EqualTo(-1), "but not writable");
            Assert.That(Driver.BufferValidate(KernelRamStart, 4, write: false), Is.EqualTo(-1), "kernel memory");
            Assert.That(Driver.BufferValidate(_user.StackStart, _user.StackSize, write: true), Is.Zero, "own stack");
            Assert.That(Driver.BufferValidate(_user.PrivilegedStackStart, 4, write: false), Is.EqualTo(-1), "privilege stack");
            Assert.That(Driver.BufferValidate(_user.StackObject, 4, write: false), Is.EqualTo(-1), "guard");
            Assert.That(Driver.BufferValidate(0x10, 4, write: false), Is.EqualTo(-1), "page 0");
            Assert.That(Driver.BufferValidate(0x4000_0000, 4, write: false), Is.EqualTo(-1), "no page table there (X86-09)");
        });
    }

    [Test]
    public void BufferValidate_IsOverflowSafe_AndNeverValidatesAnEmptyBuffer()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.BufferValidate(0xFFFF_FFF0, 0x20, write: false), Is.EqualTo(-1), "wraps the address space");
            Assert.That(Driver.BufferValidate(PartA, uint.MaxValue, write: false), Is.EqualTo(-1), "wraps the address space");
            Assert.That(Driver.BufferValidate(0xFFFF_F000, 0x1000, write: false), Is.EqualTo(-1), "ends exactly at 4 GiB, unmapped");
            Assert.That(Driver.BufferValidate(PartA, 0, write: false), Is.EqualTo(-1), "size 0");
        });
    }

    [Test]
    public void BufferValidate_UsesTheCurrentThreadsTables()
    {
        DomainMemoryView other = Domain("other");
        Driver.UserModeEnter(UserThread("other", other, 0x0031_0000));
        Assert.That(Driver.BufferValidate(PartA, 4, write: false), Is.EqualTo(-1), "d's partition is not in other's tables");
    }

    [Test]
    public void BufferValidate_DoesNotRequireTheLeafToBePresent()
    {
        // X86-18: a paged-out page (P=0) keeps its permission bits; validation passes, the access faults not-present.
        uint root = Driver.PageTablesOf(_domain)!.Value;
        SetPte(root, PartA, Pte(root, PartA) & ~PageEntry.P);
        Rig.Mmu.Invlpg(PartA);
        Assert.That(Driver.BufferValidate(PartA, 0x10, write: true), Is.Zero);
        AssertFault(Write(PartA, User), 0x6, PartA, "the access itself is a not-present fault for demand paging");
    }

    [Test]
    public void CheckStackOverflow_UserPushBelowTheBuffer_IsAnOverflow()
    {
        // X86-19: ESP at stack_info.start, a 4-byte push lands in the privilege stack (US=0).
        FaultRecord? push = Rig.Cpu.TryWrite(_user.StackStart - 4, 4, AccessKind.StackPush, User, 0);
        AssertFault(push, 0x7, _user.StackStart - 4);
        Assert.That(Driver.CheckStackOverflow(push!, _user, _user.StackStart), Is.EqualTo(new StackOverflowCheck(true, _user.StackStart)));
    }

    [Test]
    public void CheckStackOverflow_UserFaultWithSpInsideTheBuffer_IsNotAnOverflow()
    {
        FaultRecord? stray = Write(KernelRamStart, User);
        AssertFault(stray, 0x7, KernelRamStart);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.CheckStackOverflow(stray!, _user, _user.StackStart + 0x800).IsStackOverflow, Is.False);
            Assert.That(Driver.CheckStackOverflow(stray!, _user, _user.StackStart + _user.StackSize).IsStackOverflow, Is.False, "end is inclusive");
            Assert.That(Driver.CheckStackOverflow(stray!, _user, _user.StackStart + _user.StackSize + 4).IsStackOverflow, Is.True, "above the buffer");
        });
    }

    [Test]
    public void CheckStackOverflow_InASystemCall_ChecksThePrivilegeStack()
    {
        // CPL 0 in a user thread: the privilege stack page [start - 4096, start]; a push into the guard below it.
        uint privilegeStart = _user.StackStart - 0x1000;
        FaultRecord? push = Rig.Cpu.TryWrite(privilegeStart - 4, 4, AccessKind.StackPush, Supervisor, 0);
        AssertFault(push, 0x3, privilegeStart - 4, "the guard is read-only");
        Assert.Multiple(() =>
        {
            Assert.That(Driver.CheckStackOverflow(push!, _user, privilegeStart), Is.EqualTo(new StackOverflowCheck(true, privilegeStart)));
            Assert.That(Driver.CheckStackOverflow(push!, _user, privilegeStart + 0x800).IsStackOverflow, Is.False, "SP inside the privilege stack");
        });
    }

    [Test]
    public void CheckStackOverflow_SupervisorThread_GuardHit()
    {
        ThreadMemoryView sup = SupervisorThread("sup", DefaultDomain);
        Driver.SwitchIn(sup);
        FaultRecord? stray = Write(sup.StackObject + 0xFF0, Supervisor);
        AssertFault(stray, 0x3, sup.StackObject + 0xFF0, "X86-10");
        Assert.Multiple(() =>
        {
            Assert.That(Driver.CheckStackOverflow(stray!, sup, sup.StackStart + 0x400).IsStackOverflow, Is.False, "X86-10a: a stray pointer, ESP in bounds");
            Assert.That(Driver.CheckStackOverflow(stray!, sup, sup.StackObject + 0xFF4), Is.EqualTo(new StackOverflowCheck(true, sup.StackStart)), "X86-10b: ESP in the guard");
        });
    }

    [Test]
    public void CheckStackOverflow_IgnoresFaultsOtherThanPageAndDoubleFaults()
    {
        var gp = new FaultRecord(Driver.Arch, "#GP", X86Vector.GeneralProtection, FaultClass.Protection,
            new MemoryAccess(_user.StackStart - 4, 4, AccessKind.Write, User), null, []);
        Assert.That(Driver.CheckStackOverflow(gp, _user, _user.StackStart - 4).IsStackOverflow, Is.False);
    }

    [Test]
    public void CheckInterruptStackOverflow_UsesTheConfiguredInterruptStack()
    {
        Assert.That(() => Driver.CheckInterruptStackOverflow(0x0050_0800), Throws.InvalidOperationException);
        X86MmuDriver driver = CreateDriver(new X86MmuDriverOptions { InterruptStack = new AddressRange(0x0050_0000, 0x0050_0800) });
        Assert.Multiple(() =>
        {
            Assert.That(driver.CheckInterruptStackOverflow(0x0050_0400).IsStackOverflow, Is.False);
            Assert.That(driver.CheckInterruptStackOverflow(0x0050_0000), Is.EqualTo(new StackOverflowCheck(true, 0x0050_0000)));
            Assert.That(driver.CheckInterruptStackOverflow(0x0050_0804).IsStackOverflow, Is.True);
        });
    }
}
