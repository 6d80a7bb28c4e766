using Bora.Arch.Arc.Driver;
using Bora.Hal;
using static Bora.Arch.Arc.Tests.Driver.ArcDriverRig;

namespace Bora.Arch.Arc.Tests.Driver;

/// <summary>The register values the driver writes, per MPU version, and the layouts it refuses.</summary>
public sealed class ArcMpuDriverRegisterTests
{
    private static (ulong Rdb, ulong Rdp) V2Region(ArcMachine arc, int index) =>
        (arc.Aux.Read(ArcAux.MPU_RDB0 + (uint)(2 * index)), arc.Aux.Read(ArcAux.MPU_RDP0 + (uint)(2 * index)));

    private static (ulong Start, ulong End, ulong Rper) V4Region(ArcMachine arc, int index)
    {
        arc.Aux.Write(ArcAux.MPU_INDEX, (uint)index);
        return (arc.Aux.Read(ArcAux.MPU_RSTART), arc.Aux.Read(ArcAux.MPU_REND), arc.Aux.Read(ArcAux.MPU_RPER));
    }

    [Test]
    public void V2Boot_PutsStaticRegionsAtTheTopIndices_WithZephyrsEncodings()
    {
        var rig = new ArcDriverRig(ArcMpuVersion.V2);
        Assert.Multiple(() =>
        {
            Assert.That(V2Region(rig.Machine, 14), Is.EqualTo((0x0000_0001UL, 0x969UL)), "text+rodata: 256 KiB REGION_ROM_ATTR (ARC-A idx 13)");
            Assert.That(V2Region(rig.Machine, 15), Is.EqualTo((0x8000_0001UL, 0x982UL)), "kernel RAM: 512 KiB REGION_KERNEL_RAM_ATTR");
            Assert.That(Enumerable.Range(0, 14).Select(i => V2Region(rig.Machine, i).Rdb), Is.All.Zero, "lower indices cleared");
            Assert.That(rig.Machine.Aux.Read(ArcAux.MPU_EN), Is.EqualTo(0x4000_0000UL), "enabled, default region no access");
        });
    }

    [Test]
    public void V2Thread_UserStackAtNMinusSMinus1_PartitionSlotIAtNMinusSMinus3MinusI()
    {
        var rig = new ArcDriverRig(ArcMpuVersion.V2);
        ThreadMemoryView user = rig.UserThread(Domain(Rw, default, Ro));
        user.Domain.PartitionCount = 2;
        rig.Driver.UserModeEnter(user);
        Assert.Multiple(() =>
        {
            Assert.That(V2Region(rig.Machine, 13), Is.EqualTo((user.StackStart | 1UL, 0x5B2UL)), "user stack, 2 KiB REGION_RAM_ATTR");
            Assert.That(V2Region(rig.Machine, 12).Rdb, Is.Zero, "N-S-2 unused");
            Assert.That(V2Region(rig.Machine, 11), Is.EqualTo((Rw.Start | 1UL, 0x5B2UL)), "slot 0");
            Assert.That(V2Region(rig.Machine, 10).Rdb, Is.Zero, "slot 1 is free");
            Assert.That(V2Region(rig.Machine, 9), Is.EqualTo((Ro.Start | 1UL, 0x522UL)), "slot 2 programmed (upstream ARC-16 leaves it clear)");
        });
    }

    [Test]
    public void V4Boot_PutsStaticRegionsAtTheBottom_AndUsesTheSecureDefaultRegion()
    {
        var rig = new ArcDriverRig(ArcMpuVersion.V4);
        Assert.Multiple(() =>
        {
            Assert.That(V4Region(rig.Machine, 0), Is.EqualTo((0x400UL, 0x2_FFE0UL, 0x18169UL)), "text+rodata, REGION_ROM_ATTR | valid | S | SID1");
            Assert.That(Enumerable.Range(1, 15).Select(i => V4Region(rig.Machine, i).Rper), Is.All.Zero, "the rest cleared");
            Assert.That(rig.Machine.Aux.Read(ArcAux.MPU_EN), Is.EqualTo(0x18180UL), "default region: KR KW S SID1");
        });
    }

    [Test]
    public void V4Thread_UserStackAtSPlus1_GuardAtSPlus3_PartitionsPackedFromSPlus4()
    {
        var rig = new ArcDriverRig(ArcMpuVersion.V4);
        ThreadMemoryView user = rig.UserThread(Domain(Rw, default, Ro));
        user.Domain.PartitionCount = 2;
        rig.Driver.UserModeEnter(user);
        Assert.Multiple(() =>
        {
            Assert.That(V4Region(rig.Machine, 2), Is.EqualTo((user.StackStart, user.StackStart + 0x3E0UL, 0x181B1UL)), "user stack");
            Assert.That(V4Region(rig.Machine, 4), Is.EqualTo((user.StackObject, user.StackObject + 0UL, 0x18121UL)), "guard below the privilege stack, UR|KR");
            Assert.That(V4Region(rig.Machine, 5), Is.EqualTo((Rw.Start, Rw.Start + 0x7E0UL, 0x181B1UL)), "slot 0");
            Assert.That(V4Region(rig.Machine, 6), Is.EqualTo((Ro.Start, Ro.Start + 0x7E0UL, 0x18121UL)), "slot 2, packed after slot 0");
            Assert.That(new[] { 1, 3, 7, 15 }.Select(i => V4Region(rig.Machine, i).Rper), Is.All.Zero);
        });
    }

