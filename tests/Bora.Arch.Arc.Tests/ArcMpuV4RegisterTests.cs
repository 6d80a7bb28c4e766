using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

public sealed class ArcMpuV4RegisterTests
{
    private static ArcMachine Create() => new(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4, RegionCount = 16 });

    private static void Region(ArcMachine arc, int index, uint start, uint end, uint rper)
    {
        arc.Aux.Write(ArcAux.MPU_INDEX, (uint)index);
        arc.Aux.Write(ArcAux.MPU_RSTART, start);
        arc.Aux.Write(ArcAux.MPU_REND, end);
        arc.Aux.Write(ArcAux.MPU_RPER, rper);
    }

    [Test]
    public void MpuBuild_ReportsVersion4_AndThereIsNoMpuEcrOrRdb()
    {
        ArcMachine arc = Create();
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.MPU_BUILD), Is.EqualTo(0x1004));
            Assert.Throws<ArgumentOutOfRangeException>(() => arc.Aux.Read(ArcAux.MPU_ECR));
            Assert.Throws<ArgumentOutOfRangeException>(() => arc.Aux.Write(ArcAux.MPU_RDB0, 1));
        });
    }

    [Test]
    public void MpuIsAlwaysOn_ResetDefaultRegionDeniesEverything()
    {
        ArcMachine arc = Create();
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryRead(0x8000_0000, 4, AccessKind.Read, Privilege.Supervisor, out _), Is.Not.Null);
            arc.Aux.Write(ArcAux.MPU_EN, ZephyrArcMpuDriver.V4DisableDefault);
            Assert.That(arc.Cpu.TryRead(0x8000_0000, 4, AccessKind.Read, Privilege.User, out _), Is.Null, "Zephyr's 'disable': default region all access");
        });
    }

    [Test]
    public void Registers_AreSelectedByMpuIndex_AndMaskedToTheirFields()
    {
        ArcMachine arc = Create();
        Region(arc, 3, 0x8000_103F, 0x8000_20FF, 0xFFFF_FFFF);
        Region(arc, 4, 0x9000_0000, 0x9000_0000, 0);
        arc.Aux.Write(ArcAux.MPU_INDEX, 3);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.MPU_RSTART), Is.EqualTo(0x8000_1020));
            Assert.That(arc.Aux.Read(ArcAux.MPU_REND), Is.EqualTo(0x8000_20E0));
            Assert.That(arc.Aux.Read(ArcAux.MPU_RPER), Is.EqualTo(0x00FF_81F9));
            Assert.That(arc.Aux.Read(ArcAux.MPU_INDEX), Is.EqualTo(3));
        });
    }

    [Test]
    public void Region_CoversRstartToTheEndOfTheRendBlock()
    {
        ArcMachine arc = Create();
        Region(arc, 0, 0x8000_1000, 0x8000_1FE0, 0x020 | 1);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryRead(0x8000_0FFC, 4, AccessKind.Read, Privilege.User, out _), Is.Not.Null);
            Assert.That(arc.Cpu.TryRead(0x8000_1000, 4, AccessKind.Read, Privilege.User, out _), Is.Null);
            Assert.That(arc.Cpu.TryRead(0x8000_1FFC, 4, AccessKind.Read, Privilege.User, out _), Is.Null, "the REND block is inside");
            Assert.That(arc.Cpu.TryRead(0x8000_2000, 4, AccessKind.Read, Privilege.User, out _), Is.Not.Null);
        });
    }

    [Test]
    public void Probe_InsideOneRegion_ReportsItsIndex_OutsideEvery_ReportsDefault_InAnOverlap_ReportsMult()
    {
        ArcMachine arc = Create();
        Region(arc, 2, 0x8000_0000, 0x8000_0FE0, 0x1B0 | 1);
        Region(arc, 5, 0x8000_0800, 0x8000_17E0, 0x1B0 | 1);
        Region(arc, 7, 0x8000_4000, 0x8000_4FE0, 0x1B0);
        Assert.Multiple(() =>
        {
            arc.Aux.Write(ArcAux.MPU_PROBE, 0x8000_0100);
            Assert.That(arc.Aux.Read(ArcAux.MPU_INDEX), Is.EqualTo(2));
            arc.Aux.Write(ArcAux.MPU_PROBE, 0x8000_1000);
            Assert.That(arc.Aux.Read(ArcAux.MPU_INDEX), Is.EqualTo(5));
            arc.Aux.Write(ArcAux.MPU_PROBE, 0x8000_0900);
            Assert.That(arc.Aux.Read(ArcAux.MPU_INDEX) & ArcMpuV4.MPU_INDEX_MULT, Is.Not.Zero, "two regions match");
            arc.Aux.Write(ArcAux.MPU_PROBE, 0x8000_4000);
            Assert.That(arc.Aux.Read(ArcAux.MPU_INDEX), Is.EqualTo(ArcMpuV4.MPU_INDEX_DEFAULT), "region 7 is not valid");
            Assert.That(arc.Aux.Read(ArcAux.MPU_INDEX) & 0xC000_0000, Is.Not.Zero, "Zephyr's _mpu_probe error test");
        });
    }

    [Test]
    public void Probe_SelectsTheMatchingRegionForRperReads_AsZephyrsBufferValidateUsesIt()
    {
        ArcMachine arc = Create();
        Region(arc, 6, 0x8000_2000, 0x8000_2FE0, 0x120 | 1);
        arc.Aux.Write(ArcAux.MPU_INDEX, 0);
        arc.Aux.Write(ArcAux.MPU_PROBE, 0x8000_2010);
        Assert.That(arc.Aux.Read(ArcAux.MPU_RPER) & 0x1FF, Is.EqualTo(0x121));
    }

    [Test]
    public void SecureBitAndSid_AreStored_ButDoNotChangeTheDecision()
    {
        ArcMachine arc = Create();
        Region(arc, 0, 0x8000_0000, 0x8000_0FE0, 0x020 | 1);
        Region(arc, 1, 0x8000_1000, 0x8000_1FE0, 0x020 | 1 | 0x8000 | 0x10000);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Cpu.TryRead(0x8000_0000, 4, AccessKind.Read, Privilege.User, out _), Is.Null);
            Assert.That(arc.Cpu.TryRead(0x8000_1000, 4, AccessKind.Read, Privilege.User, out _), Is.Null);
        });
    }

    [Test]
    public void DecisionWindow_IsClippedToTheRegion_AndMachineCheckSegmentsAreDenied()
    {
        ArcMachine arc = Create();
        Region(arc, 0, 0x8000_0000, 0x8000_0FE0, 0x1B0 | 1);
        Region(arc, 1, 0x8000_0800, 0x8000_17E0, 0x1B0 | 1);
        AccessDecision first = arc.Mpu.Decide(0x8000_0000, AccessKind.Read, Privilege.User);
        AccessDecision overlap = arc.Mpu.Decide(0x8000_0900, AccessKind.Read, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That((first.WindowStart, first.WindowEnd), Is.EqualTo((0x8000_0000u, 0x8000_07FFu)));
            Assert.That(overlap.IsAllowed, Is.False);
            Assert.That((overlap.WindowStart, overlap.WindowEnd), Is.EqualTo((0x8000_0800u, 0x8000_0FFFu)));
        });
    }
}
