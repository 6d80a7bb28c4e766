namespace Bora.Arch.Arm.Tests;

/// <summary>
/// arch-spec §2.8: configuration V7-A (Cortex-M4, 8 regions, CTRL = 0x5) and its worked examples, one
/// test each. Where an example ends in Zephyr software (reason codes, arch_buffer_validate), the test
/// checks the hardware behaviour that software depends on; the software part belongs to the kernel.
/// </summary>
public sealed class PmsaV7WorkedExampleTests
{
    private const uint R6PrimeRbar = 0x2001_0816;
    private const uint R6PrimeRasr = 0x150B_0015;

    private ArmMachine _m = null!;

    [SetUp]
    public void ProgramV7A()
    {
        _m = ExampleBoards.CortexM4();
        _m.EnableFaults();
        // RBAR as written by Zephyr: base | VALID | region number, which selects the region for RASR.
        uint[][] regions =
        [
            [0x0000_0010, 0x0702_0025], [0x2000_0011, 0x110B_0023], [0x2001_0012, 0x130B_0017],
            [0x2001_1013, 0x160B_0017], [0x2000_8014, 0x130B_0015], [0x2003_0015, 0x150B_000B],
            [0x0000_0016, 0], [0x0000_0017, 0],
        ];
        foreach (uint[] r in regions)
        {
            _m.Write(ScsRegisters.MPU_RBAR, r[0]);
            _m.Write(ScsRegisters.MPU_RASR, r[1]);
        }

        _m.Write(ScsRegisters.MPU_CTRL, 0x5);
    }

    private ArmFaultRecord? Probe(uint address, AccessKind kind, Privilege privilege, int size = 4) => _m.Probe(address, kind, privilege, size);

    private void Region(uint rbar, uint rasr)
    {
        _m.Write(ScsRegisters.MPU_RBAR, rbar);
        _m.Write(ScsRegisters.MPU_RASR, rasr);
    }

