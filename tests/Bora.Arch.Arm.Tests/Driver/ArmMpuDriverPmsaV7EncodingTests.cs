using Bora.Arch.Arm.Driver;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm.Tests.Driver;

/// <summary>The boot regions' register values on PMSAv7, as Zephyr writes them.</summary>
public sealed class ArmMpuDriverPmsaV7EncodingTests
{
    [Test]
    public void Boot_OnPmsaV7_EncodesTheFlashRegionAsZephyrDoes()
    {
        ArmMachine machine = ArmMachine.Create(ArmBoards.Mps2An385);
        new ArmMpuDriver(machine).Boot(new BootMemoryLayout(
            new AddressRange(0x400, 0x4_0400), new AddressRange(0x4_0400, 0x5_0400), new AddressRange(0x2000_0000, 0x2040_0000), []));
        Cpu cpu = machine.Cpu;
        cpu.TryWrite(ScsRegisters.MPU_RNR, 4, AccessKind.Write, Privilege.Supervisor, 0);
        cpu.TryRead(ScsRegisters.MPU_RASR, 4, AccessKind.Read, Privilege.Supervisor, out uint rasr);
        cpu.TryWrite(ScsRegisters.MPU_RNR, 4, AccessKind.Write, Privilege.Supervisor, 1);
        cpu.TryRead(ScsRegisters.MPU_RASR, 4, AccessKind.Read, Privilege.Supervisor, out uint ram);
        Assert.Multiple(() =>
        {
            Assert.That(rasr, Is.EqualTo(0x0702_0025u), "512 KiB RO/RO executable (arch-spec V7-A region 0)");
            Assert.That(ram, Is.EqualTo(0x110B_002Bu), "4 MiB P_RW_U_NA, XN");
        });
    }
}
