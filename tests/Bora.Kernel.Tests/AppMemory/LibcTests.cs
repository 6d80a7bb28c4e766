using Bora.Kernel.Memory;
using Bora.Kernel.AppMemory;
using Bora.Userspace.Libc;

namespace Bora.Kernel.Tests.AppMemory;

/// <summary>
/// The pre-defined partitions and library routing on every board: the C library's untagged globals land in
/// <c>z_libc_partition</c>, both libc partitions are in <c>k_mem_domain_default</c> from boot, and user-mode malloc
/// works inside the domain, faults outside it and returns 0 when the arena is exhausted.
/// </summary>
[TestFixtureSource(typeof(AppMemoryFixture), nameof(Boards))]
public sealed class LibcTests(string board) : AppMemoryFixture(board)
{
    [Test]
    public void LibraryRouting_PlacesEveryGlobalOfTheMarkedAssembly()
    {
        AppMemoryMap map = Link(libc: true);
        AppMemoryManifest libc = LibcPartitions.Manifest;
        PartitionPlacement z = map.Plan.Find(BoraKernel.LibcPartitionName)!;
        List<AppGlobal> untagged = [.. libc.Globals.Where(g => g.Declaration.Partition is null)];
        Assert.Multiple(() =>
        {
            Assert.That(libc.LibraryPartition, Is.EqualTo(BoraKernel.LibcPartitionName));
            Assert.That(untagged, Is.Not.Empty);
            Assert.That(z.Globals.Select(g => g.Global), Is.EquivalentTo(untagged));
            foreach (AppGlobal g in untagged)
            {
                uint a = g.AddressIn(K);
                Assert.That(a >= z.Base && a + g.Declaration.Size <= z.End, Is.True, $"{g.Name} lies in z_libc_partition");
            }

            Assert.That(map.Plan.Find(BoraKernel.MallocPartitionName)!.Globals.Select(g => g.Name), Is.EqualTo(new[] { "z_malloc_arena" }));
        });
    }

    [Test]
    public void LibcPartitions_AreInTheDefaultDomainFromBoot()
    {
        Link(libc: true);
        K.Boot();
        MemoryDomain d = K.Domains.Default;
        Assert.Multiple(() =>
        {
            Assert.That(d.View.PartitionCount, Is.EqualTo(2));
            Assert.That(K.Domains.MaxPartitions, Is.EqualTo(K.ProtectionDriver!.MaxPartitionsPerDomain), "the limit is read from the driver");
            Assert.That(d.View.Slots.Where(s => !s.IsFree).Select(s => s.Start),
                Is.EquivalentTo(new[] { K.AppMemory.Find(BoraKernel.LibcPartitionName)!.Start, K.AppMemory.Find(BoraKernel.MallocPartitionName)!.Start }));
        });
    }

    [Test]
    public void Rand_StateStartsAtOne_InUserMode()
    {
        Link(libc: true);
        var values = new List<int>();
        Run(() => SpawnUser("rng", null, () =>
        {
            values.Add((int)Stdlib.rand_state.Value);
            values.Add(Stdlib.rand());
            Stdlib.srand(1);
            values.Add(Stdlib.rand());
        }));
        AssertNoFaults();
        Assert.That(values, Is.EqualTo(new[] { 1, values[1], values[1] }));
    }

    [Test]
    public void Malloc_WorksForAUserThreadOfTheDefaultDomain()
    {
        Link(libc: true);
        var log = new List<string>();
        Run(() => SpawnUser("allocator", null, () =>
        {
            Bora.Machine.Cpu cpu = K.Machine.Cpu;
            uint a = Malloc.malloc(10);
            uint b = Malloc.calloc(4, 8);
            cpu.WriteUInt32(a, 0x1234_5678);
            log.Add($"aligned {a % 8 == 0 && b % 8 == 0} distinct {a != b} zero {cpu.ReadUInt32(b) + cpu.ReadUInt32(b + 28)}");
            uint c = Malloc.realloc(a, 100);
            log.Add($"moved {c != a} kept {cpu.ReadUInt32(c):X8}");
            Malloc.free(b);
            Malloc.free(c);
            uint d = Malloc.malloc(Malloc.ArenaBytes - 64);
            log.Add($"big after free {d != 0}");
            Malloc.free(d);
        }));
        AssertNoFaults();
        Assert.That(log, Is.EqualTo(new[] { "aligned True distinct True zero 0", "moved True kept 12345678", "big after free True" }));
    }

    [Test]
    public void Malloc_ReturnsNullWhenExhausted()
    {
        Link(libc: true);
        var results = new List<uint>();
        Run(() => SpawnUser("hog", null, () =>
        {
            uint p;
            int count = 0;
            while ((p = Malloc.malloc(256)) != 0)
            {
                count++;
            }

            results.Add((uint)count);
            count = 0;
            while (Malloc.malloc(1) != 0)
            {
                count++;
            }

            results.Add((uint)count);
            results.Add(Malloc.malloc(1));
            results.Add(Malloc.calloc(0x10000, 0x10000));
            results.Add(Malloc.malloc(0));
        }));
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new uint[] { 15, 8, 0, 0, 0 }), "4096-byte arena: 8 bytes of state, 264 bytes per 256-byte block, then 16 per 1-byte block");
    }

    [Test]
    public void Malloc_FaultsForAThreadOutsideTheDomain()
    {
        Link(libc: true, "other_partition");
        bool completed = false;
        uint arena = 0;
        ThreadHandle culprit = default;
        Run(() =>
        {
            arena = Malloc.z_malloc_arena.Address;
            MemoryDomain domain = Domain("no_libc", TestPartitions.other_partition.Partition);
            culprit = SpawnUser("outsider", domain, () =>
            {
                _ = Malloc.malloc(16);
                completed = true;
            });
        });
        AssertFault(culprit, arena, "no_libc", completed);
    }

    [Test]
    public void Free_OfAForeignPointer_Oopses()
    {
        Link(libc: true);
        ThreadHandle culprit = default;
        Run(() => culprit = SpawnUser("bad_free", null, () => Malloc.free(Malloc.z_malloc_arena.Address + 4)));
        Assert.Multiple(() =>
        {
            Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.KernelOops }));
            Assert.That(K.GetThread(culprit).IsDead, Is.True);
        });
    }
}
