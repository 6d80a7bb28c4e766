using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// Hardware stack checking: with STATUS32.SC, stack accesses (<see cref="AccessKind.StackPush"/>,
/// <see cref="AccessKind.StackPop"/>) must fall in [TOP, BASE) of the current mode's stack.
/// </summary>
public sealed class StackCheckingTests
{
    private const uint KTop = 0x8000_8000, KBase = 0x8000_9000, UTop = ArcA.UserStack, UBase = ArcA.UserStack + 0x1000;

    private static ArcMachine Create(bool enabled = true)
    {
        ArcMachine arc = ArcA.Create();
        arc.Aux.Write(ArcAux.KSTACK_TOP, KTop);
        arc.Aux.Write(ArcAux.KSTACK_BASE, KBase);
        arc.Aux.Write(ArcAux.USTACK_TOP, UTop);
        arc.Aux.Write(ArcAux.USTACK_BASE, UBase);
        arc.Cpu.State.Status = enabled ? Status32.SC : 0;
        return arc;
    }

    [Test]
    public void Registers_ReadBackWhatWasWritten()
    {
        ArcMachine arc = Create();
        Assert.That(
            new[] { arc.Aux.Read(ArcAux.KSTACK_TOP), arc.Aux.Read(ArcAux.KSTACK_BASE), arc.Aux.Read(ArcAux.USTACK_TOP), arc.Aux.Read(ArcAux.USTACK_BASE) },
            Is.EqualTo(new ulong[] { KTop, KBase, UTop, UBase }));
    }

    [Test]
    public void UserPush_UsesTheUserStackBounds()
    {
        ArcMachine arc = Create();
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryWrite(UBase - 4, 4, AccessKind.StackPush, Privilege.User, 0), Is.Null);
            Assert.That(((ArcFaultRecord?)arc.Cpu.TryWrite(UTop - 4, 4, AccessKind.StackPush, Privilege.User, 0))!.Ecr.Value, Is.EqualTo(0x0006_0202));
            Assert.That(arc.Cpu.TryWrite(KBase - 4, 4, AccessKind.StackPush, Privilege.User, 0), Is.Not.Null, "the kernel stack is not the user's");
        });
    }

    [Test]
    public void PopAtOrAboveBase_IsAViolation_WithReadCause()
    {
        ArcMachine arc = Create();
        var fault = (ArcFaultRecord?)arc.Cpu.TryRead(KBase, 4, AccessKind.StackPop, Privilege.Supervisor, out _);
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Ecr.Value, Is.EqualTo(0x0006_0102));
            Assert.That(fault.Class, Is.EqualTo(FaultClass.StackLimit));
        });
    }

    [Test]
    public void PushStraddlingTop_FaultsAtTheFirstByteBelowIt()
    {
        ArcMachine arc = Create();
        var fault = (ArcFaultRecord?)arc.Cpu.TryWrite(KTop - 2, 4, AccessKind.StackPush, Privilege.Supervisor, 0);
        Assert.That(fault!.Efa, Is.EqualTo(KTop - 2));
    }

    [Test]
    public void WithScClear_StackAccessesAreOnlyTheMpusBusiness()
    {
        ArcMachine arc = Create(enabled: false);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryWrite(KTop - 4, 4, AccessKind.StackPush, Privilege.Supervisor, 0), Is.Null);
            var mpu = (ArcFaultRecord?)arc.Cpu.TryWrite(0x8000_0000, 4, AccessKind.StackPush, Privilege.User, 0);
            Assert.That(mpu!.Ecr.Value, Is.EqualTo(0x0006_0204), "an MPU violation by a push is an ordinary write violation");
        });
    }

    [Test]
    public void InsideTheStack_TheMpuStillDecides()
    {
        ArcMachine arc = Create();
        arc.Aux.Write(ArcAux.USTACK_TOP, ArcA.PartitionB);
        arc.Aux.Write(ArcAux.USTACK_BASE, ArcA.PartitionB + 0x1000);
        var fault = (ArcFaultRecord?)arc.Cpu.TryWrite(ArcA.PartitionB + 0x100, 4, AccessKind.StackPush, Privilege.User, 0);
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Ecr.Parameter, Is.EqualTo(ArcEcr.ParameterMpu), "in bounds, but region 9 is read-only");
            Assert.That(fault.Class, Is.EqualTo(FaultClass.Protection));
        });
    }

    [Test]
    public void Decide_StackPushWindow_IsClippedToTheStack()
    {
        ArcMachine arc = Create();
        AccessDecision inside = arc.Mpu.Decide(KTop + 0x10, AccessKind.StackPush, Privilege.Supervisor);
        AccessDecision below = arc.Mpu.Decide(KTop - 0x10, AccessKind.StackPush, Privilege.Supervisor);
        Assert.Multiple(() =>
        {
            Assert.That((inside.IsAllowed, inside.WindowStart, inside.WindowEnd), Is.EqualTo((true, KTop, KBase - 1)));
            Assert.That((below.IsAllowed, below.WindowStart, below.WindowEnd), Is.EqualTo((false, 0u, KTop - 1)));
        });
    }

    [Test]
    public void EmptyBounds_MakeEveryStackAccessAViolation()
    {
        ArcMachine arc = Create();
        arc.Aux.Write(ArcAux.KSTACK_BASE, KTop);
        Assert.That(arc.Cpu.TryWrite(KTop, 4, AccessKind.StackPush, Privilege.Supervisor, 0), Is.Not.Null);
    }
}
