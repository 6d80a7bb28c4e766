using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>Exception entry saves state in ERET/ERSTATUS/ERBTA/ECR/EFA and switches stacks; RTIE undoes it.</summary>
public sealed class ExceptionModelTests
{
    private const uint VectorTable = 0x0000_0000;
    private const uint ProtVHandler = 0x0000_1000;
    private const uint TrapHandler = 0x0000_1100;
    private const uint MachineCheckHandler = 0x0000_1200;
    private const uint IrqHandler = 0x0000_1300;
    private const uint UserCode = 0x0000_2000;
    private const uint UserSp = ArcA.UserStack + 0x800;
    private const uint KernelSp = 0x8000_8000;

    private static ArcMachine CreateUserThread()
    {
        ArcMachine arc = ArcA.Create();
        PhysicalVector(arc, (int)ArcExceptionVector.EV_ProtV, ProtVHandler);
        PhysicalVector(arc, (int)ArcExceptionVector.EV_Trap, TrapHandler);
        PhysicalVector(arc, (int)ArcExceptionVector.EV_MachineCheck, MachineCheckHandler);
        PhysicalVector(arc, 20, IrqHandler);
        CpuState state = arc.Cpu.State;
        state.Pc = UserCode;
        state.Sp = UserSp;
        state.OtherSp = KernelSp;
        state.Status = Status32.IE | Status32.SC;
        state.Privilege = Privilege.User;
        arc.Aux.Write(ArcAux.BTA, 0x0000_2222);
        return arc;
    }

    private static void PhysicalVector(ArcMachine arc, int vector, uint handler) =>
        arc.Machine.Bus.Memory.WriteUInt32(VectorTable + (uint)(vector * 4), handler);

