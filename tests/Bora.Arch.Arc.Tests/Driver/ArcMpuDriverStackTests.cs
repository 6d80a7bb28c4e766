using Bora.Arch.Arc.Driver;
using Bora.Hal;
using static Bora.Arch.Arc.Tests.Driver.ArcDriverRig;

namespace Bora.Arch.Arc.Tests.Driver;

/// <summary>
/// Stack overflow on both MPUs as Zephyr's ARC <c>_Fault</c> classifies it (arch-spec §3.5): v2 catches it
/// with the stack-checking registers the driver loads at each switch (EV_ProtV parameter 0x02), v4 with the
/// 32-byte MPU guard (parameter 0x04, EFA in the guard).
/// </summary>
[TestFixture(ArcMpuVersion.V2)]
[TestFixture(ArcMpuVersion.V4)]
public sealed class ArcMpuDriverStackTests(ArcMpuVersion version)
{
    private const uint EcrStackCheckPush = 0x0006_0202, EcrMpuWrite = 0x0006_0204;

    private ArcDriverRig _rig = null!;

    private ArcMpuDriver Driver => _rig.Driver;

    private bool V2 => version == ArcMpuVersion.V2;

    /// <summary>What a push one word below a stack raises: stack checking on v2, the guard on v4.</summary>
    private uint OverflowEcr => V2 ? EcrStackCheckPush : EcrMpuWrite;

    [SetUp]
    public void Boot() => _rig = new ArcDriverRig(version);

    [Test]
    public void SwitchIn_LoadsTheStackCheckingRegisters_OnlyWithStackChecking()
    {
        ThreadMemoryView user = _rig.UserThread(Domain());
        Driver.UserModeEnter(user);
        ArcAuxRegisters aux = _rig.Machine.Aux;
        ulong[] bounds = [aux.Read(ArcAux.KSTACK_TOP), aux.Read(ArcAux.KSTACK_BASE), aux.Read(ArcAux.USTACK_TOP), aux.Read(ArcAux.USTACK_BASE)];
        Assert.Multiple(() =>
        {
            Assert.That(Driver.StackChecking, Is.EqualTo(V2));
            Assert.That(bounds, Is.EqualTo(V2
                ? new ulong[] { user.PrivilegedStackStart, user.PrivilegedStackStart + 0x400, user.StackStart, user.StackStart + user.StackSize }
                : new ulong[] { 0, 0, 0, 0 }));
            Assert.That(aux.Read(ArcAux.STATUS32) & Status32.SC, Is.EqualTo(V2 ? Status32.SC : 0u));
        });
        ThreadMemoryView sup = _rig.SupervisorThread(Domain());
        Driver.SwitchIn(sup);
        Assert.That(aux.Read(ArcAux.KSTACK_TOP), Is.EqualTo(V2 ? sup.StackStart : 0u));
    }

    [Test]
    public void SupervisorPushBelowItsStack_IsCaughtByHardware_AndClassifiedAsOverflow()
    {
        ThreadMemoryView sup = _rig.SupervisorThread(Domain());
        Driver.SwitchIn(sup);
        FaultRecord? fault = _rig.Push(sup.StackStart - 4, Privilege.Supervisor);
        AssertFault(fault, OverflowEcr, sup.StackStart - 4, "push below the stack");
        Assert.That(Driver.CheckStackOverflow(fault!, sup, sup.StackStart - 4), Is.EqualTo(new StackOverflowCheck(true, sup.StackStart)));
    }