    [Test]
    public void V7_A_RegionsReadBackAsProgrammed()
    {
        _m.Write(ScsRegisters.MPU_RNR, 5);
        Assert.Multiple(() =>
        {
            Assert.That(_m.Read(ScsRegisters.MPU_TYPE), Is.EqualTo(0x0800u), "DREGION = 8");
            Assert.That(_m.Read(ScsRegisters.MPU_RBAR), Is.EqualTo(0x2003_0005u), "ADDR | REGION; VALID reads 0");
            Assert.That(_m.Read(ScsRegisters.MPU_RASR), Is.EqualTo(0x150B_000Bu));
            Assert.That(_m.Mpu.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void V7_01_UnprivilegedLoad_InFullAccessPartition_IsAllowed() =>
        ArmAssert.Allowed(Probe(0x2001_0010, AccessKind.Read, Privilege.User));

    [Test]
    public void V7_02_UnprivilegedStore_ToReadOnlyPartition_IsDataViolation() =>
        ArmAssert.DataViolation(_m, Probe(0x2001_1004, AccessKind.Write, Privilege.User), 0x2001_1004);

    [Test]
    public void V7_03_PrivilegedStore_ToApReadOnlyForBoth_IsDataViolation() =>
        ArmAssert.DataViolation(_m, Probe(0x2001_1004, AccessKind.Write, Privilege.Supervisor), 0x2001_1004);

    [Test]
    public void V7_04_UnprivilegedLoad_FromPrivilegedOnlySram_IsDataViolation() =>
        ArmAssert.DataViolation(_m, Probe(0x2000_0100, AccessKind.Read, Privilege.User), 0x2000_0100);

    [Test]
    public void V7_05_PrivilegedLoad_FromSram_IsAllowed() =>
        ArmAssert.Allowed(Probe(0x2000_0100, AccessKind.Read, Privilege.Supervisor));

    [Test]
    public void V7_06_PrivilegedFetch_FromExecuteNeverSram_IsInstructionViolation() =>
        ArmAssert.InstructionViolation(_m, Probe(0x2000_0200, AccessKind.Execute, Privilege.Supervisor));

    [Test]
    public void V7_07_UnprivilegedFetch_FromReadOnlyExecutableFlash_IsAllowed() =>
        ArmAssert.Allowed(Probe(0x0000_1000, AccessKind.Execute, Privilege.User));

    [Test]
    public void V7_08_PrivilegedStore_ToFlashRegion_IsDataViolation() =>
        ArmAssert.DataViolation(_m, Probe(0x0000_1000, AccessKind.Write, Privilege.Supervisor), 0x0000_1000);

    [Test]
    public void V7_09_PrivilegedLoad_OutsideEveryRegion_UsesTheDefaultMap() =>
        ArmAssert.Allowed(Probe(0x6000_0000, AccessKind.Read, Privilege.Supervisor));

    [Test]
    public void V7_10_UnprivilegedLoad_OutsideEveryRegion_IsBackgroundFault() =>
        ArmAssert.DataViolation(_m, Probe(0x6000_0000, AccessKind.Read, Privilege.User), 0x6000_0000);

    [Test]
    public void V7_11_PrivilegedFetch_FromDefaultMapPeripheral_IsInstructionViolation() =>
        ArmAssert.InstructionViolation(_m, Probe(0x4000_0000, AccessKind.Execute, Privilege.Supervisor));

    [Test]
    public void V7_12_HigherRegion_WinsOverLowerOne()
    {
        Region(R6PrimeRbar, R6PrimeRasr);
        ArmAssert.DataViolation(_m, Probe(0x2001_0900, AccessKind.Read, Privilege.User), 0x2001_0900);
        ArmAssert.Allowed(Probe(0x2001_0100, AccessKind.Read, Privilege.User), "only R2 covers 0x20010100");
    }

    [Test]
    public void V7_13_DisabledSubregion_FallsThroughToLowerRegion()
    {
        Region(0x2002_0017, 0x130B_0219);
        ArmAssert.DataViolation(_m, Probe(0x2002_0500, AccessKind.Read, Privilege.User), 0x2002_0500);
        ArmAssert.Allowed(Probe(0x2002_0100, AccessKind.Read, Privilege.User), "subregion 0 of R7' is enabled");
        ArmAssert.Allowed(Probe(0x2002_0500, AccessKind.Read, Privilege.Supervisor), "falls through to R1, privileged RW");
    }

    [Test]
    public void V7_14a_PrivilegedLoad_FromGuard_IsAllowed() =>
        ArmAssert.Allowed(Probe(0x2003_0010, AccessKind.Read, Privilege.Supervisor));

    [Test]
    public void V7_14b_StrayPrivilegedStore_IntoGuard_FaultsButTheFrameStacksFine()
    {
        ArmAssert.DataViolation(_m, Probe(0x2003_003C, AccessKind.Write, Privilege.Supervisor), 0x2003_003C);
        CpuState cpu = ThreadOnPsp(0x2003_0400, Privilege.Supervisor);
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.MemManage, 0x0000_1234);
        Assert.Multiple(() =>
        {
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(entry.FrameAddress, Is.EqualTo(0x2003_03E0u));
            Assert.That(_m.Read(ScsRegisters.CFSR), Is.EqualTo(0x82u));
        });
        // Zephyr: SP (0x200303E0) is at or above the guard end (0x20030040), so not a stack overflow:
        // K_ERR_CPU_EXCEPTION / K_ERR_ARM_MEM_DATA_ACCESS. The classification is the kernel's.
    }

    [Test]
    public void V7_14c_PushIntoGuard_ThenStackingIntoGuard_LatchesBothWithTheFirstMmfar()
    {
        _m.Write(ScsRegisters.CFSR, uint.MaxValue);
        var push = (ArmFaultRecord?)_m.Cpu.TryWrite(0x2003_0030, 4, AccessKind.Write, Privilege.Supervisor, 4);
        Assert.That(push?.Mmfar, Is.EqualTo(0x2003_0030u), "PUSH {r4-r7} writes the lowest word first");
        CpuState cpu = ThreadOnPsp(0x2003_0040, Privilege.Supervisor);
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.MemManage, 0x0000_1234);
        var stacking = (ArmFaultRecord?)entry.StackingFault;
        Assert.Multiple(() =>
        {
            Assert.That(entry.FrameAddress, Is.EqualTo(0x2003_0020u));
            Assert.That(stacking?.Mmfsr, Is.EqualTo(Mmfsr.MSTKERR | Mmfsr.DACCVIOL | Mmfsr.MMARVALID));
            Assert.That(_m.Read(ScsRegisters.CFSR), Is.EqualTo(0x92u));
            Assert.That(_m.Read(ScsRegisters.MMFAR), Is.EqualTo(0x2003_0030u));
        });
    }

    [Test]
    public void V7_15_ExceptionEntry_PushingIntoTheGuard_IsStackingErrorWithSpMoved()
    {
        _m.Write(ScsRegisters.CFSR, uint.MaxValue);
        CpuState cpu = ThreadOnPsp(0x2003_0050, Privilege.Supervisor);
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.FirstIrq, 0x0000_2000);
        var fault = (ArmFaultRecord?)entry.StackingFault;
        Assert.That(fault, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Cfsr, Is.EqualTo(0x10u), "MSTKERR, MMARVALID clear");
            Assert.That(fault.Mmfar, Is.Null);
            Assert.That(fault.Class, Is.EqualTo(FaultClass.Stacking));
            Assert.That(cpu.OtherSp, Is.EqualTo(0x2003_0030u), "PSP moved by the whole frame");
            Assert.That(entry.FrameAddress, Is.EqualTo(0x2003_0030u));
        });
    }

    [Test]
    public void V7_16_UnprivilegedStacking_BelowTheUserStack_IsStackingErrorAndWritesNothing()
    {
        _m.Machine.Bus.Memory.Fill(0x2000_7FE0, 0x40, 0xEE);
        _m.Write(ScsRegisters.CFSR, uint.MaxValue);
        CpuState cpu = ThreadOnPsp(0x2000_8008, Privilege.User);
        ExceptionEntry entry = _m.Exceptions.Enter(cpu, _m.Cpu, ArmException.FirstIrq, 0x0000_2000);
        Assert.Multiple(() =>
        {
            Assert.That(((ArmFaultRecord?)entry.StackingFault)?.Cfsr, Is.EqualTo(0x10u));
            Assert.That(entry.StackingFault?.Access.Privilege, Is.EqualTo(Privilege.User), "stacked at the interrupted privilege");
            Assert.That(cpu.OtherSp, Is.EqualTo(0x2000_7FE8u));
            Assert.That(_m.Machine.Bus.Memory.ReadUInt32(0x2000_7FE8), Is.EqualTo(0xEEEEEEEEu), "r0 is written first and faults");
            Assert.That(_m.Machine.Bus.Memory.ReadUInt32(0x2000_8004), Is.EqualTo(0xEEEEEEEEu), "nothing after the failing word");
        });
    }

    [Test]
    public void V7_17_ExceptionReturn_ToUnprivilegedThread_UnstackingFromPrivilegedSram_IsUnstackingError()
    {
        _m.Write(ScsRegisters.CFSR, uint.MaxValue);
        CpuState cpu = _m.Cpu.State;
        cpu.InException = true;
        cpu.Privilege = Privilege.Supervisor;
        cpu.Sp = 0x2003_F000;
        cpu.OtherSp = 0x2000_0800;
        cpu.Pc = 0x0000_3000;
        cpu.Registers[14] = ArmExceptionModel.ExcReturnThreadPsp;
        var entry = new ExceptionEntry(ArmException.SVCall, Privilege.User, 0x2000_0820, 0x2000_0800, null);
        ExceptionReturn result = _m.Exceptions.Return(cpu, _m.Cpu, entry);
        Assert.Multiple(() =>
        {
            Assert.That(((ArmFaultRecord?)result.UnstackingFault)?.Cfsr, Is.EqualTo(0x08u), "MUNSTKERR");
            Assert.That(result.UnstackingFault?.Class, Is.EqualTo(FaultClass.Unstacking));
            Assert.That(cpu.InException, Is.True, "the return is abandoned: still in the handler");
            Assert.That(cpu.OtherSp, Is.EqualTo(0x2000_0800u));
        });
    }

    [Test]
    public void V7_18_UnalignedStore_StraddlingIntoReadOnlyRegion_FaultsAtFirstDeniedByte_AndWritesNothing()
    {
        _m.Machine.Bus.Memory.WriteUInt64(0x2001_0FF8, 0x1122_3344_5566_7788);
        ArmFaultRecord? fault = Probe(0x2001_0FFE, AccessKind.Write, Privilege.User);
        ArmAssert.DataViolation(_m, fault, 0x2001_1000);
        Assert.That(_m.Machine.Bus.Memory.ReadUInt64(0x2001_0FF8), Is.EqualTo(0x1122_3344_5566_7788UL));
    }

    [Test]
    public void V7_19_MpuDisabled_UnprivilegedLoad_UsesTheDefaultMap()
    {
        _m.Write(ScsRegisters.MPU_CTRL, 0);
        ArmAssert.Allowed(Probe(0x2000_0100, AccessKind.Read, Privilege.User));
    }

    [Test]
    public void V7_20_MisalignedRegionBase_IsReportedAndTheRegionIgnored()
    {
        Region(0x2001_0816, 0x150B_0017);
        Assert.Multiple(() =>
        {
            Assert.That(_m.Mpu.InvalidProgramming.Select(p => p.Register), Does.Contain("MPU_RBAR[6]"));
            ArmAssert.Allowed(Probe(0x2001_0900, AccessKind.Read, Privilege.User), "as if R6 were disabled: R2 decides");
            ArmAssert.Allowed(Probe(0x2001_0900, AccessKind.Write, Privilege.User));
        });
    }

    [Test]
    public void V7_21_BufferContainedByR2_IsNotAccessibleByteForByte_WhenR6PartiallyOverlaps()
    {
        // Zephyr's v7 arch_buffer_validate(0x20010000, 0x1000, write) returns 0 (R2 contains the buffer,
        // R6' is ignored): the hardware disagrees at 0x20010800, which is what this test pins down. The
        // validation itself is the kernel's.
        Region(R6PrimeRbar, R6PrimeRasr);
        var first = (ArmFaultRecord?)_m.Cpu.Check(0x2001_0000, 0x1000, AccessKind.Write, Privilege.User);
        Assert.That(first?.Mmfar, Is.EqualTo(0x2001_0800u), "the first byte the hardware refuses");
        ArmAssert.DataViolation(_m, Probe(0x2001_0800, AccessKind.Read, Privilege.User, 1), 0x2001_0800);
        Assert.That(_m.Read(ScsRegisters.MPU_RASR) >> 24 & 7, Is.EqualTo(0b101u), "R6' AP=101: -EPERM for the read");
    }

    [Test]
    public void V7_22_NoBackground_FaultsFromThreadMode_ButNotAtNegativePriorityWithHfnmienaClear()
    {
        _m.Write(ScsRegisters.MPU_CTRL, 0x1);
        ArmAssert.DataViolation(_m, Probe(0x6000_0000, AccessKind.Read, Privilege.Supervisor), 0x6000_0000);

        _m.Cpu.State.ExecutionPriority = -1;
        _m.Mpu.OnExecutionPriorityChanged();
        ArmAssert.Allowed(Probe(0x6000_0000, AccessKind.Read, Privilege.Supervisor), "HardFault handler: MPU bypassed");
    }

    [Test]
    public void V7_22_WithHfnmiena_TheMpuApplies_AndTheFaultEscalatesToHardFault()
    {
        _m.Write(ScsRegisters.MPU_CTRL, 0x3);
        _m.Cpu.State.ExecutionPriority = -1;
        _m.Mpu.OnExecutionPriorityChanged();
        ArmFaultRecord? fault = Probe(0x6000_0000, AccessKind.Read, Privilege.Supervisor);
        Assert.Multiple(() =>
        {
            Assert.That(fault?.ExceptionNumber, Is.EqualTo(ArmException.HardFault));
            Assert.That(fault?.Hfsr, Is.EqualTo(Hfsr.FORCED));
            Assert.That(fault?.Cfsr, Is.EqualTo(0x82u), "MMFSR bits are latched even when escalated");
        });
    }

    private CpuState ThreadOnPsp(uint psp, Privilege privilege)
    {
        CpuState cpu = _m.Cpu.State;
        cpu.InException = false;
        cpu.ExecutionPriority = CpuState.ThreadModePriority;
        cpu.Privilege = privilege;
        cpu.Sp = psp;
        cpu.OtherSp = 0x2003_F000;
        return cpu;
    }
}