    [Test]
    public void Enter_ProtVFromUserMode_SavesStateInRegisters_SwitchesToTheKernelStack()
    {
        ArcMachine arc = CreateUserThread();
        FaultRecord fault = ArcA.Store(arc, 0x8000_0100, Privilege.User)!;
        ExceptionEntry entry = arc.Exceptions.Enter(arc.Cpu.State, arc.Cpu, fault.Vector, UserCode);
        CpuState state = arc.Cpu.State;
        uint status = (uint)arc.Aux.Read(ArcAux.STATUS32);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(6));
            Assert.That(entry.InterruptedPrivilege, Is.EqualTo(Privilege.User));
            Assert.That(entry.InterruptedSp, Is.EqualTo(UserSp));
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(state.Privilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(state.Sp, Is.EqualTo(KernelSp), "kernel stack");
            Assert.That(state.OtherSp, Is.EqualTo(UserSp), "AUX_USER_SP holds the user SP");
            Assert.That(arc.Aux.Read(ArcAux.AUX_USER_SP), Is.EqualTo(UserSp));
            Assert.That(state.Pc, Is.EqualTo(ProtVHandler));
            Assert.That(state.InException, Is.True);
            Assert.That(arc.Aux.Read(ArcAux.ERET), Is.EqualTo(UserCode));
            Assert.That(arc.Aux.Read(ArcAux.ERSTATUS), Is.EqualTo(Status32.IE | Status32.SC | Status32.U));
            Assert.That(arc.Aux.Read(ArcAux.ERBTA), Is.EqualTo(0x0000_2222));
            Assert.That(arc.Aux.Read(ArcAux.ECR), Is.EqualTo(0x0006_0204));
            Assert.That(arc.Aux.Read(ArcAux.EFA), Is.EqualTo(0x8000_0100));
            Assert.That(status & (Status32.AE | Status32.L | Status32.Z), Is.EqualTo(Status32.AE | Status32.L | Status32.Z), "AE, L set; Z = interrupted U");
            Assert.That(status & (Status32.U | Status32.IE | Status32.SC), Is.Zero, "kernel mode, interrupts and stack checking off");
            Assert.That(arc.Machine.Bus.Memory.ReadUInt32(KernelSp - 4), Is.Zero, "nothing was pushed");
        });
    }

    [Test]
    public void Return_AfterAUserModeException_RestoresStatusPcBtaAndTheUserStack()
    {
        ArcMachine arc = CreateUserThread();
        FaultRecord fault = ArcA.Load(arc, 0x8000_0100, Privilege.User)!;
        ExceptionEntry entry = arc.Exceptions.Enter(arc.Cpu.State, arc.Cpu, fault.Vector, UserCode);
        arc.Aux.Write(ArcAux.BTA, 0);
        ExceptionReturn ret = arc.Exceptions.Return(arc.Cpu.State, arc.Cpu, entry);
        CpuState state = arc.Cpu.State;
        Assert.Multiple(() =>
        {
            Assert.That(ret.ResumedPrivilege, Is.EqualTo(Privilege.User));
            Assert.That(ret.ResumedPc, Is.EqualTo(UserCode));
            Assert.That(ret.UnstackingFault, Is.Null, "ROM is UE");
            Assert.That(state.Sp, Is.EqualTo(UserSp));
            Assert.That(state.OtherSp, Is.EqualTo(KernelSp));
            Assert.That(state.Status, Is.EqualTo(Status32.IE | Status32.SC | Status32.U));
            Assert.That(state.InException, Is.False);
            Assert.That(arc.Aux.Read(ArcAux.BTA), Is.EqualTo(0x0000_2222));
        });
    }

    [Test]
    public void Return_ToANonExecutableAddress_ReportsTheFetchFault()
    {
        ArcMachine arc = CreateUserThread();
        ExceptionEntry entry = arc.Exceptions.EnterTrap(arc.Cpu.State, arc.Cpu, 3, UserCode + 2);
        arc.Aux.Write(ArcAux.ERET, ArcA.UserStack);
        ExceptionReturn ret = arc.Exceptions.Return(arc.Cpu.State, arc.Cpu, entry);
        var fetch = (ArcFaultRecord?)ret.UnstackingFault;
        Assert.Multiple(() =>
        {
            Assert.That(fetch, Is.Not.Null);
            Assert.That(fetch!.Ecr.Value, Is.EqualTo(0x0006_0004));
            Assert.That(fetch.Efa, Is.EqualTo(ArcA.UserStack));
            Assert.That(fetch.Access.Privilege, Is.EqualTo(Privilege.User));
        });
    }

    [Test]
    public void EnterTrap_LatchesEvTrapWithTheTrapNumber()
    {
        ArcMachine arc = CreateUserThread();
        ExceptionEntry entry = arc.Exceptions.EnterTrap(arc.Cpu.State, arc.Cpu, 3, UserCode + 2);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(9));
            Assert.That(arc.Aux.Read(ArcAux.ECR), Is.EqualTo(0x0009_0003));
            Assert.That(arc.Aux.Read(ArcAux.ERET), Is.EqualTo(UserCode + 2));
            Assert.That(arc.Cpu.State.Pc, Is.EqualTo(TrapHandler));
        });
    }

    [Test]
    public void Enter_WithNoLatchedFault_EcrIsTheVectorAlone_AndEfaTheReturnAddress()
    {
        ArcMachine arc = CreateUserThread();
        ArcA.Load(arc, 0x8000_0100, Privilege.User);
        arc.Mpu.ClearFaultStatus();
        arc.Exceptions.Enter(arc.Cpu.State, arc.Cpu, (int)ArcExceptionVector.EV_ProtV, UserCode);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.ECR), Is.EqualTo(0x0006_0000));
            Assert.That(arc.Aux.Read(ArcAux.EFA), Is.EqualTo(UserCode));
        });
    }

    [Test]
    public void Enter_WhileAnExceptionIsActive_IsADoubleFault_EvMachineCheck()
    {
        ArcMachine arc = CreateUserThread();
        arc.Exceptions.EnterTrap(arc.Cpu.State, arc.Cpu, 1, UserCode + 2);
        FaultRecord fault = ArcA.Load(arc, 0x4000_0000, Privilege.Supervisor)!;
        ExceptionEntry second = arc.Exceptions.Enter(arc.Cpu.State, arc.Cpu, fault.Vector, TrapHandler);
        Assert.Multiple(() =>
        {
            Assert.That(second.Exception, Is.EqualTo(3));
            Assert.That(arc.Aux.Read(ArcAux.ECR), Is.EqualTo(0x0003_0000));
            Assert.That(arc.Cpu.State.Pc, Is.EqualTo(MachineCheckHandler));
            Assert.That(arc.Cpu.State.Sp, Is.EqualTo(KernelSp), "already on the kernel stack: no swap");
        });
    }

    [Test]
    public void Enter_FromKernelMode_KeepsTheStack()
    {
        ArcMachine arc = CreateUserThread();
        CpuState state = arc.Cpu.State;
        state.Privilege = Privilege.Supervisor;
        state.Sp = KernelSp - 0x100;
        ExceptionEntry entry = arc.Exceptions.EnterTrap(state, arc.Cpu, 0, 0x0000_3000);
        Assert.Multiple(() =>
        {
            Assert.That(entry.InterruptedPrivilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(state.Sp, Is.EqualTo(KernelSp - 0x100));
            Assert.That(arc.Aux.Read(ArcAux.ERSTATUS) & Status32.U, Is.Zero);
        });
        arc.Exceptions.Return(state, arc.Cpu, entry);
        Assert.That((state.Privilege, state.Sp, state.Pc), Is.EqualTo((Privilege.Supervisor, KernelSp - 0x100, 0x0000_3000u)));
    }

    [Test]
    public void Interrupt_FromUserMode_PushesStatus32AndPc_ThenTheRegistersAuxIrqCtrlAsksFor()
    {
        ArcMachine arc = CreateUserThread();
        CpuState state = arc.Cpu.State;
        state.Registers[0] = 0xA0;
        state.Registers[1] = 0xA1;
        state.Registers[31] = 0xB1;
        arc.Aux.Write(ArcAux.AUX_IRQ_CTRL, ArcExceptionModel.AUX_IRQ_CTRL_B | 2);
        arc.Aux.Write(ArcAux.KSTACK_TOP, KernelSp - 0x400);
        arc.Aux.Write(ArcAux.KSTACK_BASE, KernelSp);
        ExceptionEntry entry = arc.Exceptions.Enter(state, arc.Cpu, 20, UserCode);
        var memory = arc.Machine.Bus.Memory;
        Assert.Multiple(() =>
        {
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(entry.FrameAddress, Is.EqualTo(KernelSp - 20));
            Assert.That(memory.ReadUInt32(KernelSp - 4), Is.EqualTo(Status32.IE | Status32.SC | Status32.U), "STATUS32 first");
            Assert.That(memory.ReadUInt32(KernelSp - 8), Is.EqualTo(UserCode), "then PC");
            Assert.That(memory.ReadUInt32(KernelSp - 12), Is.EqualTo(0xB1), "BLINK");
            Assert.That(memory.ReadUInt32(KernelSp - 16), Is.EqualTo(0xA1));
            Assert.That(memory.ReadUInt32(KernelSp - 20), Is.EqualTo(0xA0), "r0 lowest");
            Assert.That(state.Privilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(state.Pc, Is.EqualTo(IrqHandler));
        });

        state.Registers[0] = state.Registers[1] = state.Registers[31] = 0;
        ExceptionReturn ret = arc.Exceptions.Return(state, arc.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(ret.UnstackingFault, Is.Null);
            Assert.That((state.Registers[0], state.Registers[1], state.Registers[31]), Is.EqualTo((0xA0u, 0xA1u, 0xB1u)));
            Assert.That((state.Privilege, state.Pc, state.Sp, state.OtherSp), Is.EqualTo((Privilege.User, UserCode, UserSp, KernelSp)));
        });
    }

    [Test]
    public void Interrupt_PushBelowKstackTop_IsAStackingFault_FromStackChecking()
    {
        ArcMachine arc = CreateUserThread();
        arc.Aux.Write(ArcAux.KSTACK_TOP, KernelSp - 4);
        arc.Aux.Write(ArcAux.KSTACK_BASE, KernelSp);
        ExceptionEntry entry = arc.Exceptions.Enter(arc.Cpu.State, arc.Cpu, 20, UserCode);
        var fault = (ArcFaultRecord?)entry.StackingFault;
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.Not.Null, "STATUS32 fits, PC does not");
            Assert.That(fault!.Class, Is.EqualTo(FaultClass.StackLimit));
            Assert.That(fault.Efa, Is.EqualTo(KernelSp - 8));
            Assert.That(fault.Access.Kind, Is.EqualTo(AccessKind.StackPush));
        });
    }

    [Test]
    public void Return_InUserMode_IsRejected()
    {
        ArcMachine arc = CreateUserThread();
        var entry = new ExceptionEntry(6, Privilege.User, UserSp, KernelSp, null);
        Assert.Throws<InvalidOperationException>(() => arc.Exceptions.Return(arc.Cpu.State, arc.Cpu, entry));
    }
}
