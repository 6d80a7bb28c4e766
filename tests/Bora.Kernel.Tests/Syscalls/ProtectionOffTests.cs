using Bora.Boards;
using Bora.Kernel.Memory;
using Bora.Kernel.Syscalls;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls;

/// <summary>
/// <see cref="KernelOptions.Userspace"/> off (DESIGN §5, the RFC's debug build) on every board: the same program runs
/// unchanged, <c>K_USER</c> threads stay privileged, <c>z_*</c> are direct calls, the accessors skip the protection
/// model, and memory-domain calls keep their checks.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class ProtectionOffTests : SyscallFixture
{
    public ProtectionOffTests(string board)
        : base(board)
    {
    }

    /// <inheritdoc/>
    protected override void Configure(KernelOptions options) => options.Userspace = false;

    [Test]
    public void K_USER_threads_stay_privileged_and_z_calls_are_direct()
    {
        Privilege mode = Privilege.User;
        IUserTrap? trap = null;
        long ticks = -1;
        int slept = -1;
        Run(() => SpawnUser("user", () =>
        {
            mode = K.Machine.Cpu.State.Privilege;
            trap = UserTrap.Current;
            ticks = z_uptime_ticks();
            slept = z_sleep(K_MSEC(2));
            k_yield();
        }));
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(mode, Is.EqualTo(Privilege.Supervisor));
            Assert.That(trap, Is.Null, "no trap: z_* call the implementation directly");
            Assert.That(ticks, Is.GreaterThanOrEqualTo(0));
            Assert.That(slept, Is.Zero);
            Assert.That(K.Trace.Snapshot().Count(e => e.Kind == TraceEventKind.SyscallEnter), Is.Zero, "nothing went through the gate");
        });
    }

    [Test]
    public void k_thread_user_mode_enter_runs_the_entry_privileged()
    {
        Privilege mode = Privilege.User;
        Run(() =>
        {
            ThreadHandle t = k_thread_create(K.DeclareThread("dropper"), K.DefineStack("dropper_stack", 1024), 1024, (_, _, _) =>
                k_thread_user_mode_enter((_, _, _) => mode = K.Machine.Cpu.State.Privilege, 0, 0, 0), 0, 0, 0, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
            Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        });
        AssertNoFaults();
        Assert.That(mode, Is.EqualTo(Privilege.Supervisor));
    }

    [Test]
    public void a_K_USER_thread_reaches_kernel_data_unchecked()
    {
        uint seen = 0;
        Run(() =>
        {
            uint kernelWord = K.Layout.KernelData.Start + 0x40;
            K.Machine.Cpu.WriteUInt32(kernelWord, 0x5AFE_0FF0);
            SpawnUser("user", () => seen = K.Machine.Cpu.ReadUInt32(kernelWord));
        });
        AssertNoFaults();
        Assert.That(seen, Is.EqualTo(0x5AFE_0FF0u));
    }

    [Test]
    public void memory_domain_calls_keep_their_checks()
    {
        int overlap = 0;
        int zeroSize = 0;
        Run(() =>
        {
            MemPartition part = K_MEM_PARTITION_DEFINE("dup", UserBuffer, PartSize, PartitionPermissions.P_RW_U_RW);
            overlap = k_mem_domain_add_partition(TestDomain, part);
            zeroSize = k_mem_domain_add_partition(TestDomain, new MemPartition("empty", UserBuffer, 0, PartitionPermissions.P_RW_U_RW));
        });
        Assert.Multiple(() =>
        {
            Assert.That(overlap, Is.EqualTo(-EINVAL), "overlaps user_part, as with protection on");
            Assert.That(zeroSize, Is.EqualTo(-EINVAL));
        });
    }

    [Test]
    public void the_same_program_prints_the_same_with_and_without_userspace()
    {
        Assert.That(Console(userspace: false), Is.EqualTo(Console(userspace: true)).And.Contain("worker-b round 2"));
    }

    /// <summary>Two user threads in a domain taking turns through z_sleep and printing with z_str_out from their partition.</summary>
    private string Console(bool userspace)
    {
        KernelOptions options = KernelBoards.Get(Board).CreateOptions();
        options.Userspace = userspace;
        using var kernel = new BoraKernel(options);
        uint granule = Math.Max(kernel.ProtectionDriver?.Capabilities.MinimumRegionSize ?? 4096, 4096);
        uint buffer = kernel.Layout.ReservePartition("print_part", granule, granule).Start;
        var faults = new List<FatalErrorReport>();
        kernel.SetFatalErrorHandler((_, report) => faults.Add(report));
        ZTest.Run(kernel, () =>
        {
            var domain = K_MEM_DOMAIN("print_domain");
            MemPartition[] parts = [K_MEM_PARTITION_DEFINE("print_part", buffer, granule, PartitionPermissions.P_RW_U_RW)];
            Assert.That(k_mem_domain_init(domain, 1, parts), Is.Zero);
            var workers = new List<ThreadHandle>();
            foreach ((string name, uint offset, int sleepMs) in new[] { ("worker-a", 0u, 3), ("worker-b", 256u, 5) })
            {
                ThreadHandle t = k_thread_create(kernel.DeclareThread(name), kernel.DefineStack(name + "_stack", 1024), 1024, (_, _, _) =>
                {
                    for (int round = 0; round < 3; round++)
                    {
                        byte[] text = System.Text.Encoding.ASCII.GetBytes($"{name} round {round} at {z_uptime_ticks() / kernel.Clock.MsToTicksCeil(1)} ms\n");
                        kernel.Machine.Cpu.WriteBlock(buffer + offset, text);
                        z_str_out(new UserPtr(buffer + offset), (uint)text.Length);
                        z_sleep(K_MSEC(sleepMs));
                    }
                }, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
                Assert.That(k_mem_domain_add_thread(domain, t), Is.Zero);
                workers.Add(t);
            }

            workers.ForEach(k_thread_start);
            workers.ForEach(t => Assert.That(k_thread_join(t, K_FOREVER), Is.Zero));
        });
        Assert.That(faults, Is.Empty, () => string.Join("\n", faults));
        return kernel.ConsoleOutput;
    }
}
