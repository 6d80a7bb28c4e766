using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests;

/// <summary>
/// mps2-an385 booted as Zephyr boots a Cortex-M3: region 0 the code RAM (RO, executable), region 1 the
/// SRAM (P_RW_U_NA, XN), MPU_CTRL = ENABLE | PRIVDEFENA; test slots are regions 2..7.
/// </summary>
internal sealed class PmsaV7Harness : ArmProtectionHarness
{
    private const uint FirstSlotRegion = 2;

    public PmsaV7Harness()
        : base(ArmMachine.Create(ArmBoards.Mps2An385))
    {
    }

    public override AddressRange Arena { get; } = AddressRange.FromSize(0x2010_0000, 0x10_0000);

    public override int Slots => 6;

    public override void Boot()
    {
        Arm.EnableFaults();
        Arm.Write(ScsRegisters.MPU_CTRL, 0);
        Arm.V7Region(0, 0x0000_0000, 0x0702_0000 | (ZephyrAttributes.V7SizeField(0x40_0000) << 1) | 1);
        Arm.V7Region(1, 0x2000_0000, 0x110B_0000 | (ZephyrAttributes.V7SizeField(0x80_0000) << 1) | 1);
        for (uint n = FirstSlotRegion; n < 8; n++)
        {
            Arm.V7Region(n, 0, 0);
        }

        Arm.Write(ScsRegisters.MPU_CTRL, 0x5);
    }

    public override bool CanExpress(PartitionPermissions permissions) => ZephyrAttributes.V7Rasr(permissions) is not null;

    public override void ProgramRegion(int slot, uint start, uint size, PartitionPermissions permissions)
    {
        uint attr = ZephyrAttributes.V7Rasr(permissions) ?? throw new ArgumentException($"{permissions} has no PMSAv7 encoding");
        uint region = FirstSlotRegion + (uint)slot;
        Arm.V7Region(region, start, attr | (ZephyrAttributes.V7SizeField(size) << 1) | 1);
    }

    public override void ClearRegion(int slot) => Arm.V7Region(FirstSlotRegion + (uint)slot, 0, 0);
}
