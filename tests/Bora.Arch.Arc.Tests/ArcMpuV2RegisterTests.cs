using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

public sealed class ArcMpuV2RegisterTests
{
    private static ArcMachine Create(int regions = 16) =>
        new(ArcBoards.NsimEm, new ArcMpuOptions { Version = ArcMpuVersion.V2, RegionCount = regions });

    [Test]
    public void MpuBuild_ReportsVersion2AndTheRegionCount()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Create(16).Aux.Read(ArcAux.MPU_BUILD), Is.EqualTo(0x1002));
            Assert.That(Create(8).Aux.Read(ArcAux.MPU_BUILD), Is.EqualTo(0x0802));
        });
    }

    [Test]
    public void Reset_MpuIsOff_EveryRegionInvalid()
    {
        ArcMachine arc = Create();
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.MPU_EN), Is.Zero);
            Assert.That(arc.Aux.Read(ArcAux.MPU_RDB0 + 30), Is.Zero);
            Assert.That(arc.Cpu.TryWrite(0x8000_0000, 4, AccessKind.Write, Privilege.User, 1), Is.Null, "MPU off: everything allowed");
        });
    }

    [Test]
    public void Rdb_KeepsBaseBits31To5AndValid_Rdp_KeepsSizeAndPermissionBits()
    {
        ArcMachine arc = Create();
        arc.Aux.Write(ArcAux.MPU_RDB0, 0xFFFF_FFFF);
        arc.Aux.Write(ArcAux.MPU_RDP0, 0xFFFF_FFFF);
        arc.Aux.Write(ArcAux.MPU_EN, 0xFFFF_FFFF);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.MPU_RDB0), Is.EqualTo(0xFFFF_FFE1));
            Assert.That(arc.Aux.Read(ArcAux.MPU_RDP0), Is.EqualTo(0xFFB));
            Assert.That(arc.Aux.Read(ArcAux.MPU_EN), Is.EqualTo(0x4000_01F8));
        });
    }

    [TestCase(11, 0x402u)]
    [TestCase(12, 0x403u)]
    [TestCase(16, 0x603u)]
    [TestCase(17, 0x800u)]
    [TestCase(18, 0x801u)]
    public void EncodeSize_MatchesZephyrRegionMacros(int bits, uint expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ArcMpuV2.EncodeSize(bits), Is.EqualTo(expected));
            Assert.That(ArcMpuV2.DecodeSize(expected), Is.EqualTo(bits - 1));
        });
    }

    [Test]
    public void SizeField31_CoversTheWholeAddressSpace()
    {
        ArcMachine arc = Create();
        ArcA.Region(arc, 0, 0x0000_0001, 0x020 | 0xE03);
        arc.Aux.Write(ArcAux.MPU_EN, ArcMpuV2.MPU_EN_EN);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryRead(0x0000_0000, 4, AccessKind.Read, Privilege.User, out _), Is.Null);
            Assert.That(arc.Cpu.TryRead(0xF000_FFFC, 4, AccessKind.Read, Privilege.User, out _), Is.Not.Null.And.Property("Class").EqualTo(FaultClass.Bus), "MPU allows; nothing answers at the end of the peripheral window");
            Assert.That(arc.Mpu.Decide(0xFFFF_FFFF, AccessKind.Read, Privilege.User).IsAllowed, Is.True);
        });
    }

    [Test]
    public void RegionBeyondTheConfiguredCount_IsNoSuchRegister()
    {
        ArcMachine arc = Create(8);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => arc.Aux.Write(ArcAux.MPU_RDB0 + 16, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => arc.Aux.Read(ArcAux.MPU_RDP0 + 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => arc.Aux.Read(ArcAux.MPU_INDEX), "v4 registers do not exist on v2");
            Assert.That(() => arc.Aux.Write(ArcAux.MPU_RDP0 + 14, 1), Throws.Nothing);
        });
    }

    [Test]
    public void ReadOnlyRegisters_RejectSr_AndWiderThan32BitValuesAreRejected()
    {
        ArcMachine arc = Create();
        Assert.Multiple(() =>
        {
            Assert.Throws<InvalidOperationException>(() => arc.Aux.Write(ArcAux.MPU_BUILD, 0));
            Assert.Throws<InvalidOperationException>(() => arc.Aux.Write(ArcAux.MPU_ECR, 0));
            Assert.Throws<InvalidOperationException>(() => arc.Aux.Write(ArcAux.STATUS32, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => arc.Aux.Write(ArcAux.MPU_EN, 1UL << 32));
        });
    }

    [Test]
    public void MpuEnDefaultRegion_DecidesAddressesNoRegionCovers()
    {
        ArcMachine arc = Create();
        arc.Aux.Write(ArcAux.MPU_EN, ArcMpuV2.MPU_EN_EN | 0x020);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryRead(0x8000_0000, 4, AccessKind.Read, Privilege.User, out _), Is.Null, "UR");
            Assert.That(arc.Cpu.TryRead(0x8000_0000, 4, AccessKind.Read, Privilege.Supervisor, out _), Is.Null, "UR implies kernel read");
            Assert.That(arc.Cpu.TryWrite(0x8000_0000, 4, AccessKind.Write, Privilege.Supervisor, 0), Is.Not.Null);
        });
    }

    [Test]
    public void ClearFaultStatus_ZeroesEcrEfaAndMpuEcr()
    {
        ArcMachine arc = ArcA.Create();
        Assert.That(ArcA.Load(arc, 0x8000_0000, Privilege.User), Is.Not.Null);
        arc.Mpu.ClearFaultStatus();
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.ECR), Is.Zero);
            Assert.That(arc.Aux.Read(ArcAux.EFA), Is.Zero);
            Assert.That(arc.Aux.Read(ArcAux.MPU_ECR), Is.Zero);
        });
    }

    [Test]
    public void BusError_WithMpuOff_IsEvMemError()
    {
        ArcMachine arc = Create();
        var fault = (ArcFaultRecord?)arc.Cpu.TryWrite(0x0000_0100, 4, AccessKind.Write, Privilege.Supervisor, 1);
        var unmapped = (ArcFaultRecord?)arc.Cpu.TryRead(0x4000_0000, 4, AccessKind.Read, Privilege.Supervisor, out _);
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Ecr.Vector, Is.EqualTo(ArcExceptionVector.EV_MemError), "store to ICCM (ROM)");
            Assert.That(fault.Class, Is.EqualTo(FaultClass.Bus));
            Assert.That(fault.Efa, Is.EqualTo(0x0000_0100));
            Assert.That(unmapped!.Ecr.Value, Is.EqualTo(0x0001_0100));
            Assert.That(unmapped.Efa, Is.EqualTo(0x4000_0000));
        });
    }
}
