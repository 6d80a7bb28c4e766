using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests;

/// <summary>
/// Drives an ARM MPU for the conformance fixtures through register writes on the bus only, with Zephyr's
/// attribute encodings and boot sequence (arch-spec §2.7).
/// </summary>
internal abstract class ArmProtectionHarness : ProtectionHarness
{
    protected ArmProtectionHarness(ArmMachine arm)
    {
        Arm = arm;
    }

    public ArmMachine Arm { get; }

    public override Bora.Machine.Machine Machine => Arm.Machine;

    public override uint Granule => 32;

    public override void AssertDataFaultStatus(FaultRecord fault, MemoryAccess access, uint faultAddress)
    {
        var arm = (ArmFaultRecord)fault;
        Assert.Multiple(() =>
        {
            Assert.That(arm.ExceptionNumber, Is.EqualTo(ArmException.MemManage));
            Assert.That(arm.Mmfsr, Is.EqualTo(Mmfsr.DACCVIOL | Mmfsr.MMARVALID));
            Assert.That(arm.Mmfar, Is.EqualTo(faultAddress));
            Assert.That(arm.Bfsr, Is.EqualTo(Bfsr.None));
            Assert.That(Arm.Read(ScsRegisters.CFSR), Is.EqualTo(0x82u), "CFSR as the handler reads it");
            Assert.That(Arm.Read(ScsRegisters.MMFAR), Is.EqualTo(faultAddress), "MMFAR as the handler reads it");
        });
    }

    public override void AssertFetchFaultStatus(FaultRecord fault, MemoryAccess access, uint address)
    {
        var arm = (ArmFaultRecord)fault;
        Assert.Multiple(() =>
        {
            Assert.That(arm.ExceptionNumber, Is.EqualTo(ArmException.MemManage));
            Assert.That(arm.Mmfsr, Is.EqualTo(Mmfsr.IACCVIOL), "no MMARVALID for an instruction access");
            Assert.That(arm.Mmfar, Is.Null);
            Assert.That(arm.FaultAddress, Is.Null);
            Assert.That(Arm.Read(ScsRegisters.CFSR), Is.EqualTo(0x01u));
        });
    }
}