    [Test]
    public void V4WithoutGuard_PartitionsFromSPlus3_OneMoreAllowed()
    {
        var rig = new ArcDriverRig(ArcMpuVersion.V4, new ArcMpuDriverOptions { StackGuard = false });
        rig.Driver.SwitchIn(rig.SupervisorThread(Domain(Rw)));
        Assert.Multiple(() =>
        {
            Assert.That(rig.Driver.MaxPartitionsPerDomain, Is.EqualTo(16 - (1 + 3) - 1));
            Assert.That(V4Region(rig.Machine, 4).Rper, Is.EqualTo(0x181B1UL), "slot 0 at S+3");
            Assert.That(rig.Driver.StackGeometry.GuardBytes, Is.Zero);
        });
    }

    [Test]
    public void V2BufferValidate_RefusesWhatZephyrsScanWouldFalselyAccept()
    {
        // An RO partition (lower index, higher priority) covers the upper half of the 4 KiB user stack. A
        // write buffer straddling into it is fully contained only by the user-stack region, so Zephyr's
        // scan returns 0; the hardware denies the upper bytes.
        var rig = new ArcDriverRig(ArcMpuVersion.V2);
        uint stack = Ram + 0x8000;
        var overlay = new MemoryPartition(stack + 0x800, 0x800, PartitionPermissions.P_RO_U_RO);
        var user = new ThreadMemoryView(2, "user", stack, 0x1000, stack, 0x1000, Domain(overlay)) { IsUser = true, PrivilegedStackStart = Ram + 0xC000, PrivilegedStackSize = 0x400 };
        rig.Driver.UserModeEnter(user);
        Assert.Multiple(() =>
        {
            Assert.That(ZephyrBufferValidate.V2(rig.Machine.Aux, stack + 0x7F0, 0x20, write: true), Is.Zero, "upstream: false success");
            Assert.That(rig.Driver.BufferValidate(stack + 0x7F0, 0x20, write: true), Is.EqualTo(-1), "Bora");
            AssertFault(rig.Store(stack + 0x800, Privilege.User), 0x0006_0204, stack + 0x800, "the hardware agrees with Bora");
        });
    }

    [Test]
    public void V2Boot_RefusesTextThatRoundsOverKernelRam_AndInexactExtraRegions()
    {
        var arc = new ArcMachine(ArcBoards.NsimEm, new ArcMpuOptions());
        var driver = new ArcMpuDriver(arc);
        Assert.Multiple(() =>
        {
            Assert.That(
                () => driver.Boot(new BootMemoryLayout(new AddressRange(0x400, 0x2000), new AddressRange(0x2000, 0x2400), new AddressRange(0x2800, 0x8000), [])),
                Throws.InvalidOperationException.With.Message.Contains("would cover kernel RAM"));
            Assert.That(
                () => driver.Boot(Layout((new AddressRange(Ram + 0x4_0000, Ram + 0x4_0C00), PartitionPermissions.P_RW_U_RW))),
                Throws.InvalidOperationException.With.Message.Contains("power of two"));
            Assert.That(
                () => driver.Boot(Layout([.. Enumerable.Range(0, 13).Select(i => (AddressRange.FromSize(Ram + 0x4_0000 + ((ulong)i * 0x800), 0x800), PartitionPermissions.P_RO_U_RO))])),
                Throws.InvalidOperationException.With.Message.Contains("leave no room"));
        });
    }

    [Test]
    public void V4Boot_RefusesOverlappingOrInexactExtraRegions()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        var driver = new ArcMpuDriver(arc);
        Assert.Multiple(() =>
        {
            Assert.That(
                () => driver.Boot(Layout((new AddressRange(0x1000, 0x2000), PartitionPermissions.P_RW_U_RW))),
                Throws.InvalidOperationException.With.Message.Contains("overlap"));
            Assert.That(
                () => driver.Boot(Layout((new AddressRange(Ram + 0x10, Ram + 0x100), PartitionPermissions.P_RW_U_RW))),
                Throws.InvalidOperationException.With.Message.Contains("32-byte"));
        });
        driver.Boot(Layout((new AddressRange(Ram + 0x4_0000, Ram + 0x4_0020), PartitionPermissions.P_RW_U_RW)));
        Assert.That(arc.Cpu.TryWrite(Ram + 0x4_0010, 4, AccessKind.Write, Privilege.User, 1), Is.Null, "a 32-byte extra region inside kernel RAM is granted to user mode");
    }

    [Test]
    public void MisalignedUserStack_IsRefused_RatherThanRoundedOverKernelMemory()
    {
        var rig = new ArcDriverRig(ArcMpuVersion.V2);
        var user = new ThreadMemoryView(2, "user", Ram + 0x8400, 0x800, Ram + 0x8400, 0x800, Domain()) { IsUser = true, PrivilegedStackStart = Ram + 0xC000, PrivilegedStackSize = 0x400 };
        Assert.That(() => rig.Driver.UserModeEnter(user), Throws.InvalidOperationException.With.Message.Contains("user stack of 'user'"));
    }
}
