using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>When illegal programming is reported: once, while it stands, never for a driver's half-written region.</summary>
public sealed class InvalidProgrammingTests
{
    [Test]
    public void ZephyrClearingAValidRegion_RdpZeroThenRdbZero_IsNotReported()
    {
        ArcMachine arc = ArcA.Create();
        arc.Cpu.TryRead(ArcA.PartitionA, 4, AccessKind.Read, Privilege.User, out _);
        new ZephyrArcMpuDriver(arc).RegionInit(10, 0, 0, 0);
        arc.Cpu.TryRead(ArcA.PartitionA, 4, AccessKind.Read, Privilege.User, out _);
        Assert.That(arc.Mpu.InvalidProgramming, Is.Empty, "RDP=0 (reserved SIZE) on a still-valid region is never used");
    }

    [Test]
    public void ZephyrGrowingARegion_RdpBeforeRdb_IsNotReported()
    {
        ArcMachine arc = ArcA.Create();
        Assert.That(arc.Mpu.InvalidProgramming, Is.Empty);
        new ZephyrArcMpuDriver(arc).RegionInit(10, 0x8001_8000, 0x8000, 0x1B0);
        Assert.That(arc.Mpu.InvalidProgramming, Is.Empty, "between the two writes the old base was misaligned for the new size");
    }

    [Test]
    public void StandingProblem_IsReportedOnce_AndAgainOnlyAfterItWasFixed()
    {
        ArcMachine arc = ArcA.Create();
        ArcA.Region(arc, 8, 0x8001_8801, 0x5B3);
        arc.Mpu.Decide(0x8001_8000, AccessKind.Read, Privilege.User);
        arc.Aux.Write(ArcAux.MPU_EN, 0x4000_0000);
        Assert.That(arc.Mpu.InvalidProgramming, Has.Count.EqualTo(1));
        ArcA.Region(arc, 8, 0x8001_8001, 0x5B3);
        Assert.That(arc.Mpu.InvalidProgramming, Has.Count.EqualTo(1), "fixed");
        ArcA.Region(arc, 8, 0x8001_8801, 0x5B3);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Mpu.InvalidProgramming, Has.Count.EqualTo(2), "broken again");
            Assert.That(arc.Mpu.InvalidProgramming[0].Register, Is.EqualTo("MPU_RDB8"));
            Assert.That(arc.Mpu.InvalidProgramming[0].Fallback, Does.Contain("[0x80018000, 0x80019000)"));
        });
    }

    [Test]
    public void InvalidRegions_AreNeverChecked()
    {
        ArcMachine arc = ArcA.Create();
        ArcA.Region(arc, 8, 0x8001_8800, 0x001);
        Assert.That(arc.Mpu.InvalidProgramming, Is.Empty);
    }

    [Test]
    public void V4_RendBelowRstart_IsReported_WithTheRegionMatchingNothing()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        arc.Aux.Write(ArcAux.MPU_EN, 0x1F8);
        arc.Aux.Write(ArcAux.MPU_INDEX, 0);
        arc.Aux.Write(ArcAux.MPU_RSTART, 0x8000_2000);
        arc.Aux.Write(ArcAux.MPU_REND, 0x8000_1000);
        arc.Aux.Write(ArcAux.MPU_RPER, 1);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Mpu.InvalidProgramming.Single().Register, Is.EqualTo("MPU_REND[0]"));
            Assert.That(arc.Cpu.TryRead(0x8000_2000, 4, AccessKind.Read, Privilege.User, out _), Is.Null, "the default region decides");
        });
    }
}
