namespace Bora.Arch.Arm.Tests;

/// <summary>Drives an ARM machine the way firmware does: System Control Space registers through the bus, privileged.</summary>
internal static class Scs
{
    public static void Write(this ArmMachine machine, uint address, uint value)
    {
        FaultRecord? fault = machine.Cpu.TryWrite(address, 4, AccessKind.Write, Privilege.Supervisor, value);
        Assert.That(fault, Is.Null, $"privileged write of 0x{value:X8} to 0x{address:X8}");
    }

    public static uint Read(this ArmMachine machine, uint address)
    {
        FaultRecord? fault = machine.Cpu.TryRead(address, 4, AccessKind.Read, Privilege.Supervisor, out uint value);
        Assert.That(fault, Is.Null, $"privileged read of 0x{address:X8}");
        return value;
    }

    /// <summary>Enables MemManage, BusFault and UsageFault (SHCSR), as Zephyr does at boot.</summary>
    public static void EnableFaults(this ArmMachine machine) => machine.Write(ScsRegisters.SHCSR, 0x0007_0000);

    /// <summary>Programs a PMSAv7 region as Zephyr's <c>region_init</c> does: RNR, RBAR, RASR.</summary>
    public static void V7Region(this ArmMachine machine, uint index, uint rbar, uint rasr)
    {
        machine.Write(ScsRegisters.MPU_RNR, index);
        machine.Write(ScsRegisters.MPU_RBAR, rbar);
        machine.Write(ScsRegisters.MPU_RASR, rasr);
    }

    /// <summary>Programs a PMSAv8 region: RNR, RBAR, RLAR.</summary>
    public static void V8Region(this ArmMachine machine, uint index, uint rbar, uint rlar)
    {
        machine.Write(ScsRegisters.MPU_RNR, index);
        machine.Write(ScsRegisters.MPU_RBAR, rbar);
        machine.Write(ScsRegisters.MPU_RLAR, rlar);
    }

    /// <summary>
    /// One access at an explicit privilege with the fault status cleared first (W1C through the bus);
    /// an execute probe is a 2-byte Thumb fetch. Returns the fault or null.
    /// </summary>
    public static ArmFaultRecord? Probe(this ArmMachine machine, uint address, AccessKind kind, Privilege privilege, int size = 4)
    {
        machine.Write(ScsRegisters.CFSR, uint.MaxValue);
        machine.Write(ScsRegisters.HFSR, uint.MaxValue);
        FaultRecord? fault = kind switch
        {
            AccessKind.Write => machine.Cpu.TryWrite(address, size, kind, privilege, 0xA5A5A5A5),
            AccessKind.Execute => machine.Cpu.TryRead(address, 2, kind, privilege, out _),
            _ => machine.Cpu.TryRead(address, size, kind, privilege, out _),
        };
        return (ArmFaultRecord?)fault;
    }
}
