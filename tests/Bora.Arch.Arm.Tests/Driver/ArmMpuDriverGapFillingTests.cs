using Bora.Arch.Arm.Driver;

namespace Bora.Arch.Arm.Tests.Driver;

/// <summary>
/// <c>CONFIG_MPU_GAP_FILLING</c> on PMSAv8 (mps2-an505, 16 regions): kernel RAM split around every dynamic region as
/// <c>mpu_configure_regions_and_partition</c> does, read back from the MPU registers after every switch.
/// </summary>
public sealed class ArmMpuDriverGapFillingTests
{
    private const uint Ram = 0x2800_0000;
    private const uint RamSize = 0x40_0000;
    private const uint RamEnd = Ram + RamSize;
    private const uint ApPrivRw = 0b00, ApPrivRo = 0b10, ApAllRw = 0b01, ApAllRo = 0b11;

    private ArmMachine _machine = null!;
    private ArmMpuDriver _driver = null!;

    private Cpu Cpu => _machine.Cpu;

    private static BootMemoryLayout Layout(params (AddressRange, PartitionPermissions)[] extras) => new(
        Text: new AddressRange(0x400, 0x4_0400),
        Rodata: new AddressRange(0x4_0400, 0x5_0400),
        KernelRam: new AddressRange(Ram, RamEnd),
        ExtraUserRegions: extras);

    private void Boot(bool stackGuard = true, params (AddressRange, PartitionPermissions)[] extras)
    {
        _machine = ArmMachine.Create(ArmBoards.Mps2An505);
        _driver = new ArmMpuDriver(_machine, new ArmMpuDriverOptions { GapFilling = true, StackGuard = stackGuard });
        _driver.Boot(Layout(extras));
    }

    private static ThreadMemoryView Supervisor(uint stackObject, string name = "sup") =>
        new(1, name, Ram + stackObject, 0x440, Ram + stackObject + 0x40, 0x400, Domain());

    private static ThreadMemoryView User(DomainMemoryView domain, string name = "user") =>
        new(2, name, Ram + 0x8000, 0x400, Ram + 0x8000, 0x400, domain)
        {
            IsUser = true,
            PrivilegedStackStart = Ram + 0x9040,
            PrivilegedStackSize = 0x400,
        };

    private static DomainMemoryView Domain(params MemoryPartition[] partitions) => DriverDomains.Of(16, partitions);

    /// <summary><paramref name="count"/> 4 KiB partitions, each with a gap on both sides, from 1 MiB into kernel RAM.</summary>
    private static DomainMemoryView Spread(int count) =>
        Domain(Enumerable.Range(0, count).Select(i => new MemoryPartition(Ram + 0x10_0000 + ((uint)i * 0x2000), 0x1000, PartitionPermissions.P_RW_U_RW)).ToArray());

    private List<PmsaV8RegionReader.Region> Regions() => PmsaV8RegionReader.Enabled(Cpu, _driver.RegionCount);

    private bool Allowed(uint address, AccessKind kind, Privilege privilege) =>
        (kind == AccessKind.Write
            ? Cpu.TryWrite(address, 4, kind, privilege, 0)
            : Cpu.TryRead(address, kind == AccessKind.Execute ? 2 : 4, kind, privilege, out _)) is null;

    private void AssertGapFilled(string when)
    {
        List<PmsaV8RegionReader.Region> regions = Regions();
        PmsaV8RegionReader.AssertNoOverlap(regions, when);
        PmsaV8RegionReader.AssertCovers(regions, Ram, RamEnd, when);
    }

    [Test]
    public void GapFilling_IsRefusedOnPmsaV7()
    {
        ArmMachine machine = ArmMachine.Create(ArmBoards.Mps2An385);
        Assert.That(() => new ArmMpuDriver(machine, new ArmMpuDriverOptions { GapFilling = true }), Throws.ArgumentException.With.Message.Contains("PMSAv8 only"));
    }

