using Bora.Arch.Arc.Driver;
using Bora.Hal;
using static Bora.Arch.Arc.Tests.Driver.ArcDriverRig;

namespace Bora.Arch.Arc.Tests.Driver;

/// <summary>
/// <see cref="ArcMpuDriverOptions.SplitTextRodata"/> on MPU v2 and v4: text executable, rodata readable but not
/// executable, one partition fewer, and v2's power-of-two rounding refused where the two regions would meet.
/// </summary>
[TestFixture(ArcMpuVersion.V2)]
[TestFixture(ArcMpuVersion.V4)]
public sealed class ArcMpuDriverSplitTextRodataTests(ArcMpuVersion version)
{
    private const uint TextEnd = 0x2_0000, RodataEnd = 0x3_0000;

    [Test]
    public void Split_TextExecutable_RodataReadableButNotExecutable()
    {
        var rig = new ArcDriverRig(version, new ArcMpuDriverOptions { SplitTextRodata = true });
        Assert.Multiple(() =>
        {
            foreach (Privilege p in new[] { Privilege.User, Privilege.Supervisor })
            {
                Assert.That(rig.Fetch(TextEnd - 2, p), Is.Null, $"{p} executes text");
                Assert.That(rig.Load(TextEnd, p), Is.Null, $"{p} reads rodata");
                Assert.That(rig.Fetch(TextEnd, p), Is.Not.Null, $"{p} cannot fetch from rodata");
                Assert.That(rig.Fetch(RodataEnd - 2, p), Is.Not.Null, $"{p} cannot fetch from rodata's end");
            }

            Assert.That(rig.Machine.Mpu.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void Unsplit_RodataIsExecutable_AndSplitCostsOnePartition()
    {
        var whole = new ArcDriverRig(version);
        var split = new ArcDriverRig(version, new ArcMpuDriverOptions { SplitTextRodata = true });
        Assert.Multiple(() =>
        {
            Assert.That(whole.Fetch(TextEnd, Privilege.User), Is.Null, "REGION_ROM_ATTR over both");
            Assert.That(split.Driver.StaticRegions, Is.EqualTo(whole.Driver.StaticRegions + 1));
            Assert.That(split.Driver.MaxPartitionsPerDomain, Is.EqualTo(whole.Driver.MaxPartitionsPerDomain - 1));
        });
    }

    [Test]
    public void Split_LayoutWhoseRoundedRegionsMeet_IsRefusedOnV2_AndExactOnV4()
    {
        var layout = new BootMemoryLayout(new AddressRange(0x400, 0x2_0400), new AddressRange(0x2_0400, 0x3_0000), new AddressRange(Ram, Ram + RamSize), []);
        var machine = new ArcMachine(ArcBoards.DefaultFor(version), new ArcMpuOptions { Version = version, RegionCount = 16 });
        var driver = new ArcMpuDriver(machine, new ArcMpuDriverOptions { SplitTextRodata = true });
        if (version == ArcMpuVersion.V2)
        {
            Assert.That(() => driver.Boot(layout), Throws.InvalidOperationException.With.Message.Contains("would cover each other"));
            return;
        }

        driver.Boot(layout);
        Assert.Multiple(() =>
        {
            Assert.That(machine.Cpu.TryRead(0x2_03FE, 2, AccessKind.Execute, Privilege.User, out _), Is.Null);
            Assert.That(machine.Cpu.TryRead(0x2_0400, 2, AccessKind.Execute, Privilege.User, out _), Is.Not.Null);
        });
    }
}
