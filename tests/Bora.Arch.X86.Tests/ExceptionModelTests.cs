using Bora.Hal;

namespace Bora.Arch.X86.Tests;

/// <summary>Exception entry and IRET on ia32 (SDM vol. 3A §6.12, §6.14 Table 6-5).</summary>
public sealed class ExceptionModelTests
{
    private const ulong KernelRw = PageEntry.P | PageEntry.RW | PageEntry.XD;
    private const ulong UserRw = PageEntry.P | PageEntry.RW | PageEntry.US | PageEntry.XD;
    private const uint UserStackTop = 0x0060_2000;
    private const uint PrivilegeStackTop = 0x0060_1000;
    private const uint KernelStackTop = 0x0061_0000;
    private const uint DoubleFaultStackTop = 0x0062_1000;

    private X86Rig _rig = null!;
    private X86ExceptionModel _exceptions = null!;

    [SetUp]
    public void Boot()
    {
        _rig = new X86Rig(X86PagingMode.Pae);
        _rig.Tables.MapPage(0x0060_0000, 0x0060_0000, KernelRw);    // privilege stack
        _rig.Tables.MapPage(0x0060_1000, 0x0060_1000, UserRw);      // user stack
        _rig.Tables.IdentityMap(0x0060_8000, 0x8000, KernelRw);     // kernel stack
        _rig.Tables.MapPage(0x0060_7000, 0x0060_7000, PageEntry.P | PageEntry.XD); // its guard
        _rig.Tables.MapPage(0x0062_0000, 0x0062_0000, KernelRw);    // #DF stack
        _rig.EnablePaging();
        _exceptions = new X86ExceptionModel(_rig.Mmu, DoubleFaultStackTop);
    }

    [Test]
    public void IntFromRing3_SwitchesToEsp0_PushesSsEspEflagsCsEip_AndIretReturns()
    {
        CpuState cpu = UserThread();
        ExceptionEntry entry = _exceptions.Enter(cpu, _rig.Cpu, X86Vector.Syscall, 0x0010_0402);
        uint frame = PrivilegeStackTop - 20;
        Assert.Multiple(() =>
        {
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(entry.Exception, Is.EqualTo(X86Vector.Syscall));
            Assert.That(entry.InterruptedPrivilege, Is.EqualTo(Privilege.User));
            Assert.That(entry.InterruptedSp, Is.EqualTo(UserStackTop - 16));
            Assert.That(entry.FrameAddress, Is.EqualTo(frame));
            Assert.That(Words(frame, 5), Is.EqualTo(new uint[] { 0x0010_0402, X86Selectors.UserCode, 0x202, UserStackTop - 16, X86Selectors.UserData }));
            Assert.That(cpu.Sp, Is.EqualTo(frame));
            Assert.That(cpu.Privilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(cpu.Status & Eflags.IF, Is.Zero, "an interrupt gate clears IF");
            Assert.That(cpu.InException, Is.True);
            Assert.That(cpu.OtherSp, Is.EqualTo(PrivilegeStackTop), "ESP0 stays in the TSS");
        });

        ExceptionReturn back = _exceptions.Return(cpu, _rig.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(back.UnstackingFault, Is.Null);
            Assert.That(back.ResumedPrivilege, Is.EqualTo(Privilege.User));
            Assert.That(back.ResumedPc, Is.EqualTo(0x0010_0402));
            Assert.That(cpu.Sp, Is.EqualTo(UserStackTop - 16));
            Assert.That(cpu.Status, Is.EqualTo(0x202));
            Assert.That(cpu.Privilege, Is.EqualTo(Privilege.User));
            Assert.That(cpu.InException, Is.False);
        });
    }

    [Test]
    public void PageFaultFromRing0_PushesEflagsCsEipAndTheErrorCode_OnTheCurrentStack()
    {
        CpuState cpu = KernelThread();
        Assert.That(_rig.Write(0x0090_0000, Privilege.Supervisor), Is.Not.Null, "a #PF with error code W");
        ExceptionEntry entry = _exceptions.Enter(cpu, _rig.Cpu, X86Vector.PageFault, 0x0010_0500);
        uint frame = KernelStackTop - 16;
        Assert.Multiple(() =>
        {
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(entry.FrameAddress, Is.EqualTo(frame));
            Assert.That(Words(frame, 4), Is.EqualTo(new uint[] { 0x2, 0x0010_0500, X86Selectors.KernelCode, 0x202 }));
        });

        ExceptionReturn back = _exceptions.Return(cpu, _rig.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(back.ResumedPrivilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(cpu.Sp, Is.EqualTo(KernelStackTop), "IRET after discarding the error code");
            Assert.That(cpu.Pc, Is.EqualTo(0x0010_0500));
        });
    }

