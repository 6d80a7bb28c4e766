using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arc.Tests;

/// <summary>Any aux register write that can change a decision changes the very next access.</summary>
public sealed class CacheInvalidationTests
{
    [Test]
    public void RdpWrite_RemovingUserRead_TheVeryNextCachedLoadFaults()
    {
        ArcMachine arc = ArcA.Create();
        Cpu cpu = arc.Cpu;
        cpu.State.Privilege = Privilege.User;
        Assert.That(cpu.ReadUInt32(ArcA.PartitionA), Is.Zero);
        Assert.That(cpu.ReadUInt32(ArcA.PartitionA + 4), Is.Zero, "served from the cached window");
        arc.Aux.Write(ArcAux.MPU_RDP0 + 20, 0x403 | 0x180);
        var ex = Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(ArcA.PartitionA + 8));
        Assert.That(((ArcFaultRecord)ex!.Fault).MpuRegion, Is.EqualTo(10));
    }

    [Test]
    public void RdbWrite_InvalidatingALowerIndexRegion_TheVeryNextStoreSeesTheRegionBeneath()
    {
        ArcMachine arc = ArcA.Create();
        Cpu cpu = arc.Cpu;
        Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(ArcA.PartitionB, 1), "kernel store blocked by idx 9");
        cpu.ReadUInt32(ArcA.PartitionB);
        arc.Aux.Write(ArcAux.MPU_RDB0 + 18, 0);
        Assert.That(() => cpu.WriteUInt32(ArcA.PartitionB, 1), Throws.Nothing, "idx 14 grants KW");
    }

    [Test]
    public void MpuEnWrite_DisablingTheMpu_TheVeryNextAccessIsAllowed()
    {
        ArcMachine arc = ArcA.Create();
        Cpu cpu = arc.Cpu;
        cpu.State.Privilege = Privilege.User;
        cpu.ReadUInt32(ArcA.UserStack);
        Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(0x8000_0000));
        arc.Aux.Write(ArcAux.MPU_EN, 0);
        Assert.That(() => cpu.ReadUInt32(0x8000_0000), Throws.Nothing);
    }

    [Test]
    public void V4RperWrite_TheVeryNextCachedStoreFaults()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        var driver = new ZephyrArcMpuDriver(arc);
        driver.Init([]);
        driver.RegionInit(5, 0x8000_2000, 0x100, 0x1B0);
        Cpu cpu = arc.Cpu;
        cpu.State.Privilege = Privilege.User;
        cpu.WriteUInt32(0x8000_2000, 1);
        arc.Aux.Write(ArcAux.MPU_INDEX, 5);
        arc.Aux.Write(ArcAux.MPU_RPER, 0x120 | 1);
        Assert.Multiple(() =>
        {
            Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(0x8000_2004, 2));
            Assert.That(cpu.ReadUInt32(0x8000_2000), Is.EqualTo(1));
        });
    }

    [Test]
    public void ReadsAndProbes_DoNotInvalidate_ButEveryConfigurationWriteDoes()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        int invalidations = 0;
        arc.Mpu.AttachDecisionCache(() => invalidations++);
        arc.Aux.Read(ArcAux.MPU_RPER);
        arc.Aux.Write(ArcAux.MPU_PROBE, 0x8000_0000);
        arc.Aux.Write(ArcAux.MPU_INDEX, 1);
        Assert.That(invalidations, Is.Zero);
        arc.Aux.Write(ArcAux.MPU_RSTART, 0x8000_0000);
        arc.Aux.Write(ArcAux.MPU_EN, 0);
        arc.Aux.Write(ArcAux.KSTACK_TOP, 0x8000_0000);
        Assert.That(invalidations, Is.EqualTo(3));
    }
}
