using Bora.Kernel.Memory;
using Bora.Kernel.Syscalls;
using Bora.Kernel.Zephyr;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls;

/// <summary>
/// Every class of bad syscall argument on every board: each oopses only its caller with <c>K_ERR_KERNEL_OOPS</c> and a
/// message naming what failed, and another user thread makes syscalls afterwards (the kernel lives on).
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class BadArgumentTests : SyscallFixture
{
    public BadArgumentTests(string board)
        : base(board)
    {
    }

    [Test]
    public void bad_id_declared_but_unimplemented() =>
        AssertOopsOnlyCaller(() => z_float_disable(k_current_get()), "Unimplemented system call k_float_disable");

    [Test]
    public void bad_id_int_max() =>
        AssertOopsOnlyCaller(() => Trap().Invoke(0x7FFF_FFFF, 0, 0, 0, 0, 0, 0), "Bad system call id 2147483647");

    [Test]
    public void bad_id_uint_max() =>
        AssertOopsOnlyCaller(() => Trap().Invoke(0xFFFF_FFFF, 0, 0, 0, 0, 0, 0), "Bad system call id 4294967295");

    [Test]
    public void bad_id_k_syscall_bad() =>
        AssertOopsOnlyCaller(() => Trap().Invoke(SyscallIds.K_SYSCALL_BAD, 0, 0, 0, 0, 0, 0), $"Bad system call id {SyscallIds.K_SYSCALL_BAD}");

    [Test]
    public void buffer_outside_the_domain()
    {
        uint outside = Reserve("not_in_domain");
        AssertOopsOnlyCaller(() => z_str_out(new UserPtr(outside), 16), "read access denied");
    }

    [Test]
    public void buffer_straddling_a_partition_edge()
    {
        uint end = 0;
        AssertOopsOnlyCaller(
            () =>
            {
                Assert.That(K.ProtectionDriver!.BufferValidate(end, 4, write: false), Is.Not.Zero, "precondition: the bytes after the partition are not the caller's");
                Assert.That(K.ProtectionDriver!.BufferValidate(end - 4, 4, write: false), Is.Zero, "precondition: the last bytes of the partition are");
                z_str_out(new UserPtr(end - 4), 8);
            },
            "Memory region",
            setup: () => end = UserBuffer + PartSize);
    }

    [Test]
    public void buffer_address_plus_size_wraps() =>
        AssertOopsOnlyCaller(() => z_str_out(new UserPtr(UserBuffer), 0xFFFF_FFFF), $"Memory region 0x{UserBuffer:X8} (size 4294967295) read access denied");

    [Test]
    public void buffer_at_the_top_of_the_address_space_wraps() =>
        AssertOopsOnlyCaller(() => z_str_out(new UserPtr(0xFFFF_FFF0), 0x20), "Memory region 0xFFFFFFF0 (size 32) read access denied");

    [Test]
    public void read_only_buffer_for_a_write()
    {
        uint ro = Reserve("ro_part");
        AssertOopsOnlyCaller(
            () => z_string_nlen(new UserPtr(UserBuffer), ZtestSyscalls.BUF_SIZE, new UserPtr(ro)),
            "write access denied",
            setup: () => WriteString(UserBuffer, "short"),
            extra: () => [K_MEM_PARTITION_DEFINE("ro_part", ro, PartSize, PartitionPermissions.P_RO_U_RO)]);
    }

    [Test]
    public void kernel_memory() =>
        AssertOopsOnlyCaller(() => z_str_out(new UserPtr((uint)K.Layout.KernelData.Start + 0x100), 8), "read access denied");

    [Test]
    public void own_privilege_stack()
    {
        AssertOopsOnlyCaller(
            () =>
            {
                ThreadMemoryView view = K.GetThread(k_current_get()).MemoryView!;
                z_str_out(new UserPtr(view.PrivilegedStackStart), 8);
            },
            "read access denied");
    }

    [Test]
    public void another_threads_stack()
    {
        // Another domain's thread on every backend (on x86 the threads of one domain share its page tables, so
        // another domain is what another thread's stack means there).
        uint otherStack = 0;
        uint otherPart = Reserve("other_part");
        AssertOopsOnlyCaller(
            () => z_str_out(new UserPtr(otherStack), 8),
            "read access denied",
            setup: () =>
            {
                MemoryDomain other = K_MEM_DOMAIN("other_domain");
                MemPartition[] parts = [K_MEM_PARTITION_DEFINE("other_part", otherPart, PartSize, PartitionPermissions.P_RW_U_RW)];
                Assert.That(k_mem_domain_init(other, 1, parts), Is.Zero);
                ThreadHandle t = SpawnUser("other", () => z_sleep(K_FOREVER), other, join: false);
                k_sleep(K_MSEC(1));
                otherStack = K.GetThread(t).MemoryView!.StackStart + 16;
            });
    }

    [Test]
    public void more_than_six_words_from_outside_user_memory() =>
        AssertOopsOnlyCaller(
            () => Trap().Invoke(SyscallIds.K_SYSCALL_MORE_ARGS, 1, 2, 3, 4, 5, (uint)K.Layout.KernelData.Start),
            "the words of a syscall beyond the sixth");

    [Test]
    public void sixty_four_bit_result_slot_outside_user_memory() =>
        AssertOopsOnlyCaller(
            () => Trap().Invoke(SyscallIds.K_SYSCALL_K_UPTIME_TICKS, (uint)K.Layout.KernelData.Start, 0, 0, 0, 0, 0),
            "the 64-bit result slot");

    [Test]
    public void bad_timeout_word()
    {
        AssertOopsOnlyCaller(() => Trap().Invoke(SyscallIds.K_SYSCALL_K_SLEEP, 0, 0xFFFF_FFFF, 0, 0, 0, 0), "is not a k_timeout_t");
    }

    [Test]
    public void a_user_stack_too_full_for_the_trap()
    {
        // ARM stacks the 8-word SVC frame on the user stack at user privilege: with 16 bytes left it is a stacking
        // MemManage (MSTKERR), a stack overflow. x86 pushes on the privilege stack and ARC saves state in registers,
        // so the same call succeeds there.
        bool after = false;
        ThreadHandle t = default;
        Run(() => t = SpawnUser("full", () =>
        {
            Bora.Machine.Cpu cpu = K.Machine.Cpu;
            ThreadMemoryView view = K.GetThread(k_current_get()).MemoryView!;
            // The lowest byte the thread may write: on ARM its MPU region covers the whole stack object.
            uint lowest = IsArm ? view.StackObject : view.StackStart;
            using StackFrame frame = StackFrame.Push(cpu.State.Sp - lowest - 16);
            z_yield();
            after = true;
        }));
        if (IsArm)
        {
            Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.StackCheckFail }), () => string.Join("\n", Faults.Select(f => f.Report)));
            Assert.That(after, Is.False);
            Assert.That(K.GetThread(t).IsDead, Is.True);
            Assert.That(Faults[0].Report.Fault!.Class, Is.EqualTo(FaultClass.Stacking), "MSTKERR");
            Assert.That(Faults[0].Report.Mode, Is.EqualTo(Privilege.User));
            Assert.That(K.Halt, Is.Null);
        }
        else
        {
            AssertNoFaults();
            Assert.That(after, Is.True, "the trap frame does not go on the user stack on this arch");
        }
    }
}
