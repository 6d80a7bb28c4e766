namespace Bora.Arch.Arm.Tests;

public sealed class ArmExceptionModelTests
{
    private ArmMachine _m = null!;

    [SetUp]
    public void MpuOffSramEverywhere()
    {
        _m = ExampleBoards.CortexM4();
        _m.EnableFaults();
        CpuState cpu = _m.Cpu.State;
        for (int i = 0; i < 16; i++)
        {
            cpu.Registers[i] = 0x1000u + (uint)i;
        }

        cpu.Status = 0x0100_0000; // Thumb bit
        cpu.Privilege = Privilege.User;
        cpu.Sp = 0x2000_1000;
        cpu.OtherSp = 0x2003_F000;
    }

    [Test]
    public void Enter_FromThread_PushesTheBasicFrameOnPsp_AndSwitchesToHandlerMode()
    {
        CpuState cpu = _m.Cpu.State;
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.SVCall, 0x0000_4001);
        PhysicalMemory memory = _m.Machine.Bus.Memory;
        Assert.Multiple(() =>
        {
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(entry.FrameAddress, Is.EqualTo(0x2000_0FE0u));
            Assert.That(entry.InterruptedPrivilege, Is.EqualTo(Privilege.User));
            uint[] frame = [.. Enumerable.Range(0, 8).Select(i => memory.ReadUInt32(0x2000_0FE0 + (uint)(4 * i)))];
            Assert.That(frame, Is.EqualTo(new uint[] { 0x1000, 0x1001, 0x1002, 0x1003, 0x100C, 0x100E, 0x4001, 0x0100_0000 }));
            Assert.That(cpu.Sp, Is.EqualTo(0x2003_F000u), "handler runs on MSP");
            Assert.That(cpu.OtherSp, Is.EqualTo(0x2000_0FE0u), "PSP points at the frame");
            Assert.That(cpu.Registers[14], Is.EqualTo(ArmExceptionModel.ExcReturnThreadPsp));
            Assert.That(cpu.Privilege, Is.EqualTo(Privilege.Supervisor));
            Assert.That(cpu.InException, Is.True);
            Assert.That(cpu.Status & 0x1FF, Is.EqualTo((uint)ArmException.SVCall), "IPSR");
        });
    }

    [Test]
    public void Enter_WithSpNotEightByteAligned_InsertsAPadAndRecordsItInXpsrBit9()
    {
        _m.Cpu.State.Sp = 0x2000_1004;
        ExceptionEntry entry = _m.Exceptions.Enter(_m.Cpu.State, _m.Cpu, ArmException.SVCall, 0x0000_4001);
        Assert.Multiple(() =>
        {
            Assert.That(entry.FrameAddress, Is.EqualTo(0x2000_0FE0u));
            Assert.That(_m.Machine.Bus.Memory.ReadUInt32(0x2000_0FFC) & ArmExceptionModel.XpsrFramePad, Is.Not.Zero);
        });
    }

    [TestCase(0x2000_1000u)]
    [TestCase(0x2000_1004u)]
    public void EnterThenReturn_RestoresTheInterruptedContextExactly(uint sp)
    {
        CpuState cpu = _m.Cpu.State;
        cpu.Sp = sp;
        var before = new CpuState();
        before.CopyFrom(cpu);
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.PendSV, 0x0000_5000);
        cpu.Registers[0] = 0xDEAD; // the handler clobbers caller-saved registers
        ExceptionReturn result = _m.Exceptions.Return(cpu, _m.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(result.UnstackingFault, Is.Null);
            Assert.That(result.ResumedPc, Is.EqualTo(0x0000_5000u));
            Assert.That(cpu.Sp, Is.EqualTo(sp), "the pad is undone");
            Assert.That(cpu.OtherSp, Is.EqualTo(before.OtherSp));
            Assert.That(cpu.Registers[0], Is.EqualTo(before.Registers[0]));
            Assert.That(cpu.Registers[14], Is.EqualTo(before.Registers[14]));
            Assert.That(cpu.Status, Is.EqualTo(before.Status));
            Assert.That(cpu.Privilege, Is.EqualTo(Privilege.User));
            Assert.That(cpu.InException, Is.False);
            Assert.That(cpu.ExecutionPriority, Is.EqualTo(CpuState.ThreadModePriority));
        });
    }

    [Test]
    public void Enter_FromHandlerMode_StacksOnMspAndReturnsToHandler()
    {
        CpuState cpu = _m.Cpu.State;
        ExceptionEntry outer = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.FirstIrq, 0x0000_6000);
        ExceptionEntry inner = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.HardFault, 0x0000_6100);
        Assert.Multiple(() =>
        {
            Assert.That(inner.FrameAddress, Is.EqualTo(0x2003_EFE0u));
            Assert.That(cpu.Registers[14], Is.EqualTo(ArmExceptionModel.ExcReturnHandler));
            Assert.That(cpu.ExecutionPriority, Is.EqualTo(-1));
        });
        _m.Exceptions.Return(cpu, _m.Cpu, inner);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.InException, Is.True);
            Assert.That(cpu.Sp, Is.EqualTo(0x2003_F000u));
            Assert.That(cpu.Status & 0x1FF, Is.EqualTo((uint)ArmException.FirstIrq));
        });
        _m.Exceptions.Return(cpu, _m.Cpu, outer);
        Assert.That(cpu.Sp, Is.EqualTo(0x2000_1000u));
    }

    [Test]
    public void Return_WithoutExcReturnInLr_ThrowsSayingWhatToFix()
    {
        ExceptionEntry entry = _m.Exceptions.Enter(_m.Cpu.State, _m.Cpu, ArmException.SVCall, 0x0000_4001);
        _m.Cpu.State.Registers[14] = 0x0000_1234;
        var e = Assert.Throws<InvalidOperationException>(() => _m.Exceptions.Return(_m.Cpu.State, _m.Cpu, entry));
        Assert.That(e!.Message, Does.Contain("EXC_RETURN"));
    }

    [Test]
    public void Enter_StackingPastTheTopOfItsRegion_StopsAtTheFirstDeniedWord_WithSpMovedByTheWholeFrame()
    {
        // User stack region 0x20001000..0x200013FF (1 KiB, P_RW_U_RW), SRAM P_RW_U_NA below it.
        _m.V7Region(1, 0x2000_0000, 0x110B_0023);
        _m.V7Region(2, 0x2000_1000, 0x130B_0013);
        _m.Write(ScsRegisters.MPU_CTRL, 0x5);
        _m.Write(ScsRegisters.CFSR, uint.MaxValue);
        _m.Machine.Bus.Memory.Fill(0x2000_0FE0, 0x40, 0xEE);
        CpuState cpu = _m.Cpu.State;
        cpu.Sp = 0x2000_1010; // the frame is 0x20000FF0..0x2000100F: four words below the region
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.FirstIrq, 0x0000_7000);
        Assert.Multiple(() =>
        {
            Assert.That(((ArmFaultRecord?)entry.StackingFault)?.Mmfsr, Is.EqualTo(Mmfsr.MSTKERR));
            Assert.That(entry.StackingFault?.Access.Address, Is.EqualTo(0x2000_0FF0u), "r0, the first word, faults");
            Assert.That(cpu.OtherSp, Is.EqualTo(0x2000_0FF0u));
            Assert.That(_m.Machine.Bus.Memory.ReadUInt32(0x2000_1000), Is.EqualTo(0xEEEEEEEEu), "nothing after the denied word");
        });
    }

    [Test]
    public void Return_UnstackingAtThePrivilegeReturnedTo_ReadsUserFrameAsUser()
    {
        _m.V7Region(1, 0x2000_0000, 0x110B_0023);
        _m.V7Region(2, 0x2000_0000, 0x130B_0017); // 4 KiB P_RW_U_RW at the bottom of SRAM
        _m.Write(ScsRegisters.MPU_CTRL, 0x5);
        CpuState cpu = _m.Cpu.State;
        cpu.Sp = 0x2000_1000;
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.SVCall, 0x0000_8000);
        Assert.That(entry.StackingFault, Is.Null);
        ExceptionReturn ok = _m.Exceptions.Return(cpu, _m.Cpu, entry);
        Assert.That(ok.UnstackingFault, Is.Null);
    }
}
