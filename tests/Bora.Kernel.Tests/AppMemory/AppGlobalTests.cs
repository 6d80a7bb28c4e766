using Bora.Kernel.Memory;
using Bora.Kernel.AppMemory;
using G = Bora.Kernel.Tests.AppMemory.MemPartitionGlobals;

namespace Bora.Kernel.Tests.AppMemory;

/// <summary>
/// Automatic partitions on every board: initial values and BSS over dirty memory, read from user threads of the
/// partition's domain; a thread whose domain lacks the partition faults on the same global.
/// </summary>
[TestFixtureSource(typeof(AppMemoryFixture), nameof(Boards))]
public sealed class AppGlobalTests(string board) : AppMemoryFixture(board)
{
    [Test]
    public void InitialisedGlobal_ReadsInitialValue_FromUserThreadInDomain()
    {
        Link(libc: false, "ztest_mem_partition");
        var seen = new List<long>();
        Run(() =>
        {
            MemoryDomain domain = Domain("ztest_domain", TestPartitions.ztest_mem_partition.Partition);
            SpawnUser("reader", domain, () =>
            {
                seen.Add(G.var.Value);
                seen.AddRange(Enumerable.Range(0, G.table.Length).Select(i => (long)G.table[i]));
                G.var.Value = 77;
                seen.Add(G.var.Value);
            });
        });
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(new long[] { 1356, 0xDEAD_BEEF, 7, 0, 42, 77 }));
    }

    [Test]
    public void BssGlobals_AreZeroAtBoot_OverDirtyMemory()
    {
        AppMemoryMap map = Link(libc: false, "ztest_mem_partition");
        PartitionPlacement p = map.Plan.Find("ztest_mem_partition")!;
        Assert.That(K.Machine.Bus.Memory.ReadUInt32(p.Base + p.Globals.First(g => g.Name == "bss_var").Offset), Is.EqualTo(0xA5A5_A5A5u), "the memory was dirty before boot");
        var seen = new List<long>();
        Run(() =>
        {
            MemoryDomain domain = Domain("ztest_domain", TestPartitions.ztest_mem_partition.Partition);
            SpawnUser("reader", domain, () =>
            {
                seen.Add(G.zeroed_var.Value);
                seen.Add(G.bss_var.Value);
                seen.Add(Enumerable.Range(0, G.scratch.Length).Sum(i => G.scratch[i]));
            });
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new long[] { 0, 0, 0 }));
            Assert.That(K.Machine.Bus.Memory.ReadUInt32((uint)(p.End - 4)), Is.Zero, "the padding is zeroed too");
        });
    }

    [Test]
    public void ThreadOutsideDomain_FaultsOnTheSameGlobal()
    {
        Link(libc: false, "ztest_mem_partition", "other_partition");
        bool completed = false;
        uint address = 0;
        ThreadHandle culprit = default;
        Run(() =>
        {
            address = G.var.Address;
            MemoryDomain domain = Domain("other_domain", TestPartitions.other_partition.Partition);
            culprit = SpawnUser("intruder", domain, () =>
            {
                Assert.That(G.other.Value, Is.EqualTo(5u), "its own partition is readable");
                _ = G.var.Value;
                completed = true;
            });
        });
        AssertFault(culprit, address, "other_domain", completed);
        Assert.That(Faults[0].Report.ToString(), Does.Contain("ztest_mem_partition").Or.Contain("app-partitions"));
    }

    [Test]
    public void WriteFromOutsideDomain_Faults()
    {
        Link(libc: false, "ztest_mem_partition", "other_partition");
        bool completed = false;
        uint address = 0;
        ThreadHandle culprit = default;
        Run(() =>
        {
            address = G.table.AddressOf(2);
            MemoryDomain domain = Domain("other_domain", TestPartitions.other_partition.Partition);
            culprit = SpawnUser("scribbler", domain, () =>
            {
                G.table[2] = 1;
                completed = true;
            });
        });
        AssertFault(culprit, address, "other_domain", completed);
    }

    [Test]
    public void Accessor_FromHostThread_Throws()
    {
        Link(libc: false, "ztest_mem_partition");
        Assert.That(() => G.var.Value, Throws.InvalidOperationException.With.Message.Contains("host API"));
    }

    [Test]
    public void GlobalNotLinked_ThrowsNamingIt()
    {
        Link(libc: false, "other_partition");
        string? message = null;
        Run(() => message = Assert.Throws<InvalidOperationException>(() => _ = G.var.Address)!.Message);
        Assert.That(message, Does.Contain("MemPartitionGlobals.var").And.Contain("LoadAppMemory"));
    }
}
