namespace Bora.Arch.Arm.Tests;

/// <summary>Assertions on Cortex-M fault reports, checked both on the record and on the registers as a handler reads them.</summary>
internal static class ArmAssert
{
    public static void Allowed(ArmFaultRecord? fault, string because = "") =>
        Assert.That(fault, Is.Null, because);

    /// <summary>MemManage with CFSR = DACCVIOL | MMARVALID (0x82) and MMFAR = <paramref name="mmfar"/>.</summary>
    public static void DataViolation(ArmMachine machine, ArmFaultRecord? fault, uint mmfar)
    {
        Assert.That(fault, Is.Not.Null, $"expected a data access violation at 0x{mmfar:X8}");
        Assert.Multiple(() =>
        {
            Assert.That(fault!.ExceptionNumber, Is.EqualTo(ArmException.MemManage));
            Assert.That(fault.Cfsr, Is.EqualTo(0x82u));
            Assert.That(fault.Mmfar, Is.EqualTo(mmfar));
            Assert.That(machine.Read(ScsRegisters.CFSR), Is.EqualTo(0x82u));
            Assert.That(machine.Read(ScsRegisters.MMFAR), Is.EqualTo(mmfar));
        });
    }

    /// <summary>MemManage with CFSR = IACCVIOL (0x01) and no valid MMFAR.</summary>
    public static void InstructionViolation(ArmMachine machine, ArmFaultRecord? fault)
    {
        Assert.That(fault, Is.Not.Null, "expected an instruction access violation");
        Assert.Multiple(() =>
        {
            Assert.That(fault!.ExceptionNumber, Is.EqualTo(ArmException.MemManage));
            Assert.That(fault.Cfsr, Is.EqualTo(0x01u));
            Assert.That(fault.Mmfar, Is.Null);
            Assert.That(machine.Read(ScsRegisters.CFSR), Is.EqualTo(0x01u));
        });
    }
}
