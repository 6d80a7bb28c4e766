using Bora.Hal;
using Bora.Machine;
using NUnit.Framework;

namespace Bora.Hal.Conformance;

/// <summary>
/// Cache invalidation: a decision the CPU cached must not survive the driver reprogramming the
/// hardware (register writes, or page-table writes plus the invalidation the driver performs).
/// </summary>
public abstract class CacheInvalidationConformance : ConformanceFixture
{
    [Test]
    public void Grant_ThenRevoke_TheVeryNextAccessFaults()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 4;
        Cpu cpu = Harness.Machine.Cpu;
        cpu.State.Privilege = Privilege.User;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RW_U_RW);
        cpu.WriteUInt32(start, 1);
        Assert.That(cpu.ReadUInt32(start + 4), Is.Zero, "warm the read cache");

        Harness.ClearRegion(0);
        Assert.Multiple(() =>
        {
            Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(start + 8));
            Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(start + 8, 2));
        });
    }

    [Test]
    public void Deny_ThenGrant_TheVeryNextAccessSucceeds()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 4;
        Cpu cpu = Harness.Machine.Cpu;
        cpu.State.Privilege = Privilege.User;
        Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(start));
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RW_U_RW);
        Assert.That(() => cpu.ReadUInt32(start), Throws.Nothing);
    }

    [Test]
    public void Downgrade_ReadWriteToReadOnly_TheVeryNextStoreFaults()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint start = (uint)Harness.Arena.Start + size * 4;
        Cpu cpu = Harness.Machine.Cpu;
        cpu.State.Privilege = Privilege.User;
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RW_U_RW);
        cpu.WriteUInt32(start, 7);
        Harness.ProgramRegion(0, start, size, PartitionPermissions.P_RO_U_RO);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.ReadUInt32(start), Is.EqualTo(7));
            Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(start, 8));
        });
    }

    [Test]
    public void Move_RegionElsewhere_OldAddressesFault_NewOnesWork()
    {
        uint size = Math.Max(Harness.Granule, 4096);
        uint first = (uint)Harness.Arena.Start + size * 4;
        uint second = first + size * 4;
        Cpu cpu = Harness.Machine.Cpu;
        cpu.State.Privilege = Privilege.User;
        Harness.ProgramRegion(0, first, size, PartitionPermissions.P_RW_U_RW);
        cpu.ReadUInt32(first);
        Harness.ClearRegion(0);
        Harness.ProgramRegion(0, second, size, PartitionPermissions.P_RW_U_RW);
        Assert.Multiple(() =>
        {
            Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(first));
            Assert.That(() => cpu.ReadUInt32(second), Throws.Nothing);
        });
    }
}
