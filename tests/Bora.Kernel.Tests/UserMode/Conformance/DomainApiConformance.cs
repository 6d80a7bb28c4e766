using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// The domain API's refusals and their codes (zephyr mem_domain.c: test_mem_part_overlap, _assert_add_overmax,
/// _remove_part_fail, _init_fail, _add_error_null, _add_error_zerosize, _error_wraparound, _remove_error_zerosize,
/// _api_supervisor_only), the partition limit read from the backend, and each arch's size/alignment rules.
/// </summary>
[TestFixtureSource(typeof(DomainConformanceFixture), nameof(Boards))]
public sealed class DomainApiConformance : DomainConformanceFixture
{
    public DomainApiConformance(string board)
        : base(board)
    {
    }

    [Test]
    public void test_mem_part_overlap()
    {
        uint start = Reserve("ro");
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("ro_part", start, PartitionPermissions.P_RO_U_RO));
            Assert.Multiple(() =>
            {
                Assert.That(k_mem_domain_add_partition(domain, Part("overlap_part", start)), Is.EqualTo(-Errno.EInval), "same start");
                Assert.That(k_mem_domain_add_partition(domain, new MemPartition("tail", start + PartSize - Granule, 2 * Granule, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-Errno.EInval), "overlapping the end");
                Assert.That(k_mem_domain_add_partition(domain, Part("ro_part", start, PartitionPermissions.P_RO_U_RO)), Is.EqualTo(-Errno.EInval), "the same partition twice");
                Assert.That(domain.PartitionCount, Is.EqualTo(1));
            });
        });
    }

    [Test]
    public void test_mem_part_assert_add_overmax()
    {
        int max = Driver.MaxPartitionsPerDomain;
        uint[] starts = [.. Enumerable.Range(0, max + 1).Select(i => Reserve($"p{i}", Granule))];
        Run(() =>
        {
            Assert.That(K.Domains.MaxPartitions, Is.EqualTo(max), "max_partitions is the arch's arch_mem_domain_max_partitions_get");
            MemPartition[] parts = [.. starts.Select((s, i) => K_MEM_PARTITION_DEFINE($"p{i}", s, Granule, PartitionPermissions.P_RW_U_RW))];
            MemoryDomain domain = K_MEM_DOMAIN("dom");
            Assert.That(k_mem_domain_init(domain, (byte)(max + 1), parts), Is.EqualTo(-Errno.EInval), "more initial partitions than the arch allows");
            Assert.That(k_mem_domain_init(domain, 0, null), Is.Zero);
            for (int i = 0; i < max; i++)
            {
                Assert.That(k_mem_domain_add_partition(domain, parts[i]), Is.Zero, $"partition {i} of {max}");
            }

            Assert.That(k_mem_domain_add_partition(domain, parts[max]), Is.EqualTo(-Errno.ENoSpc), "one more than the arch allows");
            Assert.That(k_mem_domain_remove_partition(domain, parts[0]), Is.Zero);
            Assert.That(k_mem_domain_add_partition(domain, parts[max]), Is.Zero, "a freed slot is reused");
        });
    }

    [Test]
    public void test_mem_domain_add_partitions_simple()
    {
        // Every one of the arch's partitions really is in force for a user member, so the limit is not overstated.
        int max = Driver.MaxPartitionsPerDomain;
        uint[] starts = [.. Enumerable.Range(0, max).Select(i => Reserve($"p{i}", Granule))];
        int written = 0;
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", [.. starts.Select((s, i) => K_MEM_PARTITION_DEFINE($"p{i}", s, Granule, PartitionPermissions.P_RW_U_RW))]);
            SpawnUser("user", domain, () =>
            {
                foreach (uint s in starts)
                {
                    K.Machine.Cpu.WriteUInt32(s + Granule - 4, Pattern);
                    written++;
                }
            });
        });
        AssertNoFaults();
        Assert.That(written, Is.EqualTo(max));
    }

    [Test]
    public void test_mem_domain_remove_part_fail()
    {
        uint start = Reserve("part");
        uint other = Reserve("other");
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("part", start));
            Assert.Multiple(() =>
            {
                Assert.That(k_mem_domain_remove_partition(domain, Part("find_no_part", other, PartitionPermissions.P_RO_U_RO)), Is.EqualTo(-Errno.ENoEnt));
                Assert.That(k_mem_domain_remove_partition(domain, new MemPartition("longer", start, 2 * PartSize, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-Errno.ENoEnt), "start and size must both match");
                Assert.That(k_mem_domain_remove_partition(null, Part("part", start)), Is.EqualTo(-Errno.EInval));
                Assert.That(k_mem_domain_remove_partition(domain, null), Is.EqualTo(-Errno.EInval));
            });
        });
    }

    [Test]
    public void test_mem_domain_remove_partition_ignores_attributes()
    {
        uint start = Reserve("part");
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("part", start));
            Assert.That(k_mem_domain_remove_partition(domain, Part("part", start, PartitionPermissions.P_RO_U_RO)), Is.Zero);
            Assert.That(domain.PartitionCount, Is.Zero);
        });
    }

    [Test]
    public void test_mem_domain_init_fail()
    {
        uint start = Reserve("ro");
        Run(() =>
        {
            MemPartition ro = Part("ro_part", start, PartitionPermissions.P_RO_U_RO);
            MemoryDomain domain = K_MEM_DOMAIN("test_domain_fail");
            Assert.Multiple(() =>
            {
                Assert.That(k_mem_domain_init(domain, 2, [ro, null]), Is.EqualTo(-Errno.EInval), "a NULL partition");
                Assert.That(domain.PartitionCount, Is.EqualTo(1), "slots before the bad one stay filled");
                Assert.That(k_mem_domain_init(null, 0, null), Is.EqualTo(-Errno.EInval), "a NULL domain");
                Assert.That(k_mem_domain_init(K_MEM_DOMAIN("d2"), 1, null), Is.EqualTo(-Errno.EInval), "a NULL array with a count");
            });
        });
    }

    [Test]
    public void test_mem_part_add_error_null()
    {
        Run(() =>
        {
            MemoryDomain domain = Domain("dom");
            Assert.That(k_mem_domain_add_partition(domain, null), Is.EqualTo(-Errno.EInval));
            Assert.That(k_mem_domain_add_partition(null, null), Is.EqualTo(-Errno.EInval));
        });
    }

    [Test]
    public void test_mem_part_add_error_zerosize()
    {
        uint start = Reserve("nosize");
        Run(() =>
        {
            MemPartition part = Part("nonsize_part", start, PartitionPermissions.P_RO_U_RO);
            part.Size = 0;
            Assert.That(k_mem_domain_add_partition(Domain("dom"), part), Is.EqualTo(-Errno.EInval));
        });
    }

    [Test]
    public void test_mem_part_error_wraparound()
    {
        Run(() =>
        {
            MemoryDomain domain = Domain("dom");
            Assert.Multiple(() =>
            {
                Assert.That(k_mem_domain_add_partition(domain, new MemPartition("wraparound_part", 0xFFFF_F800, 2048, PartitionPermissions.P_RO_U_RO)), Is.EqualTo(-Errno.EInval), "ends exactly at 4 GiB");
                Assert.That(k_mem_domain_add_partition(domain, new MemPartition("wraparound_part", 0xFFFF_F000, 0x2000, PartitionPermissions.P_RO_U_RO)), Is.EqualTo(-Errno.EInval), "wraps past 4 GiB");
                Assert.That(() => K_MEM_PARTITION_DEFINE("wraparound_part", 0xFFFF_F000, 0x2000, PartitionPermissions.P_RO_U_RO), Throws.ArgumentException, "K_MEM_PARTITION_DEFINE's build check");
                Assert.That(domain.PartitionCount, Is.Zero);
            });
        });
    }

    [Test]
    public void test_mem_part_remove_error_zerosize()
    {
        uint start = Reserve("part");
        Run(() =>
        {
            MemoryDomain domain = Domain("dom", Part("part", start));
            var zero = new MemPartition("find_no_part", 0, 0, PartitionPermissions.P_RO_U_RO);
            Assert.That(k_mem_domain_remove_partition(domain, zero), Is.EqualTo(-Errno.EInval), "a free slot (start 0, size 0) is never matched");
            Assert.That(domain.PartitionCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void test_mem_domain_api_supervisor_only()
    {
        uint start = Reserve("part");
        ThreadHandle[] users = new ThreadHandle[4];
        bool[] after = new bool[4];
        Action<MemoryDomain, MemPartition, ThreadHandle>[] calls =
        [
            (_, _, _) => k_mem_domain_init(K_MEM_DOMAIN("no_access_domain"), 0, null),
            (d, p, _) => k_mem_domain_add_partition(d, p),
            (d, p, _) => k_mem_domain_remove_partition(d, p),
            (d, _, t) => k_mem_domain_add_thread(d, t),
        ];
        Run(() =>
        {
            MemPartition part = Part("part", start);
            MemoryDomain domain = Domain("dom");
            ThreadHandle zzz = k_thread_create(K.DeclareThread("zzz"), K.DefineStack("zzz_stack", 1024), 1024, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_FOREVER);
            for (int i = 0; i < calls.Length; i++)
            {
                int n = i;
                users[n] = SpawnUser($"user{n}", null, () =>
                {
                    calls[n](domain, part, zzz);
                    after[n] = true;
                });
            }

            Assert.That(domain.PartitionCount, Is.Zero, "nothing changed");
        });
        Assert.Multiple(() =>
        {
            Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(Enumerable.Repeat(FatalReason.KernelOops, calls.Length)));
            Assert.That(Faults.Select(f => f.Report.ThreadName), Is.EqualTo(users.Select(u => K.GetThread(u).ThreadName)));
            Assert.That(Faults.Select(f => f.Report.Mode), Is.All.EqualTo(Privilege.User));
            Assert.That(after, Is.All.False);
        });
    }

    [Test]
    public void test_mem_domain_deinit()
    {
        Run(() =>
        {
            MemoryDomain domain = Domain("dom");
            ThreadHandle t = k_thread_create(K.DeclareThread("member"), K.DefineStack("member_stack", 1024), 1024, (_, _, _) => { }, 0, 0, 0, 0, 0, K_FOREVER);
            Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
            Assert.Multiple(() =>
            {
                Assert.That(k_mem_domain_deinit(null), Is.EqualTo(-Errno.EInval));
                Assert.That(k_mem_domain_deinit(k_mem_domain_default), Is.EqualTo(-Errno.EInval));
                Assert.That(k_mem_domain_deinit(domain), Is.EqualTo(-Errno.EBusy), "a member remains");
            });
            Assert.That(k_mem_domain_add_thread(k_mem_domain_default, t), Is.Zero);
            Assert.That(k_mem_domain_deinit(domain), Is.Zero);
            Assert.That(k_mem_domain_init(domain, 0, null), Is.Zero, "a deinitialised domain can be initialised again");
        });
    }

    [Test]
    public void test_mem_domain_init_nomem()
    {
        // The arch's per-domain data runs out (x86: CONFIG_X86_MAX_ADDITIONAL_MEM_DOMAINS page-table sets); deinit returns one.
        Run(() =>
        {
            var domains = new List<MemoryDomain>();
            int rc = 0;
            while (domains.Count < 64)
            {
                MemoryDomain d = K_MEM_DOMAIN($"d{domains.Count}");
                if ((rc = k_mem_domain_init(d, 0, null)) != 0)
                {
                    break;
                }

                domains.Add(d);
            }

            Assert.That(rc, Is.EqualTo(-Errno.ENoMem), $"after {domains.Count} domains");
            Assert.That(k_mem_domain_deinit(domains[0]), Is.Zero);
            Assert.That(k_mem_domain_init(K_MEM_DOMAIN("again"), 0, null), Is.Zero, "a released set is reused");
        });
    }

    [Test]
    public void test_mem_part_size_not_granule()
    {
        AssertRefused(start => (start, Granule + (Granule / 2)));
    }

    [Test]
    public void test_mem_part_size_below_minimum()
    {
        AssertRefused(start => (start, Granule / 2));
    }

    [Test]
    public void test_mem_part_start_misaligned()
    {
        AssertRefused(start => (start + (Granule / 2), Granule));
    }

    [Test]
    public void test_mem_part_minimum_accepted()
    {
        uint start = Reserve("min", Granule);
        Run(() =>
        {
            MemPartition part = K_MEM_PARTITION_DEFINE("min", start, Granule, PartitionPermissions.P_RW_U_RW);
            Assert.That(k_mem_domain_add_partition(Domain("dom"), part), Is.Zero);
        });
    }

    /// <summary>A partition breaking the arch's size/alignment rules: K_MEM_PARTITION_DEFINE throws, adding it raw is -EINVAL.</summary>
    private void AssertRefused(Func<uint, (uint Start, uint Size)> shape)
    {
        (uint start, uint size) = shape(Reserve("bad", 2 * PartSize));
        Run(() =>
        {
            MemoryDomain domain = Domain("dom");
            Assert.Multiple(() =>
            {
                Assert.That(() => K_MEM_PARTITION_DEFINE("bad", start, size, PartitionPermissions.P_RW_U_RW), Throws.ArgumentException);
                Assert.That(k_mem_domain_add_partition(domain, new MemPartition("bad", start, size, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-Errno.EInval));
                Assert.That(k_mem_domain_init(K_MEM_DOMAIN("d2"), 1, [new MemPartition("bad", start, size, PartitionPermissions.P_RW_U_RW)]), Is.EqualTo(-Errno.EInval));
                Assert.That(domain.PartitionCount, Is.Zero);
            });
        });
    }
}
