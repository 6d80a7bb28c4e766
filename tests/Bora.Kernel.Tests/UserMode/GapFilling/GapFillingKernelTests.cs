using Bora.Boards;
using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode.GapFilling;

/// <summary>
/// <see cref="KernelOptions.MpuGapFilling"/> on the boards whose MPUs forbid overlapping regions (mps2-an505: PMSAv8;
/// nsim_sem: ARC MPU v4): user threads in domains work per attribute, supervisor code still reaches all of kernel RAM,
/// every map the switches program is gap-filled and overlap-free, and the MPU model reports no invalid programming.
/// </summary>
[TestFixture("mps2-an505")]
[TestFixture("nsim_sem")]
public sealed class GapFillingKernelTests(string board) : IDisposable
{
    private const uint Pattern = 0xC0FF_EE00;
    private const uint PartSize = 4096;

    private readonly List<(FatalReason Reason, FatalErrorReport Report)> _faults = [];
    private BoraKernel _kernel = null!;

    private BoraKernel K => _kernel;

    private IProtectionDriver Driver => K.ProtectionDriver!;

    [SetUp]
    public void Create()
    {
        _faults.Clear();
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.MpuGapFilling = true;
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        _kernel = new BoraKernel(options);
        _kernel.SetFatalErrorHandler((reason, report) => _faults.Add((reason, report)));
    }

    [TearDown]
    public void Dispose() => _kernel?.Dispose();

    private void AssertMapGapFilled(string when) => RegionMap.AssertGapFilled(Driver, K.Layout.RamRange, when);

