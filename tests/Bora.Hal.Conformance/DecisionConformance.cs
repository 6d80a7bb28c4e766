using Bora.Hal;
using Bora.Machine;
using NUnit.Framework;

namespace Bora.Hal.Conformance;

/// <summary>The permission decision: each region attribute allows exactly what it says, per privilege and kind.</summary>
public abstract class DecisionConformance : ConformanceFixture
{
    public static IEnumerable<PartitionPermissions> ZephyrAttributes =>
    [
        PartitionPermissions.P_NA_U_NA, PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RW_U_RO,
        PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RO_U_NA, PartitionPermissions.P_RO_U_RO,
        PartitionPermissions.P_RX_U_RX, PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_RX,
    ];

    [TestCaseSource(nameof(ZephyrAttributes))]
    public void AccessMatrix_FollowsPermissions(PartitionPermissions permissions)
    {
        RequireExpressible(permissions);
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 4;
        Harness.ProgramRegion(0, start, size, permissions);

        Cpu cpu = Harness.Machine.Cpu;
        Assert.Multiple(() =>
        {
            foreach (Privilege privilege in new[] { Privilege.Supervisor, Privilege.User })
            {
                foreach (AccessKind kind in new[] { AccessKind.Read, AccessKind.Write, AccessKind.Execute })
                {
                    bool expected = permissions.HasFlag(Flag(privilege, kind));
                    foreach (uint address in new[] { start, start + (size / 2), start + size - 4 })
                    {
                        FaultRecord? fault = Probe(cpu, address, kind, privilege);
                        Assert.That(fault is null, Is.EqualTo(expected), $"{privilege} {kind} at 0x{address:X8} in a {permissions} region: {fault}");
                    }
                }
            }
        });
    }

    [Test]
    public void UserAccess_OutsideEveryRegion_Faults_SupervisorAccessIsAllowed()
    {
        Cpu cpu = Harness.Machine.Cpu;
        uint address = (uint)Harness.Arena.Start + 0x100;
        Assert.Multiple(() =>
        {
            Assert.That(Probe(cpu, address, AccessKind.Read, Privilege.User), Is.Not.Null);
            Assert.That(Probe(cpu, address, AccessKind.Write, Privilege.User), Is.Not.Null);
            Assert.That(Probe(cpu, address, AccessKind.Read, Privilege.Supervisor), Is.Null);
            Assert.That(Probe(cpu, address, AccessKind.Write, Privilege.Supervisor), Is.Null);
        });
    }

    [Test]
    public void RegionBounds_AreExact()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 8;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RW_U_RW);
        Cpu cpu = Harness.Machine.Cpu;
        Assert.Multiple(() =>
        {
            Assert.That(Probe(cpu, start - 1, AccessKind.Read, Privilege.User, 1), Is.Not.Null, "byte below the region");
            Assert.That(Probe(cpu, start, AccessKind.Read, Privilege.User, 1), Is.Null, "first byte");
            Assert.That(Probe(cpu, start + size - 1, AccessKind.Read, Privilege.User, 1), Is.Null, "last byte");
            Assert.That(Probe(cpu, start + size, AccessKind.Read, Privilege.User, 1), Is.Not.Null, "byte above the region");
        });
    }

    [Test]
    public void StraddlingStore_FaultsAtFirstDeniedByte_AndWritesNothing()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 12;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RW_U_RW);
        Cpu cpu = Harness.Machine.Cpu;
        uint address = start + size - 2;
        FaultRecord? fault = cpu.TryWrite(address, 4, AccessKind.Write, Privilege.User, 0xA5A5A5A5);
        Assert.That(fault, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(fault!.Access.Address, Is.EqualTo(address));
            Assert.That(cpu.TryRead(address, 2, AccessKind.Read, Privilege.User, out uint value), Is.Null);
            Assert.That(value, Is.Zero, "no byte of a faulting store is committed");
        });
        Harness.AssertDataFaultStatus(fault!, fault!.Access, start + size);
    }

    [Test]
    public void Regions_InTwoSlots_AreIndependent()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint a = (uint)Harness.Arena.Start + size * 16;
        uint b = a + size * 2;
        Harness.ProgramRegion(0, a, size, PartitionPermissions.P_RW_U_RW);
        Harness.ProgramRegion(1, b, size, PartitionPermissions.P_RO_U_RO);
        Cpu cpu = Harness.Machine.Cpu;
        Assert.Multiple(() =>
        {
            Assert.That(Probe(cpu, a, AccessKind.Write, Privilege.User), Is.Null);
            Assert.That(Probe(cpu, b, AccessKind.Read, Privilege.User), Is.Null);
            Assert.That(Probe(cpu, b, AccessKind.Write, Privilege.User), Is.Not.Null);
            Assert.That(Probe(cpu, a + size, AccessKind.Read, Privilege.User), Is.Not.Null, "the gap between the regions");
        });
    }

    /// <summary>Probes one access at an explicit privilege without raising; returns the fault or null.</summary>
    protected static FaultRecord? Probe(Cpu cpu, uint address, AccessKind kind, Privilege privilege, int size = 4)
    {
        cpu.Protection.ClearFaultStatus();
        return kind == AccessKind.Write
            ? cpu.TryWrite(address, size, kind, privilege, 0)
            : cpu.TryRead(address, kind == AccessKind.Execute ? 2 : size, kind, privilege, out _);
    }

    private static PartitionPermissions Flag(Privilege privilege, AccessKind kind) => (privilege, kind) switch
    {
        (Privilege.Supervisor, AccessKind.Read) => PartitionPermissions.SupervisorRead,
        (Privilege.Supervisor, AccessKind.Write) => PartitionPermissions.SupervisorWrite,
        (Privilege.Supervisor, AccessKind.Execute) => PartitionPermissions.SupervisorExecute,
        (Privilege.User, AccessKind.Read) => PartitionPermissions.UserRead,
        (Privilege.User, AccessKind.Write) => PartitionPermissions.UserWrite,
        _ => PartitionPermissions.UserExecute,
    };
}
