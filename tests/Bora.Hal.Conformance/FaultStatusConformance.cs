using Bora.Hal;
using Bora.Machine;
using NUnit.Framework;

namespace Bora.Hal.Conformance;

/// <summary>Fault status: every denied access is reported with the access, the address and the arch's registers.</summary>
public abstract class FaultStatusConformance : ConformanceFixture
{
    [Test]
    public void UserLoad_FromTheBackground_ReportsTheAccessAndAddress()
    {
        uint address = (uint)Harness.Arena.Start + 0x1230;
        FaultRecord? fault = Harness.Machine.Cpu.TryRead(address, 4, AccessKind.Read, Privilege.User, out _);
        AssertData(fault, address, AccessKind.Read);
    }

    [Test]
    public void UserStore_ToAReadOnlyRegion_ReportsTheAccessAndAddress()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 4;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RO_U_RO);
        uint address = start + 0x10;
        FaultRecord? fault = Harness.Machine.Cpu.TryWrite(address, 4, AccessKind.Write, Privilege.User, 1);
        AssertData(fault, address, AccessKind.Write);
    }

    [Test]
    public void SupervisorStore_ToAReadOnlyRegion_Faults()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 4;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RO_U_RO);
        uint address = start + 0x20;
        FaultRecord? fault = Harness.Machine.Cpu.TryWrite(address, 2, AccessKind.Write, Privilege.Supervisor, 1);
        AssertData(fault, address, AccessKind.Write);
    }

    [Test]
    public void UserFetch_FromANonExecutableRegion_ReportsAnInstructionFault()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 6;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RW_U_RW);
        uint address = start + 0x40;
        FaultRecord? fault = Harness.Machine.Cpu.TryRead(address, 2, AccessKind.Execute, Privilege.User, out _);
        Assert.That(fault, Is.Not.Null, "fetch from an execute-never region");
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Access.Kind, Is.EqualTo(AccessKind.Execute));
            Assert.That(fault.Access.Privilege, Is.EqualTo(Privilege.User));
            Assert.That(fault.Class, Is.AnyOf(FaultClass.Protection, FaultClass.NotPresent));
            Assert.That(fault.Arch, Is.EqualTo(Harness.Machine.Protection.Arch));
        });
        Harness.AssertFetchFaultStatus(fault!, fault!.Access, address);
    }

    [Test]
    public void ClearFaultStatus_LeavesTheNextFaultReportedAlone()
    {
        uint first = (uint)Harness.Arena.Start + 0x100;
        uint second = (uint)Harness.Arena.Start + 0x200;
        Cpu cpu = Harness.Machine.Cpu;
        Assert.That(cpu.TryRead(first, 4, AccessKind.Read, Privilege.User, out _), Is.Not.Null);
        cpu.Protection.ClearFaultStatus();
        FaultRecord? fault = cpu.TryRead(second, 4, AccessKind.Read, Privilege.User, out _);
        AssertData(fault, second, AccessKind.Read);
    }

    [Test]
    public void FaultRecord_StatusRegisters_AreNamedAndDecoded()
    {
        FaultRecord? fault = Harness.Machine.Cpu.TryRead((uint)Harness.Arena.Start, 4, AccessKind.Read, Privilege.User, out _);
        Assert.That(fault, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(fault!.StatusRegisters, Is.Not.Empty);
            Assert.That(fault.StatusRegisters.Select(r => r.Name), Is.All.Not.Empty);
            Assert.That(fault.ExceptionName, Is.Not.Empty);
            Assert.That(fault.ToString(), Does.Contain(fault.ExceptionName));
        });
    }

    private void AssertData(FaultRecord? fault, uint address, AccessKind kind)
    {
        Assert.That(fault, Is.Not.Null, $"{kind} at 0x{address:X8} must fault");
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Access.Address, Is.EqualTo(address));
            Assert.That(fault.Access.Kind, Is.EqualTo(kind));
            Assert.That(fault.Class, Is.AnyOf(FaultClass.Protection, FaultClass.NotPresent));
            Assert.That(fault.FaultAddress, Is.EqualTo(address), "data faults report the faulting address");
            Assert.That(fault.Arch, Is.EqualTo(Harness.Machine.Protection.Arch));
        });
        Harness.AssertDataFaultStatus(fault!, fault!.Access, address);
    }
}
