using Bora.Arch.Arc.Driver;
using Bora.Hal;
using static Bora.Arch.Arc.Tests.Driver.ArcDriverRig;

namespace Bora.Arch.Arc.Tests.Driver;

/// <summary>
/// <c>CONFIG_MPU_GAP_FILLING</c> on MPU v4 (nsim_sem, 16 regions): kernel RAM as an explicit region split around the
/// guard, the user stack and every partition, read back from MPU_INDEX/RSTART/REND/RPER after every switch.
/// </summary>
public sealed class ArcMpuDriverGapFillingTests
{
    private const uint KernelRamRper = ArcPartitionAttributes.RegionKernelRamAttr | 0x18001;
    private const ulong RamEnd = (ulong)Ram + RamSize;

    private static ArcDriverRig Rig(bool stackGuard = true, bool split = false) =>
        new(ArcMpuVersion.V4, new ArcMpuDriverOptions { GapFilling = true, StackGuard = stackGuard, SplitTextRodata = split });

    /// <summary>Valid regions as the hardware holds them: index, <c>[start, end)</c>, RPER.</summary>
    private static List<(int Index, uint Start, ulong End, uint Rper)> Regions(ArcDriverRig rig)
    {
        var regions = new List<(int, uint, ulong, uint)>();
        for (int i = 0; i < 16; i++)
        {
            rig.Machine.Aux.Write(ArcAux.MPU_INDEX, (uint)i);
            uint rper = (uint)rig.Machine.Aux.Read(ArcAux.MPU_RPER);
            if ((rper & 1) != 0)
            {
                regions.Add((i, (uint)rig.Machine.Aux.Read(ArcAux.MPU_RSTART), rig.Machine.Aux.Read(ArcAux.MPU_REND) + 32, rper));
            }
        }

        return regions;
    }

    private static void AssertGapFilled(ArcDriverRig rig, string when)
    {
        List<(int Index, uint Start, ulong End, uint Rper)> regions = Regions(rig);
        ulong at = Ram;
        foreach ((int index, uint start, ulong end, _) in regions.OrderBy(r => r.Start))
        {
            foreach ((int other, uint s, ulong e, _) in regions.Where(r => r.Index > index))
            {
                Assert.That(start < e && s < end, Is.False, $"{when}: regions {index} and {other} overlap");
            }

            if (end > at && start < RamEnd)
            {
                Assert.That(start, Is.LessThanOrEqualTo(at), $"{when}: kernel RAM [0x{at:X8}, 0x{start:X8}) has no region");
                at = end;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(at, Is.GreaterThanOrEqualTo(RamEnd), $"{when}: kernel RAM from 0x{at:X8} has no region");
            Assert.That(rig.Machine.Mpu.InvalidProgramming, Is.Empty, when);
        });
    }

    private static ThreadMemoryView User(ArcDriverRig rig, DomainMemoryView domain, string name)
    {
        ThreadMemoryView t = rig.UserThread(domain);
        return new ThreadMemoryView(t.Id, name, t.StackObject, t.StackObjectSize, t.StackStart, t.StackSize, domain)
        {
            IsUser = true,
            PrivilegedStackStart = t.PrivilegedStackStart,
            PrivilegedStackSize = t.PrivilegedStackSize,
        };
    }

    /// <summary><paramref name="count"/> 64-byte partitions, each with a gap on both sides, from 256 KiB into kernel RAM.</summary>
    private static DomainMemoryView Spread(int count) =>
        Domain(Enumerable.Range(0, count).Select(i => new MemoryPartition(Ram + 0x4_0000 + ((uint)i * 0x100), 0x40, PartitionPermissions.P_RW_U_RW)).ToArray());

    [Test]
    public void GapFilling_IsRefusedOnMpuV2()
    {
        var machine = new ArcMachine(ArcBoards.DefaultFor(ArcMpuVersion.V2), new ArcMpuOptions { Version = ArcMpuVersion.V2, RegionCount = 16 });
        Assert.That(() => new ArcMpuDriver(machine, new ArcMpuDriverOptions { GapFilling = true }), Throws.ArgumentException.With.Message.Contains("MPU v4 only"));
    }