    [Test]
    public void Limit_IsHalfOfWhatIsLeftAfterBootAndTheThreadsTwoSplits()
    {
        Boot();
        Assert.That(_driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 2 - (2 * 2)) / 2), "with the guard: 5");
        Boot(stackGuard: false);
        Assert.That(_driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 2 - 2) / 2), "without the guard: 6");
        Boot(true, (new AddressRange(0x2000_0000, 0x2000_1000), PartitionPermissions.P_RW_U_RW));
        Assert.That(_driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 3 - (2 * 2)) / 2), "an extra boot region: 4");
    }

    [Test]
    public void Boot_KeepsKernelRamWhole_UntilTheFirstSwitch()
    {
        Boot();
        List<PmsaV8RegionReader.Region> regions = Regions();
        Assert.Multiple(() =>
        {
            Assert.That(regions.Select(r => (r.Index, r.Base, r.End)), Is.EqualTo(new[] { (0, 0x400u, 0x5_0400UL), (1, Ram, (ulong)RamEnd) }));
            Assert.That((regions[1].Ap, regions[1].Xn), Is.EqualTo((ApPrivRw, true)));
        });
    }

    [Test]
    public void GuardInTheMiddle_SplitsKernelRamIntoThree()
    {
        Boot();
        _driver.SwitchIn(Supervisor(0x1000));
        List<PmsaV8RegionReader.Region> regions = Regions();
        Assert.That(regions.Select(r => (r.Index, r.Base, r.End, r.Ap, r.Xn)), Is.EqualTo(new[]
        {
            (0, 0x400u, 0x5_0400UL, ApAllRo, false),
            (1, Ram, (ulong)Ram + 0x1000, ApPrivRw, true),
            (2, Ram + 0x1000, (ulong)Ram + 0x1040, ApPrivRo, true),
            (3, Ram + 0x1040, (ulong)RamEnd, ApPrivRw, true),
        }));
    }

    [Test]
    public void GuardAtTheStartOfKernelRam_MovesItsBase_AndCostsOneRegion()
    {
        Boot();
        _driver.SwitchIn(Supervisor(0));
        Assert.That(Regions().Select(r => (r.Index, r.Base, r.End, r.Ap)), Is.EqualTo(new[]
        {
            (0, 0x400u, 0x5_0400UL, ApAllRo),
            (1, Ram + 0x40, (ulong)RamEnd, ApPrivRw),
            (2, Ram, (ulong)Ram + 0x40, ApPrivRo),
        }));
    }

    [Test]
    public void PartitionAtTheEndOfKernelRam_MovesItsLimit_ThenTheStackAndGuardSplitWhatIsLeft()
    {
        Boot();
        var last = new MemoryPartition(RamEnd - 0x1000, 0x1000, PartitionPermissions.P_RO_U_RO);
        _driver.UserModeEnter(User(Domain(last)));
        Assert.That(Regions().Select(r => (r.Index, r.Base, r.End, r.Ap)), Is.EqualTo(new[]
        {
            (0, 0x400u, 0x5_0400UL, ApAllRo),
            (1, Ram, (ulong)Ram + 0x8000, ApPrivRw),
            (2, RamEnd - 0x1000, (ulong)RamEnd, ApAllRo),
            (3, Ram + 0x8000, (ulong)Ram + 0x8400, ApAllRw),
            (4, Ram + 0x8400, (ulong)Ram + 0x9000, ApPrivRw),
            (5, Ram + 0x9000, (ulong)Ram + 0x9040, ApPrivRo),
            (6, Ram + 0x9040, (ulong)RamEnd - 0x1000, ApPrivRw),
        }), "partitions first, then the user stack, then the guard, each splitting the region that holds it");
    }

    [Test]
    public void PartitionCoincidingWithABootRegion_TakesItOver_AndTheBootRegionComesBackAtTheNextSwitch()
    {
        var window = new AddressRange(0x2000_0000, 0x2000_1000); // iotkit-sram, outside kernel RAM
        Boot(true, (window, PartitionPermissions.P_RW_U_RW));
        var same = new MemoryPartition((uint)window.Start, 0x1000, PartitionPermissions.P_RO_U_RO);
        _driver.UserModeEnter(User(Domain(same)));
        Assert.Multiple(() =>
        {
            Assert.That(Regions().Count(r => r.Base == window.Start), Is.EqualTo(1), "no second region over the window");
            Assert.That(Regions().Single(r => r.Index == 2).Ap, Is.EqualTo(ApAllRo), "index 2 now holds the partition");
            Assert.That(Allowed((uint)window.Start, AccessKind.Write, Privilege.User), Is.False);
        });
        _driver.SwitchIn(Supervisor(0x1000));
        Assert.Multiple(() =>
        {
            Assert.That(Regions().Single(r => r.Index == 2).Ap, Is.EqualTo(ApAllRw), "the boot region is restored");
            Assert.That(Allowed((uint)window.Start, AccessKind.Write, Privilege.User), Is.True);
        });
    }

    [Test]
    public void PartitionOutsideEveryRegion_TakesOneNewRegion()
    {
        Boot();
        var outside = new MemoryPartition(0x2000_0000, 0x1000, PartitionPermissions.P_RW_U_RW); // iotkit-sram
        _driver.UserModeEnter(User(Domain(outside)));
        Assert.Multiple(() =>
        {
            Assert.That(Regions().Single(r => r.Base == outside.Start).Index, Is.EqualTo(2), "programmed at the next index, nothing split");
            Assert.That(Allowed(outside.Start, AccessKind.Write, Privilege.User), Is.True);
        });
        AssertGapFilled("partition outside kernel RAM");
    }

    [Test]
    public void PartitionStraddlingKernelRamsEnd_IsRefused()
    {
        Boot();
        var straddling = new MemoryPartition(RamEnd - 0x800, 0x1000, PartitionPermissions.P_RW_U_RW);
        Assert.That(() => _driver.UserModeEnter(User(Domain(straddling))), Throws.InvalidOperationException.With.Message.Contains("straddles"));
    }

    [Test]
    public void TheLimit_IsReal_TheWorstCaseFitsExactly_AndOneMoreDoesNot()
    {
        Boot();
        int max = _driver.MaxPartitionsPerDomain;
        _driver.UserModeEnter(User(Spread(max)));
        Assert.Multiple(() =>
        {
            Assert.That(Regions(), Has.Count.EqualTo(16), "every partition, the stack and the guard split a region: all 16 used");
            for (int i = 0; i < max; i++)
            {
                Assert.That(Allowed(Ram + 0x10_0000 + ((uint)i * 0x2000), AccessKind.Write, Privilege.User), Is.True, $"partition {i}");
            }
        });
        AssertGapFilled("worst case");
        Assert.That(() => _driver.UserModeEnter(User(Spread(max + 1))), Throws.InvalidOperationException.With.Message.Contains("needs more than the 16 MPU regions"));
    }

    [Test]
    public void EverySwitchBetweenReachableConfigurations_LeavesNoOverlapAndNoGap_AndKernelRamPrivilegedRwOnly()
    {
        Boot();
        var rw = new MemoryPartition(Ram + 0x1_0000, 0x1000, PartitionPermissions.P_RW_U_RW);
        var ro = new MemoryPartition(Ram + 0x1_1000, 0x1000, PartitionPermissions.P_RO_U_RO);
        var first = new MemoryPartition(Ram, 0x1000, PartitionPermissions.P_RW_U_RW);
        var last = new MemoryPartition(RamEnd - 0x1000, 0x1000, PartitionPermissions.P_RO_U_RO);
        ThreadMemoryView[] threads =
        [
            Supervisor(0x1000, "middle"), Supervisor(0, "start"), Supervisor(RamSize - 0x440, "end"),
            User(Domain(), "bare"), User(Domain(rw, ro), "adjacent"), User(Domain(first, last), "edges"),
            User(Spread(_driver.MaxPartitionsPerDomain), "full"), User(Domain(new MemoryPartition(Ram + 0x8000, 0x400, PartitionPermissions.P_RO_U_RO)), "stack-sized"),
        ];
        uint[] probes = [Ram, Ram + 0x1000, Ram + 0x5000, Ram + 0x1_0800, Ram + 0x20_0000, RamEnd - 0x4];
        foreach (ThreadMemoryView from in threads)
        {
            foreach (ThreadMemoryView to in threads)
            {
                _driver.SwitchIn(from);
                _driver.SwitchIn(to);
                string when = $"{from.Name} -> {to.Name}";
                AssertGapFilled(when);
                foreach (uint probe in probes)
                {
                    Assert.That(Allowed(probe, AccessKind.Read, Privilege.Supervisor), Is.True, $"{when}: privileged read at 0x{probe:X8}");
                    Assert.That(Allowed(probe, AccessKind.Execute, Privilege.Supervisor), Is.False, $"{when}: kernel RAM is execute-never even privileged");
                }
            }
        }
    }

    [Test]
    public void PrivilegedFetchFromKernelRam_FaultsWithGapFilling_ButNotWithout()
    {
        Boot();
        _driver.SwitchIn(Supervisor(0x1000));
        bool filled = Allowed(Ram + 0x2000, AccessKind.Execute, Privilege.Supervisor);

        _machine = ArmMachine.Create(ArmBoards.Mps2An505);
        _driver = new ArmMpuDriver(_machine);
        _driver.Boot(Layout());
        _driver.SwitchIn(Supervisor(0x1000));
        bool cleared = Allowed(Ram + 0x2000, AccessKind.Execute, Privilege.Supervisor);
        Assert.Multiple(() =>
        {
            Assert.That(filled, Is.False, "gap filling: the kernel-RAM pieces are XN");
            Assert.That(cleared, Is.True, "without: the region is cleared and the background map allows privileged fetches (Zephyr's Kconfig help)");
        });
    }

    [Test]
    public void NothingChanged_NothingWritten_AndOnlyChangedRegionsAreRewritten()
    {
        Boot();
        ThreadMemoryView a = Supervisor(0x1000, "a"), b = Supervisor(0x2000, "b");
        DomainMemoryView domain = Domain(new MemoryPartition(Ram + 0x1_0000, 0x1000, PartitionPermissions.P_RW_U_RW));
        ThreadMemoryView user = User(domain);
        _driver.SwitchIn(a);
        int writes = _driver.DynamicRegisterWrites;
        _driver.SwitchIn(a);
        Assert.That(_driver.DynamicRegisterWrites, Is.EqualTo(writes), "same thread: no register write");
        _driver.SwitchIn(user);
        writes = _driver.DynamicRegisterWrites;
        _driver.UserModeEnter(user);
        Assert.That(_driver.DynamicRegisterWrites, Is.EqualTo(writes), "same map at user-mode entry: no register write");
        _driver.SwitchIn(a);
        writes = _driver.DynamicRegisterWrites;
        _driver.SwitchIn(b);
        int moved = _driver.DynamicRegisterWrites - writes;
        Assert.That(moved, Is.InRange(3 * 3, 6 * 3), "moving the guard rewrites the three kernel-RAM regions around it (clearing first the ones in the way), not the text region");
    }

    [Test]
    public void ActiveRegions_NameTheKernelRamPiecesAndTheDynamicRegions()
    {
        Boot();
        _driver.SwitchIn(Supervisor(0x1000));
        Assert.That(_driver.ActiveRegions().Select(r => r.Holder), Is.EqualTo(new[] { "boot: text+rodata", "boot: kernel RAM", "stack guard of 'sup'", "boot: kernel RAM" }));
    }
}