    [Test]
    public void SupervisorPushInsideItsStack_IsAllowed()
    {
        ThreadMemoryView sup = _rig.SupervisorThread(Domain());
        Driver.SwitchIn(sup);
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Push(sup.StackStart, Privilege.Supervisor), Is.Null, "lowest word");
            Assert.That(_rig.Push(sup.StackStart + sup.StackSize - 4, Privilege.Supervisor), Is.Null, "highest word");
        });
    }

    [Test]
    public void UserThreadInKernelMode_PushBelowThePrivilegeStack_IsAnOverflow()
    {
        ThreadMemoryView user = _rig.UserThread(Domain());
        Driver.UserModeEnter(user);
        FaultRecord? fault = _rig.Push(user.PrivilegedStackStart - 4, Privilege.Supervisor);
        AssertFault(fault, OverflowEcr, user.PrivilegedStackStart - 4, "push below the privilege stack");
        Assert.That(Driver.CheckStackOverflow(fault!, user, user.PrivilegedStackStart - 4), Is.EqualTo(new StackOverflowCheck(true, user.PrivilegedStackStart)));
    }

    [Test]
    public void UserThreadInUserMode_PushBelowItsStack_IsAnOverflow()
    {
        ThreadMemoryView user = _rig.UserThread(Domain());
        Driver.UserModeEnter(user);
        _rig.Cpu.State.Privilege = Privilege.User;
        FaultRecord? fault = _rig.Push(user.StackStart - 4, Privilege.User);
        AssertFault(fault, OverflowEcr, user.StackStart - 4, "push below the user stack");
        Assert.That(((ArcFaultRecord)fault!).Erstatus & Status32.U, Is.EqualTo(Status32.U), "taken in user mode");
        Assert.That(Driver.CheckStackOverflow(fault, user, user.StackStart - 4), Is.EqualTo(new StackOverflowCheck(true, user.StackStart)));
    }

    [Test]
    public void AStrayStoreOutsideTheGuard_IsNotAnOverflow()
    {
        ThreadMemoryView user = _rig.UserThread(Domain());
        Driver.UserModeEnter(user);
        _rig.Cpu.State.Privilege = Privilege.User;
        FaultRecord? fault = _rig.Store(Ram + 0x100, Privilege.User);
        AssertFault(fault, EcrMpuWrite, Ram + 0x100, "kernel RAM");
        Assert.That(Driver.CheckStackOverflow(fault!, user, user.StackStart + 0x100).IsStackOverflow, Is.False);
    }

    [Test]
    public void KernelModeStoreInTheGuardOfASupervisorThread_IsAnOverflowOnlyWithAGuard()
    {
        // ARC-13: v4 guard [start-32, start) is UR|KR; a kernel store there faults. On v2 nothing guards it.
        ThreadMemoryView sup = _rig.SupervisorThread(Domain());
        Driver.SwitchIn(sup);
        FaultRecord? fault = _rig.Store(sup.StackStart - 0x10, Privilege.Supervisor);
        if (V2)
        {
            Assert.That(fault, Is.Null, "v2 has no MPU guard: plain stores below the stack reach kernel RAM");
            return;
        }

        AssertFault(fault, EcrMpuWrite, sup.StackStart - 0x10, "guard");
        Assert.Multiple(() =>
        {
            Assert.That(Driver.CheckStackOverflow(fault!, sup, sup.StackStart + 0x200), Is.EqualTo(new StackOverflowCheck(true, sup.StackStart)), "SP is not consulted (current Zephyr)");
            Assert.That(_rig.Load(sup.StackStart - 0x10, Privilege.Supervisor), Is.Null, "the guard is readable (UR|KR)");
        });
    }

    [Test]
    public void V4WithStackCheckingToo_ProgramsBoth()
    {
        if (V2)
        {
            Assert.That(() => new ArcMpuDriver(_rig.Machine, new ArcMpuDriverOptions { StackGuard = true }), Throws.ArgumentException.With.Message.Contains("ARC_MPU_VER != 2"));
            return;
        }

        var rig = new ArcDriverRig(version, new ArcMpuDriverOptions { StackChecking = true });
        ThreadMemoryView sup = rig.SupervisorThread(Domain());
        rig.Driver.SwitchIn(sup);
        FaultRecord? fault = rig.Push(sup.StackStart - 4, Privilege.Supervisor);
        AssertFault(fault, EcrStackCheckPush, sup.StackStart - 4, "stack checking is ahead of the MPU");
        Assert.That(rig.Driver.CheckStackOverflow(fault!, sup, sup.StackStart - 4), Is.EqualTo(new StackOverflowCheck(true, sup.StackStart)));
    }
}