    [Test]
    public void Boot_GivesKernelRamARegionAfterText()
    {
        ArcDriverRig rig = Rig();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Driver.StaticRegions, Is.EqualTo(2));
            Assert.That(Regions(rig), Is.EqualTo(new[] { (0, 0x400u, 0x3_0000UL, 0x18169u), (1, Ram, RamEnd, KernelRamRper) }));
        });
    }

    [Test]
    public void Limit_CountsTwoRegionsPerThreadRegionAndPartition_FromTheRegionsReallyLeft()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rig().Driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 2 - 4) / 2), "guard and user stack: 5 (upstream says (16 - 3) / 2 = 6, which cannot fit)");
            Assert.That(Rig(stackGuard: false).Driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 2 - 2) / 2), "user stack only: 6");
            Assert.That(Rig(split: true).Driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 3 - 4) / 2), "rodata's region: 4");
        });
    }

    [Test]
    public void UserThread_GuardThenStackThenPartitions_EachSplitsTheRegionHoldingIt()
    {
        ArcDriverRig rig = Rig();
        ThreadMemoryView user = rig.UserThread(Domain(Rw, Ro));
        rig.Driver.UserModeEnter(user);
        uint g = user.PrivilegedStackStart - 32, s = user.StackStart;
        Assert.That(Regions(rig).Select(r => (r.Index, r.Start, r.End, r.Rper & 0x1FE)), Is.EqualTo(new[]
        {
            (0, 0x400u, 0x3_0000UL, 0x168u),
            (1, Ram, (ulong)g, 0x180u),
            (2, g, (ulong)g + 32, ArcPartitionAttributes.StackGuardAttr),
            (3, g + 32, (ulong)s, 0x180u),
            (4, s, (ulong)s + 0x400, ArcPartitionAttributes.RegionRamAttr),
            (5, s + 0x400, (ulong)RwPartition, 0x180u),
            (6, RwPartition, (ulong)RwPartition + 0x800, 0x1B0u),
            (7, RoPartition + 0x800, RamEnd, 0x180u),
            (8, RoPartition, (ulong)RoPartition + 0x800, 0x120u),
        }), "Ro starts where the fill after Rw starts: that region's start moves and Ro takes one index");
        AssertGapFilled(rig, "user thread");
    }

    [Test]
    public void UserThread_ReachesItsRegionsOnly_AndTheKernelReachesAllOfKernelRam()
    {
        ArcDriverRig rig = Rig();
        ThreadMemoryView user = rig.UserThread(Domain(Rw, Ro));
        rig.Driver.UserModeEnter(user);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Store(RwPartition, Privilege.User), Is.Null);
            Assert.That(rig.Load(RoPartition, Privilege.User), Is.Null);
            Assert.That(rig.Store(RoPartition, Privilege.User), Is.Not.Null);
            Assert.That(rig.Store(user.StackStart + 0x10, Privilege.User), Is.Null, "own stack");
            Assert.That(rig.Load(Ram + 0x100, Privilege.User), Is.Not.Null, "kernel RAM");
            foreach (uint a in new[] { Ram, Ram + 0x100, user.PrivilegedStackStart + 0x10, RwPartition - 4, RoPartition + 0x800, (uint)RamEnd - 4 })
            {
                Assert.That(rig.Store(a, Privilege.Supervisor), Is.Null, $"kernel write at 0x{a:X8}");
                Assert.That(rig.Fetch(a, Privilege.Supervisor), Is.Not.Null, $"kernel RAM is not executable at 0x{a:X8}");
            }

            Assert.That(rig.Store(user.PrivilegedStackStart - 16, Privilege.Supervisor), Is.Not.Null, "the privilege-stack guard");
        });
    }

    [Test]
    public void TheLimit_IsReal_TheWorstCaseFitsExactly_AndOneMoreDoesNot()
    {
        ArcDriverRig rig = Rig();
        int max = rig.Driver.MaxPartitionsPerDomain;
        rig.Driver.UserModeEnter(rig.UserThread(Spread(max)));
        Assert.That(Regions(rig), Has.Count.EqualTo(16));
        AssertGapFilled(rig, "worst case");
        Assert.That(() => rig.Driver.UserModeEnter(rig.UserThread(Spread(max + 1))), Throws.InvalidOperationException.With.Message.Contains("needs more than the 16 MPU regions"));
    }

    [Test]
    public void EverySwitchBetweenReachableConfigurations_LeavesNoOverlapAndNoGap()
    {
        ArcDriverRig rig = Rig();
        var first = new MemoryPartition(Ram, 0x800, PartitionPermissions.P_RW_U_RW);
        var last = new MemoryPartition((uint)RamEnd - 0x800, 0x800, PartitionPermissions.P_RO_U_RO);
        ThreadMemoryView[] threads =
        [
            rig.SupervisorThread(Domain()), rig.SupervisorThread(Domain(), Ram + 0x3000), rig.SupervisorThread(Domain(), Ram),
            User(rig, Domain(), "bare"), User(rig, Domain(Rw, Ro), "adjacent"), User(rig, Domain(first, last), "edges"),
            User(rig, Spread(rig.Driver.MaxPartitionsPerDomain), "full"),
        ];
        foreach (ThreadMemoryView from in threads)
        {
            foreach (ThreadMemoryView to in threads)
            {
                rig.Driver.SwitchIn(from);
                rig.Driver.SwitchIn(to);
                string when = $"{from.Name}@0x{from.StackObject:X8} -> {to.Name}@0x{to.StackObject:X8}";
                AssertGapFilled(rig, when);
                Assert.That(rig.Load(Ram + 0x2_0000, Privilege.Supervisor), Is.Null, when);
            }
        }
    }

    [Test]
    public void NothingChanged_NothingWritten()
    {
        ArcDriverRig rig = Rig();
        ThreadMemoryView user = rig.UserThread(Domain(Rw));
        rig.Driver.SwitchIn(user);
        long writes = rig.Driver.DynamicRegisterWrites;
        rig.Driver.SwitchIn(user);
        rig.Driver.UserModeEnter(user);
        Assert.That(rig.Driver.DynamicRegisterWrites, Is.EqualTo(writes));
        rig.Driver.SwitchIn(rig.SupervisorThread(Domain()));
        Assert.That(rig.Driver.DynamicRegisterWrites, Is.GreaterThan(writes));
    }
}