    private ThreadHandle Spawn(string name, MemoryDomain domain, Action body, ThreadOptions options)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread(name), K.DefineStack(name + "_stack", 1024), 1024, (_, _, _) => body(), 0, 0, 0, K_PRIO_PREEMPT(1), options, K_FOREVER);
        Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
        k_thread_start(t);
        Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        return t;
    }

    private MemoryDomain TwoPartitionDomain(out uint rw, out uint ro)
    {
        rw = K.Layout.ReservePartition("rw", PartSize, PartSize).Start;
        ro = K.Layout.ReservePartition("ro", PartSize, PartSize).Start;

        // A gap between them, so each splits kernel RAM in the middle.
        _ = K.Layout.ReservePartition("gap", PartSize, PartSize);
        uint far = K.Layout.ReservePartition("far", PartSize, PartSize).Start;
        MemoryDomain domain = K_MEM_DOMAIN("dom");
        MemPartition[] parts =
        [
            K_MEM_PARTITION_DEFINE("rw", rw, PartSize, PartitionPermissions.P_RW_U_RW),
            K_MEM_PARTITION_DEFINE("ro", ro, PartSize, PartitionPermissions.P_RO_U_RO),
            K_MEM_PARTITION_DEFINE("far", far, PartSize, PartitionPermissions.P_RW_U_RW),
        ];
        Assert.That(k_mem_domain_init(domain, (byte)parts.Length, parts), Is.Zero);
        return domain;
    }

    [Test]
    public void Limit_IsHalfOfWhatTheBootRegionsAndTheThreadsSplitsLeave()
    {
        K.Boot();
        Assert.That(Driver.MaxPartitionsPerDomain, Is.EqualTo((16 - 2 - (2 * 2)) / 2), "16 regions, text and kernel RAM at boot, stack and guard two each");
    }

    [Test]
    public void UserThread_ReadsAndWritesPerAttribute_AndFaultsWriteToReadOnly()
    {
        uint rw = 0, ro = 0, seen = 0;
        bool wrote = false, after = false;
        ThreadHandle writer = default;
        ZTest.Run(K, () =>
        {
            MemoryDomain domain = TwoPartitionDomain(out rw, out ro);
            K.Machine.Cpu.WriteUInt32(ro, Pattern);
            Spawn("reader", domain, () =>
            {
                K.Machine.Cpu.WriteUInt32(rw + 8, ~Pattern);
                seen = K.Machine.Cpu.ReadUInt32(ro);
                wrote = true;
                AssertMapGapFilled("in the user thread");
            }, K_USER);
            writer = Spawn("writer", domain, () =>
            {
                K.Machine.Cpu.WriteUInt32(ro, ~Pattern);
                after = true;
            }, K_USER);
        });

        Assert.Multiple(() =>
        {
            Assert.That(wrote, Is.True);
            Assert.That(seen, Is.EqualTo(Pattern));
            Assert.That(K.Machine.Cpu.ReadUInt32(rw + 8), Is.EqualTo(~Pattern));
            Assert.That(after, Is.False, "the write to P_RO_U_RO did not complete");
            Assert.That(_faults.Select(f => (f.Reason, f.Report.ThreadName)), Is.EqualTo(new[] { (FatalReason.CpuException, "writer") }));
            Assert.That(K.Machine.Cpu.ReadUInt32(ro), Is.EqualTo(Pattern));
            Assert.That(K.Halt, Is.Null);
            Assert.That(K.Protection.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void UserThread_CannotReachKernelRamOutsideItsRegions()
    {
        bool after = false;
        ThreadHandle user = default;
        ZTest.Run(K, () =>
        {
            MemoryDomain domain = TwoPartitionDomain(out _, out _);
            user = Spawn("snoop", domain, () =>
            {
                _ = K.Machine.Cpu.ReadUInt32(K.Layout.KernelData.Start + 0x100);
                after = true;
            }, K_USER);
        });

        Assert.Multiple(() =>
        {
            Assert.That(after, Is.False);
            Assert.That(_faults.Select(f => (f.Reason, f.Report.ThreadName)), Is.EqualTo(new[] { (FatalReason.CpuException, "snoop") }));
            Assert.That(K.Protection.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void SupervisorCode_ReachesAllOfKernelRam_WithADomainsPartitionsSplittingIt()
    {
        AddressRange ram = K.Layout.RamRange;
        var unreadable = new List<uint>();
        int written = 0;
        ZTest.Run(K, () =>
        {
            MemoryDomain domain = TwoPartitionDomain(out uint rw, out _);
            Spawn("member", domain, () =>
            {
                AssertMapGapFilled("supervisor member of the domain");
                for (ulong a = ram.Start; a < ram.End; a += 256)
                {
                    if (K.Machine.Cpu.TryRead((uint)a, 4, AccessKind.Read, Privilege.Supervisor, out _) is not null)
                    {
                        unreadable.Add((uint)a);
                    }
                }

                foreach (uint a in new[] { (uint)ram.Start, K.Layout.Objects.Start, K.Layout.Heap.Start, rw, (uint)ram.End - 4 })
                {
                    K.Machine.Cpu.WriteUInt32(a, K.Machine.Cpu.ReadUInt32(a));
                    written++;
                }
            }, ThreadOptions.None);
            AssertMapGapFilled("ztest thread");
        });

        Assert.Multiple(() =>
        {
            Assert.That(unreadable, Is.Empty, () => $"unreadable: {string.Join(", ", unreadable.Take(8).Select(a => $"0x{a:X8}"))}");
            Assert.That(written, Is.EqualTo(5));
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(K.Protection.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void ManyThreadsAndDomains_EverySwitchKeepsTheMapGapFilled()
    {
        int checks = 0;
        ZTest.Run(K, () =>
        {
            MemoryDomain a = TwoPartitionDomain(out _, out _);
            uint solo = K.Layout.ReservePartition("solo", PartSize, PartSize).Start;
            MemoryDomain b = K_MEM_DOMAIN("b");
            MemPartition[] parts = [K_MEM_PARTITION_DEFINE("solo", solo, PartSize, PartitionPermissions.P_RW_U_RW)];
            Assert.That(k_mem_domain_init(b, 1, parts), Is.Zero);
            var threads = new List<ThreadHandle>();
            for (int i = 0; i < 4; i++)
            {
                string name = $"t{i}";
                bool user = i % 2 == 0;

                // User threads cannot yield (k_* from user mode is an oops until the syscall gate): they check once.
                ThreadHandle t = k_thread_create(K.DeclareThread(name), K.DefineStack(name + "_stack", 1024), 1024, (_, _, _) =>
                {
                    for (int round = 0; round < (user ? 1 : 3); round++)
                    {
                        AssertMapGapFilled($"{name} round {round}");
                        checks++;
                        if (!user)
                        {
                            k_yield();
                        }
                    }
                }, 0, 0, 0, K_PRIO_PREEMPT(1), user ? K_USER : ThreadOptions.None, K_FOREVER);
                Assert.That(k_mem_domain_add_thread(i < 2 ? a : b, t), Is.Zero);
                threads.Add(t);
            }

            threads.ForEach(k_thread_start);
            threads.ForEach(t => Assert.That(k_thread_join(t, K_FOREVER), Is.Zero));
        });

        Assert.Multiple(() =>
        {
            Assert.That(checks, Is.EqualTo(2 + (2 * 3)));
            Assert.That(_faults, Is.Empty, () => string.Join("\n", _faults.Select(f => f.Report)));
            Assert.That(K.Protection.InvalidProgramming, Is.Empty);
        });
    }
}
