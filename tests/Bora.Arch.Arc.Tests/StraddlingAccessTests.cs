using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arc.Tests;

/// <summary>Multi-byte accesses are checked byte by byte; the fault names the first denied byte and nothing is written.</summary>
public sealed class StraddlingAccessTests
{
    private static ArcMachine CreateV4WithHole()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        var driver = new ZephyrArcMpuDriver(arc);
        driver.Init([]);
        driver.RegionInit(5, 0x8000_1000, 0x20, 0x1B0);
        driver.RegionInit(6, 0x8000_1020, 0x20, 0x120);
        driver.RegionInit(7, 0x8000_1040, 0x20, 0x1B0);
        return arc;
    }

    [Test]
    public void BlockStore_AcrossAReadOnlyGranule_FaultsAtItsFirstByte_AndWritesNothing()
    {
        ArcMachine arc = CreateV4WithHole();
        Cpu cpu = arc.Cpu;
        cpu.State.Privilege = Privilege.User;
        byte[] data = [.. Enumerable.Repeat((byte)0xEE, 0x60)];
        var ex = Assert.Throws<MachineFaultException>(() => cpu.WriteBlock(0x8000_1000, data));
        var fault = (ArcFaultRecord)ex!.Fault;
        Assert.Multiple(() =>
        {
            Assert.That(fault.Efa, Is.EqualTo(0x8000_1020));
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0204));
            Assert.That(fault.Access.Address, Is.EqualTo(0x8000_1000));
            Assert.That(fault.Access.Size, Is.EqualTo(0x60));
            Assert.That(cpu.ReadUInt32(0x8000_1000), Is.Zero, "bytes before the hole were not written");
            Assert.That(cpu.ReadUInt32(0x8000_1040), Is.Zero, "bytes after the hole were not written");
        });
    }

    [Test]
    public void BlockLoad_AcrossTheReadOnlyGranule_IsAllowed_EveryByteReadable()
    {
        ArcMachine arc = CreateV4WithHole();
        arc.Cpu.State.Privilege = Privilege.User;
        Assert.That(() => arc.Cpu.ReadBlock(0x8000_1000, new byte[0x60]), Throws.Nothing);
    }

    [Test]
    public void WordLoad_WhoseFirstByteIsDenied_ReportsTheAccessStart()
    {
        ArcMachine arc = ArcA.Create();
        var fault = (ArcFaultRecord?)ArcA.Load(arc, ArcA.UserStack - 2, Privilege.User);
        Assert.That(fault!.Efa, Is.EqualTo(ArcA.UserStack - 2));
    }

    [Test]
    public void DoubleWordStore_WhoseSecondWordLeavesTheUserStack_FaultsThere_AndWritesNothing()
    {
        ArcMachine arc = ArcA.Create();
        Cpu cpu = arc.Cpu;
        cpu.State.Privilege = Privilege.User;
        uint address = ArcA.UserStack + 0x1000 - 4;
        var ex = Assert.Throws<MachineFaultException>(() => cpu.WriteUInt64(address, 0x1122_3344_5566_7788));
        Assert.Multiple(() =>
        {
            Assert.That(((ArcFaultRecord)ex!.Fault).Efa, Is.EqualTo(ArcA.UserStack + 0x1000));
            Assert.That(cpu.ReadUInt32(address), Is.Zero);
        });
    }
}
