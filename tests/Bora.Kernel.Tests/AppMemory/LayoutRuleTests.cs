using Bora.Kernel.Memory;
using Bora.Kernel.AppMemory;

namespace Bora.Kernel.Tests.AppMemory;

/// <summary>Base alignment and size rounding match each backend's rules, and every partition is one the driver accepts.</summary>
[TestFixtureSource(typeof(AppMemoryFixture), nameof(Boards))]
public sealed class LayoutRuleTests(string board) : AppMemoryFixture(board)
{
    private static readonly Dictionary<string, (uint Forty, uint Hundred, uint Granule, bool PowerOfTwo)> s_expected = new()
    {
        ["mps2-an385"] = (64, 128, 32, true),
        ["mps2-an505"] = (64, 128, 32, false),
        ["nsim_em"] = (2048, 2048, 2048, true),
        ["nsim_sem"] = (64, 128, 32, false),
        ["qemu_x86"] = (4096, 4096, 4096, false),
        ["qemu_x86_nopae"] = (4096, 4096, 4096, false),
    };

    [Test]
    public void Rules_MatchTheBackend()
    {
        (_, _, uint granule, bool pow2) = s_expected[Board];
        Assert.That((K.PartitionRules.Granule, K.PartitionRules.PowerOfTwo), Is.EqualTo((granule, pow2)));
    }

    [Test]
    public void Sizes_AreRoundedPerBackend()
    {
        AppMemoryMap map = Link(libc: false, "round_40", "round_100");
        (uint forty, uint hundred, _, _) = s_expected[Board];
        PartitionPlacement p100 = map.Plan.Find("round_100")!;
        Assert.Multiple(() =>
        {
            Assert.That(map.Find("round_40")!.Size, Is.EqualTo(forty));
            Assert.That(map.Find("round_100")!.Size, Is.EqualTo(hundred));
            Assert.That(p100.Globals.Select(g => (g.Name, g.Offset, g.PaddingBefore)), Is.EqualTo(new[] { ("first", 0u, 0u), ("rest", 4u, 3u) }));
            Assert.That(p100.ContentBytes, Is.EqualTo(100u));
            Assert.That(p100.Padding, Is.EqualTo(hundred - 97));
        });
    }

    [Test]
    public void Bases_AreAlignedPerBackend_AndTheDriverAcceptsEveryPartition()
    {
        AppMemoryMap map = Link(libc: true, "ztest_mem_partition", "round_40", "round_100", "part_arch_32", "part_arch_2k", "part_arch_4k", "other_partition");
        PartitionRules rules = K.PartitionRules;
        Assert.Multiple(() =>
        {
            foreach (MemPartition p in map.Partitions)
            {
                uint alignment = rules.PowerOfTwo ? p.Size : rules.Granule;
                Assert.That(p.Start % alignment, Is.Zero, $"{p.Name} base");
                Assert.That(rules.PowerOfTwo ? System.Numerics.BitOperations.IsPow2(p.Size) : p.Size % rules.Granule == 0, Is.True, $"{p.Name} size {p.Size}");
                Assert.That(p.Size, Is.GreaterThanOrEqualTo(rules.Granule));
                Assert.That(K.ProtectionDriver!.ValidatePartition(p.Value), Is.Zero, $"{p.Name} is valid for the driver");
                Assert.That(p.Permissions, Is.EqualTo(PartitionPermissions.P_RW_U_RW));
            }

            List<MemPartition> sorted = [.. map.Partitions.OrderBy(p => p.Start)];
            for (int i = 1; i < sorted.Count; i++)
            {
                Assert.That(sorted[i].Start, Is.GreaterThanOrEqualTo(sorted[i - 1].Start + sorted[i - 1].Size), "partitions do not overlap");
            }

            Assert.That(map.Plan.Wasted, Is.LessThanOrEqualTo(AppMemoryLayout.Plan(map.Image, rules, map.Plan.Start, PlacementOrder.Declaration).Wasted));
        });
    }

    [Test]
    public void Layout_IsDeterministic()
    {
        AppMemoryMap map = Link(libc: true, "ztest_mem_partition", "round_40", "round_100");
        using var other = new BoraKernel(Bora.Boards.KernelBoards.Get(Board).CreateOptions());
        AppMemoryMap again = other.LoadAppMemory(map.Image);
        Assert.That(again.Partitions.Select(p => (p.Name, p.Start, p.Size)), Is.EqualTo(map.Partitions.Select(p => (p.Name, p.Start, p.Size))));
    }

    [Test]
    public void LoadAppMemory_AfterBoot_Throws()
    {
        K.Boot();
        Assert.That(() => Link(libc: false, "round_40"), Throws.InvalidOperationException.With.Message.Contains("before Boot"));
    }
}
