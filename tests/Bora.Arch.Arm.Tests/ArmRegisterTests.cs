namespace Bora.Arch.Arm.Tests;

/// <summary>Register semantics reached through the bus: RBAR VALID, aliases, W1C fault status, PPB privilege.</summary>
public sealed class ArmRegisterTests
{
    [Test]
    public void V7_RbarWithValid_SelectsTheRegion_AndReadsBackRegionNotValid()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.Write(ScsRegisters.MPU_RBAR, 0x2000_0013);
        Assert.Multiple(() =>
        {
            Assert.That(m.Read(ScsRegisters.MPU_RNR), Is.EqualTo(3u));
            Assert.That(m.Read(ScsRegisters.MPU_RBAR), Is.EqualTo(0x2000_0003u));
        });
    }

    [Test]
    public void V7_RbarWithValidAndAnUnimplementedRegion_IsIgnoredAndReported()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.Write(ScsRegisters.MPU_RNR, 2);
        m.Write(ScsRegisters.MPU_RBAR, 0x2000_001C);
        Assert.Multiple(() =>
        {
            Assert.That(m.Read(ScsRegisters.MPU_RNR), Is.EqualTo(2u));
            Assert.That(m.Read(ScsRegisters.MPU_RBAR), Is.EqualTo(0x0000_0002u));
            Assert.That(m.Mpu.InvalidProgramming, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void V7_AliasRegisters_AddressTheRegionRnrSelects()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.Write(ScsRegisters.MPU_RNR, 5);
        m.Write(ScsRegisters.MPU_RBAR_A1 + 8, 0x2001_0000); // RBAR_A2
        m.Write(ScsRegisters.MPU_RASR_A3, 0x130B_0017);
        Assert.Multiple(() =>
        {
            Assert.That(((PmsaV7Mpu)m.Mpu).Region(5), Is.EqualTo(new PmsaV7Region(0x2001_0000, 0x130B_0017)));
            Assert.That(m.Read(ScsRegisters.MPU_RBAR_A1), Is.EqualTo(0x2001_0005u));
        });
    }

    [Test]
    public void V8_AliasRegisters_AddressRnrBlockOfFour()
    {
        ArmMachine m = ExampleBoards.CortexM33();
        m.Write(ScsRegisters.MPU_RNR, 5);
        m.Write(ScsRegisters.MPU_RBAR_A1 + 8, 0x2001_0003); // RBAR_A2 → region 4 + 2 = 6
        m.Write(ScsRegisters.MPU_RBAR_A1 + 12, 0x2001_00E1); // RLAR_A2
        Assert.Multiple(() =>
        {
            Assert.That(((PmsaV8Mpu)m.Mpu).Region(6), Is.EqualTo(new PmsaV8Region(0x2001_0003, 0x2001_00E1)));
            Assert.That(((PmsaV8Mpu)m.Mpu).Region(5).Enabled, Is.False);
        });
    }

    [Test]
    public void V8_RlarPxn_IsRes0OnArmv80M()
    {
        ArmMachine m = ExampleBoards.CortexM33();
        m.V8Region(1, 0x2001_0003, 0x2001_00F1);
        Assert.That(m.Read(ScsRegisters.MPU_RLAR), Is.EqualTo(0x2001_00E1u));
    }

    [Test]
    public void Cfsr_IsStickyAndWriteOneToClear_ByteLanesIncluded()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.EnableFaults();
        m.Write(ScsRegisters.MPU_CTRL, 0x1);
        Assert.That(m.Cpu.TryRead(0x2000_0000, 4, AccessKind.Read, Privilege.User, out _), Is.Not.Null);
        Assert.That(m.Cpu.TryRead(0x0010_0000, 2, AccessKind.Execute, Privilege.User, out _), Is.Not.Null);
        Assert.That(m.Read(ScsRegisters.CFSR), Is.EqualTo(0x83u), "second fault ORs in");

        Assert.That(m.Cpu.TryWrite(ScsRegisters.CFSR, 1, AccessKind.Write, Privilege.Supervisor, 0x01), Is.Null, "byte write to MMFSR");
        Assert.That(m.Read(ScsRegisters.CFSR), Is.EqualTo(0x82u));
        m.Write(ScsRegisters.CFSR, 0x80);
        Assert.That(m.Read(ScsRegisters.CFSR), Is.EqualTo(0x02u), "only the ones written are cleared");
    }

    [Test]
    public void Ppb_UnprivilegedAccess_IsAPreciseBusFault()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.EnableFaults();
        var fault = (ArmFaultRecord?)m.Cpu.TryRead(ScsRegisters.MPU_CTRL, 4, AccessKind.Read, Privilege.User, out _);
        Assert.Multiple(() =>
        {
            Assert.That(fault?.ExceptionNumber, Is.EqualTo(ArmException.BusFault));
            Assert.That(fault?.Bfsr, Is.EqualTo(Bfsr.PRECISERR | Bfsr.BFARVALID));
            Assert.That(fault?.Bfar, Is.EqualTo(ScsRegisters.MPU_CTRL));
            Assert.That(m.Read(ScsRegisters.BFAR), Is.EqualTo(ScsRegisters.MPU_CTRL));
        });
    }

    [Test]
    public void BusFault_WhenDisabled_EscalatesToHardFaultForced()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        var fault = (ArmFaultRecord?)m.Cpu.TryRead(0x3000_0000, 4, AccessKind.Read, Privilege.Supervisor, out _);
        Assert.Multiple(() =>
        {
            Assert.That(fault?.ExceptionNumber, Is.EqualTo(ArmException.HardFault));
            Assert.That(fault?.IsEscalated, Is.True);
            Assert.That(m.Read(ScsRegisters.HFSR), Is.EqualTo((uint)Hfsr.FORCED));
            Assert.That(m.Read(ScsRegisters.CFSR), Is.EqualTo(0x8200u), "BFSR is still latched");
        });
    }

    [Test]
    public void V7_FourGigabyteRegion_CoversEverything_UnlessAddrIsNonZero()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.EnableFaults();
        m.V7Region(0, 0, 0x0302_003F); // 4 GiB, full access
        m.Write(ScsRegisters.MPU_CTRL, 0x1);
        ArmAssert.Allowed(m.Probe(0x6000_0000, AccessKind.Read, Privilege.User));
        ArmAssert.InstructionViolation(m, m.Probe(0xE010_0000, AccessKind.Execute, Privilege.User));

        m.V7Region(0, 0x8000_0000, 0x0302_003F);
        Assert.Multiple(() =>
        {
            Assert.That(m.Mpu.InvalidProgramming.Select(p => p.Register), Does.Contain("MPU_RBAR[0]"));
            Assert.That(m.Probe(0x6000_0000, AccessKind.Read, Privilege.User), Is.Not.Null, "the region is ignored");
        });
    }

    [Test]
    public void MpuType_IsReadOnly()
    {
        ArmMachine m = ExampleBoards.CortexM33();
        m.Write(ScsRegisters.MPU_TYPE, 0);
        Assert.That(m.Read(ScsRegisters.MPU_TYPE), Is.EqualTo(0x0800u));
    }

    [Test]
    public void RegisterWrite_ThroughTheBus_ChangesTheVeryNextCachedAccess()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.V7Region(0, 0x2000_0000, 0x130B_0023); // 256 KiB P_RW_U_RW
        m.Write(ScsRegisters.MPU_CTRL, 0x5);
        Cpu cpu = m.Cpu;
        cpu.State.Privilege = Privilege.User;
        cpu.WriteUInt32(0x2000_0100, 1);
        Assert.That(cpu.ReadUInt32(0x2000_0104), Is.Zero, "warm the read window");

        // Plain privileged stores to MPU_RASR, as a driver makes them; no host-side hook.
        cpu.State.Privilege = Privilege.Supervisor;
        cpu.WriteUInt32(ScsRegisters.MPU_RNR, 0);
        cpu.WriteUInt32(ScsRegisters.MPU_RASR, 0x160B_0023); // P_RO_U_RO
        cpu.State.Privilege = Privilege.User;
        Assert.Multiple(() =>
        {
            Assert.That(cpu.ReadUInt32(0x2000_0100), Is.EqualTo(1u));
            Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(0x2000_0108, 2));
        });
    }
}
