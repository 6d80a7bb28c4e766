using Bora.Kernel.Memory;
using Bora.Kernel.AppMemory;
using G = Bora.Kernel.Tests.AppMemory.MemPartitionGlobals;

namespace Bora.Kernel.Tests.AppMemory;

/// <summary>Zephyr's <c>tests/kernel/mem_protect/mem_protect/src/mem_partition.c</c> on every board.</summary>
[TestFixtureSource(typeof(AppMemoryFixture), nameof(Boards))]
public sealed class MemPartitionTests(string board) : AppMemoryFixture(board)
{
    /// <summary><c>MEM_REGION_ALLOC</c>: the backend's granule.</summary>
    private uint MemRegionAlloc => K.PartitionRules.Granule;

    [Test]
    public void test_mem_part_assign_bss_vars_zero()
    {
        Link(libc: false, "ztest_mem_partition");
        var seen = new List<int>();
        Run(() =>
        {
            // ZTEST_USER: the test body runs as a user thread of the ztest domain, which holds ztest_mem_partition.
            MemoryDomain ztest = Domain("ztest_mem_domain", TestPartitions.ztest_mem_partition.Partition);
            SpawnUser("ztest_user", ztest, () => seen.AddRange([G.var.Value, G.zeroed_var.Value, G.bss_var.Value]));
        });
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(new[] { 1356, 0, 0 }));
    }

    [Test]
    public void test_mem_part_auto_determ_size()
    {
        Link(libc: false, "part_arch_32", "part_arch_2k", "part_arch_4k");
        (AppPartition part, AppArray<byte> buf) = MemRegionAlloc switch
        {
            32 => (TestPartitions.part_arch_32, G.buf_arc_32),
            2048 => (TestPartitions.part_arch_2k, G.buf_arc_2k),
            _ => (TestPartitions.part_arch_4k, G.buf_arc_4k),
        };
        Assert.That(buf.Length, Is.EqualTo((int)MemRegionAlloc), "the buffer is sized to the board's MEM_REGION_ALLOC");
        (uint Size, uint Start, uint Buf) seen = default;
        Run(() => seen = (part.Partition.Size, part.Partition.Start, buf.Address));
        Assert.Multiple(() =>
        {
            Assert.That(seen.Size, Is.EqualTo(MemRegionAlloc), "part_arch.size == MEM_REGION_ALLOC");
            Assert.That(seen.Start, Is.EqualTo(seen.Buf), "part_arch.start == buf_arc");
        });
    }
}
