namespace Bora.Arch.Arc.Tests;

/// <summary>The test-side driver produces the register values arch-spec §3.7 lists for Zephyr.</summary>
public sealed class ZephyrArcMpuDriverTests
{
    [Test]
    public void Init_WithArcAMpuConfig_ProgramsTheArcAStaticRegisters()
    {
        var arc = new ArcMachine(ArcBoards.NsimEm, new ArcMpuOptions { Version = ArcMpuVersion.V2, RegionCount = 16 });
        new ZephyrArcMpuDriver(arc).Init(
        [
            (0x0000_0000, 0x40000, ZephyrArcMpuDriver.RegionRomAttr, false),
            (0x8000_0000, 0x20000, ZephyrArcMpuDriver.RegionKernelRamAttr, false),
            (0xF000_0000, 0x10000, ZephyrArcMpuDriver.RegionKernelRamAttr, false),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That((arc.Aux.Read(ArcAux.MPU_RDB0 + 26), arc.Aux.Read(ArcAux.MPU_RDP0 + 26)), Is.EqualTo((0x0000_0001UL, 0x969UL)));
            Assert.That((arc.Aux.Read(ArcAux.MPU_RDB0 + 28), arc.Aux.Read(ArcAux.MPU_RDP0 + 28)), Is.EqualTo((0x8000_0001UL, 0x980UL)));
            Assert.That((arc.Aux.Read(ArcAux.MPU_RDB0 + 30), arc.Aux.Read(ArcAux.MPU_RDP0 + 30)), Is.EqualTo((0xF000_0001UL, 0x783UL)));
            Assert.That(arc.Aux.Read(ArcAux.MPU_RDB0 + 24), Is.Zero);
            Assert.That(arc.Aux.Read(ArcAux.MPU_EN), Is.EqualTo(0x4000_0000));
        });
    }

    [Test]
    public void RegionInit_UserStack4KiB_IsRdp0x5B3()
    {
        var arc = new ArcMachine(ArcBoards.NsimEm, new ArcMpuOptions());
        new ZephyrArcMpuDriver(arc).RegionInit(12, ArcA.UserStack, 0x1000, 0x1B0);
        Assert.That((arc.Aux.Read(ArcAux.MPU_RDB0 + 24), arc.Aux.Read(ArcAux.MPU_RDP0 + 24)), Is.EqualTo((0x8001_0001UL, 0x5B3UL)));
    }

    [Test]
    public void RegionInitV4_WritesIndexStartLastBlockAndValidAttributes()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        new ZephyrArcMpuDriver(arc).RegionInit(4, 0x8002_0020, 0x20, 0x120);
        arc.Aux.Write(ArcAux.MPU_INDEX, 4);
        Assert.That(
            (arc.Aux.Read(ArcAux.MPU_RSTART), arc.Aux.Read(ArcAux.MPU_REND), arc.Aux.Read(ArcAux.MPU_RPER)),
            Is.EqualTo((0x8002_0020UL, 0x8002_0020UL, 0x18121UL)));
    }
}