    [Test]
    public void InterruptWithAnUnmappedEsp0_DeliversThePageFault_WhichThenDoubleFaults()
    {
        CpuState cpu = UserThread();
        cpu.OtherSp = 0x0090_0000; // ESP0 into nothing
        ExceptionEntry entry = _exceptions.Enter(cpu, _rig.Cpu, X86Vector.Syscall, 0x0010_0402);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(X86Vector.DoubleFault), "benign → #PF → #PF while delivering #PF → #DF");
            Assert.That(entry.StackingFault, Is.TypeOf<X86FaultRecord>());
            Assert.That(((X86FaultRecord)entry.StackingFault!).Cr2, Is.EqualTo(0x0090_0000 - 4));
            Assert.That(cpu.Sp, Is.EqualTo(DoubleFaultStackTop - 4));
            Assert.That(_rig.Memory.ReadUInt32(DoubleFaultStackTop - 4), Is.Zero, "#DF error code 0");
        });
    }

    [Test]
    public void BenignInterrupt_WhoseFramePartlyFits_IsReplacedByThePageFault()
    {
        // ESP = guard top + 8: a ring-0 frame of three words does not fit; the #PF frame (four) neither → #DF.
        CpuState cpu = KernelThread();
        cpu.Sp = 0x0060_8008;
        ExceptionEntry entry = _exceptions.Enter(cpu, _rig.Cpu, 0x20, 0x0010_0600);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(X86Vector.DoubleFault));
            Assert.That(entry.InterruptedSp, Is.EqualTo(0x0060_8008));
            Assert.That(((X86FaultRecord)entry.StackingFault!).ErrorCode, Is.EqualTo(PageFaultErrorCode.P | PageFaultErrorCode.W));
        });
    }

    [Test]
    public void DoubleFaultTask_ReturnsToTheInterruptedContext()
    {
        CpuState cpu = KernelThread();
        cpu.Sp = 0x0060_8004;
        ExceptionEntry entry = _exceptions.Enter(cpu, _rig.Cpu, X86Vector.PageFault, 0x0010_0700);
        Assert.That(entry.Exception, Is.EqualTo(X86Vector.DoubleFault));
        ExceptionReturn back = _exceptions.Return(cpu, _rig.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(back.ResumedPc, Is.EqualTo(0x0010_0700));
            Assert.That(cpu.Sp, Is.EqualTo(0x0060_8004));
            Assert.That(cpu.InException, Is.False);
        });
    }

    [Test]
    public void FaultWhileDeliveringTheDoubleFault_ShutsDown()
    {
        var exceptions = new X86ExceptionModel(_rig.Mmu, doubleFaultStackTop: 0x0090_0000);
        CpuState cpu = KernelThread();
        cpu.Sp = 0x0060_8004;
        ExceptionEntry entry = exceptions.Enter(cpu, _rig.Cpu, X86Vector.PageFault, 0x0010_0700);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(X86Vector.Shutdown));
            Assert.That(entry.StackingFault, Is.Not.Null);
            Assert.That(() => exceptions.Return(cpu, _rig.Cpu, entry), Throws.InvalidOperationException);
        });
    }

    [Test]
    public void IretToRing3_FromAnUnreadableFrame_ReportsTheUnstackingFault_AndChangesNothing()
    {
        CpuState cpu = UserThread();
        ExceptionEntry entry = _exceptions.Enter(cpu, _rig.Cpu, X86Vector.Syscall, 0x0010_0402);
        cpu.Sp = 0x0090_0000;
        ExceptionReturn back = _exceptions.Return(cpu, _rig.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(back.UnstackingFault, Is.TypeOf<X86FaultRecord>());
            Assert.That(cpu.Privilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(cpu.Sp, Is.EqualTo(0x0090_0000));
        });
    }

    private CpuState UserThread()
    {
        CpuState cpu = _rig.Cpu.State;
        cpu.Privilege = Privilege.User;
        cpu.Sp = UserStackTop - 16;
        cpu.OtherSp = PrivilegeStackTop;
        cpu.Status = 0x202;
        return cpu;
    }

    private CpuState KernelThread()
    {
        CpuState cpu = _rig.Cpu.State;
        cpu.Privilege = Privilege.Supervisor;
        cpu.Sp = KernelStackTop;
        cpu.Status = 0x202;
        return cpu;
    }

    private uint[] Words(uint address, int count) =>
        [.. Enumerable.Range(0, count).Select(i => _rig.Memory.ReadUInt32(address + (uint)(4 * i)))];
}
