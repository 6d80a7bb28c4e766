using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests;

/// <summary>
/// mps2-an505 booted as Zephyr boots a Cortex-M33 without gap filling: MAIR0 = 0x0044FFAA, region 0 the
/// code RAM (RO, executable), region 1 (the SRAM dynamic area) cleared so that privileged SRAM
/// accesses use the background map, MPU_CTRL = ENABLE | PRIVDEFENA; test slots are regions 2..15.
/// </summary>
internal sealed class PmsaV8Harness : ArmProtectionHarness
{
    private const uint FirstSlotRegion = 2;

    public PmsaV8Harness()
        : base(ArmMachine.Create(ArmBoards.Mps2An505))
    {
    }

    public override AddressRange Arena { get; } = AddressRange.FromSize(0x3810_0000, 0x10_0000);

    public override int Slots => 14;

    public override void Boot()
    {
        Arm.EnableFaults();
        Arm.Write(ScsRegisters.MPU_CTRL, 0);
        Arm.Write(ScsRegisters.MPU_MAIR0, 0x0044_FFAA);
        Arm.V8Region(0, 0x1000_0000 | 0x06, 0x103F_FFE0 | 1);
        for (uint n = 1; n < 16; n++)
        {
            Arm.V8Region(n, 0, 0);
        }

        Arm.Write(ScsRegisters.MPU_CTRL, 0x5);
    }

    public override bool CanExpress(PartitionPermissions permissions) => ZephyrAttributes.V8(permissions) is not null;

    public override void ProgramRegion(int slot, uint start, uint size, PartitionPermissions permissions)
    {
        (uint rbar, uint mair) = ZephyrAttributes.V8(permissions) ?? throw new ArgumentException($"{permissions} has no PMSAv8 encoding");
        Arm.V8Region(FirstSlotRegion + (uint)slot, start | rbar, ((start + size - 1) & ~0x1Fu) | (mair << 1) | 1);
    }

    public override void ClearRegion(int slot) => Arm.V8Region(FirstSlotRegion + (uint)slot, 0, 0);
}
