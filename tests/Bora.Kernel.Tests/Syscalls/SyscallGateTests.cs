using Bora.Kernel.Syscalls;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls;

/// <summary>
/// The gate's way in and out on every board: user threads reach the kernel through <c>z_*</c> and get results back,
/// the dispatcher runs privileged on the privilege stack, the way back scrubs the caller-saved registers, every
/// syscall is traced, and a supervisor <c>z_*</c> call is a direct call.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class SyscallGateTests : SyscallFixture
{
    public SyscallGateTests(string board)
        : base(board)
    {
    }

    [Test]
    public void z_sleep_z_yield_z_uptime_ticks_from_a_user_thread()
    {
        long before = -1, after = -1;
        int slept = -1;
        Privilege mode = Privilege.Supervisor;
        Run(() => SpawnUser("user", () =>
        {
            before = z_uptime_ticks();
            z_yield();
            slept = z_sleep(K_MSEC(10));
            after = z_uptime_ticks();
            mode = K.Machine.Cpu.State.Privilege;
        }));
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(slept, Is.Zero, "k_sleep's result: no time left");
            Assert.That(after - before, Is.GreaterThanOrEqualTo(K.Clock.MsToTicksCeil(10)), "k_uptime_ticks' 64-bit result came back through the result slot");
            Assert.That(mode, Is.EqualTo(Privilege.User), "the gate drops back to user mode");
        });
    }

    [Test]
    public void z_usleep_and_z_busy_wait_return()
    {
        int left = -1;
        long before = 0, after = 0;
        Run(() => SpawnUser("user", () =>
        {
            left = z_usleep(500);
            before = z_uptime_ticks();
            z_busy_wait(2000);
            after = z_uptime_ticks();
        }));
        AssertNoFaults();
        Assert.That(left, Is.Zero);
        Assert.That(after, Is.GreaterThan(before), "busy waiting advanced virtual time");
    }

    [Test]
    public void the_dispatcher_runs_privileged_on_the_privilege_stack()
    {
        ThreadHandle user = default;
        uint sp = 0, otherSp = 0, userSp = 0, afterSp = 0;
        Privilege blockedMode = Privilege.User;
        Run(() =>
        {
            user = SpawnUser("sleeper", () =>
            {
                userSp = K.Machine.Cpu.State.Sp;
                z_sleep(K_MSEC(5));
                afterSp = K.Machine.Cpu.State.Sp;
            }, join: false);
            k_sleep(K_MSEC(1));
            KThread t = K.GetThread(user);
            sp = t.Context.Sp;
            otherSp = t.Context.OtherSp;
            blockedMode = t.Context.Privilege;
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);
        });
        AssertNoFaults();
        ThreadMemoryView view = K.GetThread(user).MemoryView!;
        uint start = view.PrivilegedStackStart, end = start + view.PrivilegedStackSize;
        bool InPriv(uint a) => a >= start && a <= end;
        Assert.Multiple(() =>
        {
            Assert.That(start, Is.Not.Zero, "the user thread has a privilege stack");
            Assert.That(blockedMode, Is.EqualTo(Privilege.Supervisor), "blocked inside the syscall, in supervisor mode");
            Assert.That(InPriv(sp) || InPriv(otherSp), Is.True, $"the blocked thread's stack pointer lies in its privilege stack [0x{start:X8}, 0x{end:X8}]: SP 0x{sp:X8}, other SP 0x{otherSp:X8}");
            Assert.That(afterSp, Is.EqualTo(userSp), "the user stack pointer is restored on the way back");
        });
    }

    [Test]
    public void results_come_back_in_the_first_register_and_the_other_registers_are_scrubbed()
    {
        uint result = 0, inRegister = 0;
        uint[] registers = [];
        Run(() => SpawnUser("user", () =>
        {
            result = ZtestSyscalls_more_args();
            registers = [.. K.Machine.Cpu.State.Registers];
            inRegister = registers[Model.SyscallRegisters.Arg0];
        }));
        AssertNoFaults();
        SyscallRegisters map = Model.SyscallRegisters;
        ThreadMemoryView view = K.Threads.Single(t => t.ThreadName == "user").MemoryView!;
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(Bora.Kernel.Zephyr.ZtestSyscalls.more_args(1, 2, 3, 4, 5, 6, 7)));
            Assert.That(inRegister, Is.EqualTo(result), "the result word is in the first register");
            Assert.That(map.ScrubMask, Is.Not.Zero);
            for (int r = 0; r < 32; r++)
            {
                if ((map.ScrubMask & (1u << r)) != 0)
                {
                    Assert.That(registers[r], Is.Zero, $"register {r} is scrubbed on the way back");
                }
            }

            uint start = view.PrivilegedStackStart, end = start + view.PrivilegedStackSize;
            Assert.That(registers.Where(v => v >= start && v <= end), Is.Empty, "no privilege-stack address reaches user mode");
        });
    }

    [Test]
    public void every_user_syscall_is_traced_with_its_id_and_result()
    {
        Run(() => SpawnUser("user", () => z_yield()));
        AssertNoFaults();
        int id = (int)SyscallIds.K_SYSCALL_K_YIELD;
        TraceEvent[] events = [.. K.Trace.Snapshot().Where(e => e.Kind is TraceEventKind.SyscallEnter or TraceEventKind.SyscallExit)];
        Assert.That(events.Select(e => (e.Kind, e.Arg)), Is.EqualTo(new[] { (TraceEventKind.SyscallEnter, id), (TraceEventKind.SyscallExit, id) }));
        Assert.That(SyscallIds.NameOf(SyscallIds.K_SYSCALL_K_YIELD), Is.EqualTo("k_yield"));
    }

    [Test]
    public void a_supervisor_z_call_is_a_direct_call()
    {
        bool inUserSyscall = true;
        long ticks = -1;
        Run(() =>
        {
            Assert.That(Bora.Kernel.Syscalls.UserTrap.Current, Is.Null);
            ticks = z_uptime_ticks();
            inUserSyscall = z_syscall_context();
        });
        AssertNoFaults();
        Assert.That(ticks, Is.GreaterThanOrEqualTo(0));
        Assert.That(inUserSyscall, Is.False, "k_is_in_user_syscall is false for a supervisor caller");
        Assert.That(K.Trace.Snapshot().Where(e => e.Kind == TraceEventKind.SyscallEnter), Is.Empty, "no trap");
    }

    [Test]
    public void test_syscall_context()
    {
        bool fromUser = false;
        Run(() => SpawnUser("user", () => fromUser = z_syscall_context()));
        AssertNoFaults();
        Assert.That(fromUser, Is.True, "k_is_in_user_syscall is true inside a user-mode syscall");
    }

    [Test]
    public void k_str_out_writes_a_user_buffer_to_the_console()
    {
        Run(() => SpawnUser("user", () =>
        {
            WriteString(UserBuffer, "hello from user mode\n");
            z_str_out(new UserPtr(UserBuffer), 21);
        }));
        AssertNoFaults();
        Assert.That(K.ConsoleOutput, Is.EqualTo("hello from user mode\n"));
    }

    [Test]
    public void a_supervisor_only_k_call_from_user_mode_names_the_z_call()
    {
        bool after = false;
        Run(() => SpawnUser("user", () =>
        {
            k_yield();
            after = true;
        }));
        Assert.That(after, Is.False);
        Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.KernelOops }));
        Assert.That(Faults[0].Report.Message, Does.Contain("k_yield").And.Contain("z_yield"));
    }

    private ISyscallTrapModel Model => (ISyscallTrapModel)K.ExceptionModel;

    private static uint ZtestSyscalls_more_args() => z_more_args(1, 2, 3, 4, 5, 6, 7);
}
