using Bora.Kernel.Syscalls;
using Bora.Kernel.Zephyr;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls;

/// <summary>
/// Zephyr's <c>tests/kernel/mem_protect/syscalls</c> (<c>src/main.c</c>) on every board: the user-copy helpers behind
/// the test's own syscalls, 64-bit and more-than-six-word marshalling, bad ids, and many user threads hammering the
/// gate. <c>kernel_string</c> lies in kernel RAM, <c>user_string</c> in the test domain's partition.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class MemProtectSyscallsTests : SyscallFixture
{
    /// <summary><c>FAULTY_ADDRESS</c>: nothing is mapped there on any board.</summary>
    private const uint FaultyAddress = 0x0FFF_FFF0;

    private uint _kernelString;
    private uint _userString;

    public MemProtectSyscallsTests(string board)
        : base(board)
    {
    }

    [Test]
    public void test_string_nlen()
    {
        uint kernelLen = 0, kernelErr = 0, userLen = 0, userErr = 1, badErr = 0;
        uint supervisorLen = 0, supervisorErr = 1;
        RunWithStrings(
            () =>
            {
                supervisorLen = z_string_nlen(new UserPtr(_kernelString), ZtestSyscalls.BUF_SIZE, new UserPtr(_kernelString + 64));
                supervisorErr = K.Machine.Cpu.ReadUInt32(_kernelString + 64);
            },
            () =>
            {
                UserPtr err = new(UserBuffer + 128);
                kernelLen = z_string_nlen(new UserPtr(_kernelString), ZtestSyscalls.BUF_SIZE, err);
                kernelErr = K.Machine.Cpu.ReadUInt32(err.Address);
                userLen = z_string_nlen(new UserPtr(_userString), ZtestSyscalls.BUF_SIZE, err);
                userErr = K.Machine.Cpu.ReadUInt32(err.Address);
                z_string_nlen(new UserPtr(FaultyAddress), ZtestSyscalls.BUF_SIZE, err);
                badErr = K.Machine.Cpu.ReadUInt32(err.Address);
            });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(supervisorErr, Is.Zero, "from supervisor mode the kernel string is readable");
            Assert.That(supervisorLen, Is.EqualTo((uint)ZtestSyscalls.KernelText.Length));
            Assert.That(unchecked((int)kernelErr), Is.EqualTo(-1), "kernel string did not fault on user access");
            Assert.That(unchecked((int)userErr), Is.Zero, "user string faulted");
            Assert.That(userLen, Is.EqualTo((uint)ZtestSyscalls.UserText.Length));
            Assert.That(unchecked((int)badErr), Is.EqualTo(-1), "nonsense string address did not fault");
        });
    }

    [Test]
    public void test_user_string_copy()
    {
        int kernel = 0, user = -1, other = 0, bad = 0, unterminated = 0;
        RunWithStrings(null, () =>
        {
            kernel = z_string_copy(new UserPtr(_kernelString));
            user = z_string_copy(new UserPtr(_userString));
            WriteString(UserBuffer + 256, "asdkajshdazskjdh");
            other = z_string_copy(new UserPtr(UserBuffer + 256));
            bad = z_string_copy(new UserPtr(FaultyAddress));
            K.Machine.Cpu.FillBlock(UserBuffer + 512, ZtestSyscalls.BUF_SIZE + 8, (byte)'x');
            unterminated = z_string_copy(new UserPtr(UserBuffer + 512));
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(kernel, Is.EqualTo(SyscallHandler.EFAULT), "kernel string did not fault");
            Assert.That(user, Is.Zero, "string should have matched");
            Assert.That(other, Is.EqualTo(ZtestSyscalls.ESRCH));
            Assert.That(bad, Is.EqualTo(SyscallHandler.EFAULT));
            Assert.That(unterminated, Is.EqualTo(SyscallHandler.EINVAL), "not terminated within BUF_SIZE");
        });
    }

    [Test]
    public void test_user_string_alloc_copy()
    {
        int other = 0, kernel = 0, user = -1;
        RunWithStrings(null, () =>
        {
            WriteString(UserBuffer + 256, "asdkajshdazskjdh");
            other = z_string_alloc_copy(new UserPtr(UserBuffer + 256));
            kernel = z_string_alloc_copy(new UserPtr(_kernelString));
            user = z_string_alloc_copy(new UserPtr(_userString));
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(other, Is.EqualTo(-2));
            Assert.That(kernel, Is.EqualTo(-1), "kernel string did not fault");
            Assert.That(user, Is.Zero, "wrong string");
        });
    }

    [Test]
    public void StringAllocCopy_WithoutAResourcePool_FailsWithoutAnOops()
    {
        int user = 0;
        RunWithStrings(null, () => user = z_string_alloc_copy(new UserPtr(_userString)), pool: false);
        AssertNoFaults();
        Assert.That(user, Is.EqualTo(-1), "k_usermode_string_alloc_copy found no pool to copy into");
    }

    [Test]
    public void test_to_copy()
    {
        int kernel = 0, user = -1;
        string copied = string.Empty;
        RunWithStrings(null, () =>
        {
            kernel = z_to_copy(new UserPtr(_kernelString));
            user = z_to_copy(new UserPtr(UserBuffer + 256));
            copied = K.Machine.Cpu.ReadCString(UserBuffer + 256, ZtestSyscalls.BUF_SIZE);
        });
        AssertNoFaults();
        Assert.That(kernel, Is.EqualTo(SyscallHandler.EFAULT), "should have faulted");
        Assert.That(user, Is.Zero);
        Assert.That(copied, Is.EqualTo(ZtestSyscalls.UserText));
    }

    [Test]
    public void test_arg64()
    {
        int small = 0;
        ulong big = 0;
        Run(() => SpawnUser("user", () =>
        {
            small = z_syscall_arg64(54321UL | (0xDEADBEEFUL << 32));
            big = z_syscall_arg64_big(1, 2, 0x1122334455667788UL, 4, 5, 0x99AABBCCDDEEFF00UL);
        }));
        AssertNoFaults();
        Assert.That(small, Is.EqualTo(ZtestSyscalls.syscall_arg64(54321UL | (0xDEADBEEFUL << 32))));
        Assert.That(big, Is.EqualTo(ZtestSyscalls.syscall_arg64_big(1, 2, 0x1122334455667788UL, 4, 5, 0x99AABBCCDDEEFF00UL)), "eight argument words and a 64-bit result");
    }

    [Test]
    public void test_more_args()
    {
        uint result = 0;
        Run(() => SpawnUser("user", () => result = z_more_args(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77)));
        AssertNoFaults();
        Assert.That(result, Is.EqualTo(ZtestSyscalls.more_args(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77)));
    }

    [Test]
    public void test_bad_syscall()
    {
        // Zephyr invokes INT_MAX then UINT_MAX, each expecting K_ERR_KERNEL_OOPS.
        int survivors = 0;
        ThreadHandle first = default, second = default;
        Run(() =>
        {
            first = SpawnUser("bad_int_max", () => Trap().Invoke(0x7FFF_FFFF, 1, 2, 3, 4, 5, 6));
            second = SpawnUser("bad_uint_max", () => Trap().Invoke(0xFFFF_FFFF, 1, 2, 3, 4, 5, 6));
            SpawnUser("good", () =>
            {
                z_yield();
                survivors++;
            });
        });
        Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.KernelOops, FatalReason.KernelOops }));
        Assert.That(Faults.Select(f => f.Report.ThreadName), Is.EqualTo(new[] { "bad_int_max", "bad_uint_max" }));
        Assert.That(K.GetThread(first).IsDead && K.GetThread(second).IsDead, Is.True);
        Assert.That(survivors, Is.EqualTo(1));
    }

    [Test]
    public void test_syscall_torture()
    {
        // Zephyr: several user threads at one priority hammer syscalls while time slicing and interrupts preempt them.
        const int Threads = 4;
        const int Loops = 40;
        int[] done = new int[Threads];
        int mismatches = 0;
        Run(() =>
        {
            k_sched_time_slice_set(1, K_PRIO_PREEMPT(1));
            var handles = new ThreadHandle[Threads];
            for (int i = 0; i < Threads; i++)
            {
                int me = i;
                handles[i] = SpawnUser($"torture{i}", () =>
                {
                    uint buf = UserBuffer + (uint)(me * 64);
                    for (int n = 0; n < Loops; n++)
                    {
                        if (z_more_args((uint)me, (uint)n, 3, 4, 5, 6, 7) != ZtestSyscalls.more_args((uint)me, (uint)n, 3, 4, 5, 6, 7))
                        {
                            mismatches++;
                        }

                        WriteString(buf, ZtestSyscalls.UserText);
                        if (z_string_copy(new UserPtr(buf)) != 0)
                        {
                            mismatches++;
                        }

                        z_busy_wait(50);
                        if (n % 8 == 0)
                        {
                            z_yield();
                        }
                    }

                    done[me] = Loops;
                }, join: false);
            }

            foreach (ThreadHandle h in handles)
            {
                Assert.That(k_thread_join(h, K_FOREVER), Is.Zero);
            }
        });
        AssertNoFaults();
        Assert.That(done, Is.All.EqualTo(Loops));
        Assert.That(mismatches, Is.Zero, "every result matched the implementation's");
        Assert.That(K.Trace.Snapshot().Count(e => e.Kind == TraceEventKind.Switch), Is.GreaterThan(Threads * 2), "the threads were preempted inside and between syscalls");
    }

    /// <summary>Puts <c>kernel_string</c> in kernel RAM (the system heap) and <c>user_string</c> in the user partition, runs <paramref name="supervisor"/> then <paramref name="user"/> in a user thread.</summary>
    private void RunWithStrings(Action? supervisor, Action user, bool pool = true)
    {
        _userString = UserBuffer;
        Run(() =>
        {
            _kernelString = k_malloc(128);
            WriteString(_kernelString, ZtestSyscalls.KernelText);
            WriteString(_userString, ZtestSyscalls.UserText);
            supervisor?.Invoke();

            // As Zephyr's suite setup: the user thread inherits the system pool, which the alloc-copy helpers draw on.
            if (pool)
            {
                k_thread_system_pool_assign(k_current_get());
            }

            SpawnUser("user", user);
        });
    }
}
