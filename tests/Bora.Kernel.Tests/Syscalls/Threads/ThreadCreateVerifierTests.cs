using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Threads;

/// <summary>
/// <c>z_vrfy_k_thread_create</c>'s checks on every board, ported from zephyr
/// tests/kernel/mem_protect/mem_protect/src/kobject.c (user mode: <c>kobject_test_user_1_*</c> makes the bad call and
/// must die before <c>zassert_unreachable</c>), plus the other thread verifiers' failures. Each oopses only its caller.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class ThreadCreateVerifierTests : ThreadSyscallFixture
{
    private ThreadHandle _reuseTid;
    private StackHandle _stack2;
    private uint _entry;

    public ThreadCreateVerifierTests(string board)
        : base(board)
    {
    }

    [Test]
    public void test_create_new_supervisor_thread_from_user() =>
        AssertCreateOopses(K_PRIO_PREEMPT(1), 0, StackSize, "(options & K_USER) != 0");

    [Test]
    public void test_create_new_essential_thread_from_user() =>
        AssertCreateOopses(K_PRIO_PREEMPT(1), K_USER | K_ESSENTIAL, StackSize, "(options & K_ESSENTIAL) == 0");

    [Test]
    public void test_create_new_higher_prio_thread_from_user() =>
        AssertCreateOopses(K_PRIO_PREEMPT(0), K_USER, StackSize, "thread priority 0 is higher than the caller's 1");

    [Test]
    public void test_create_new_invalid_prio_thread_from_user() =>
        AssertCreateOopses(6000, K_USER, StackSize, "invalid thread priority 6000");

    /// <summary>Stack size -1: <c>K_THREAD_STACK_RESERVED + stack_size</c> overflows where the arch reserves bytes, else it is too big.</summary>
    [Test]
    public void test_create_new_thread_from_user_invalid_stacksize() =>
        AssertCreateOopses(K_PRIO_PREEMPT(1), K_USER, uint.MaxValue, "stack size");

    /// <summary>
    /// A size that wraps only once the arch's reserved bytes are added: "stack size overflow" where the stack object
    /// reserves bytes below the buffer, "too big" where it reserves none (the sum is then the size itself).
    /// </summary>
    [Test]
    public void stack_size_overflow_is_caught_before_the_size_check()
    {
        ThreadStack probe = (ThreadStack)K.FindObject(K.DefineStack("probe_stack", StackSize).Address)!;
        uint reserved = probe.BufferStart - probe.Address;
        uint size = reserved == 0 ? uint.MaxValue : uint.MaxValue - reserved + 1;
        AssertOopsOnlyCaller(
            () => z_thread_create(_reuseTid, _stack2, size, _entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT),
            reserved == 0 ? "is too big" : $"stack size overflow ({size}+{reserved})",
            setup: Setup,
            grants: () => [_reuseTid, _stack2]);
    }

    [Test]
    public void test_create_new_thread_from_user_huge_stacksize()
    {
        uint max = 0;
        AssertOopsOnlyCaller(
            () => z_thread_create(_reuseTid, _stack2, max + 1, _entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT),
            "is too big",
            setup: () =>
            {
                Setup();
                max = ((ThreadStack)K.FindObject(_stack2.Address)!).BufferSize;
            },
            grants: () => [_reuseTid, _stack2]);
    }

    /// <summary>kobject.c <c>test_create_new_thread_from_user_no_access_stack</c>, user mode.</summary>
    [Test]
    public void test_create_new_thread_from_user_no_access_stack()
    {
        int code = 0;
        AssertOopsOnlyCaller(
            () =>
            {
                code = ValidateForMe(_stack2, K_OBJ_THREAD_STACK_ELEMENT, _OBJ_INIT_FALSE);
                z_thread_create(_reuseTid, _stack2, StackSize, _entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
            },
            "bad stack object",
            setup: Setup,
            grants: () => [_reuseTid]);
        Assert.That(code, Is.EqualTo(-EPERM));
    }

    /// <summary>kobject.c <c>test_new_user_thread_with_in_use_stack_obj</c>, user mode.</summary>
    [Test]
    public void test_new_user_thread_with_in_use_stack_obj()
    {
        int code = 0;
        AssertOopsOnlyCaller(
            () =>
            {
                code = ValidateForMe(_stack2, K_OBJ_THREAD_STACK_ELEMENT, _OBJ_INIT_FALSE);
                z_thread_create(_reuseTid, _stack2, StackSize, _entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
            },
            "bad stack object",
            setup: () =>
            {
                Setup();
                ParkThread("stack_user", _stack2);
            },
            grants: () => [_reuseTid, _stack2]);
        Assert.That(code, Is.EqualTo(-Errno.EAddrInUse));
    }

    [Test]
    public void thread_object_in_use()
    {
        ThreadHandle live = default;
        int code = 0;
        AssertOopsOnlyCaller(
            () =>
            {
                code = ValidateForMe(live, K_OBJ_THREAD, _OBJ_INIT_FALSE);
                z_thread_create(live, _stack2, StackSize, _entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
            },
            "syscall k_thread_create failed check",
            setup: () =>
            {
                Setup();
                live = ParkThread("live", K.DefineStack("live_stack", StackSize));
            },
            grants: () => [live, _stack2]);
        Assert.That(code, Is.EqualTo(-Errno.EAddrInUse));
    }

    [Test]
    public void thread_object_without_permission() =>
        AssertOopsOnlyCaller(
            () => z_thread_create(_reuseTid, _stack2, StackSize, _entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT),
            "syscall k_thread_create failed check",
            setup: Setup,
            grants: () => [_stack2]);

    [Test]
    public void k_thread_start_without_permission() =>
        AssertOopsOnlyCaller(() => z_thread_start(_reuseTid), "syscall k_thread_start failed check", setup: Setup);

    [Test]
    public void k_thread_priority_get_of_a_non_thread() =>
        AssertOopsOnlyCaller(() => z_thread_priority_get(new ThreadHandle(_stack2.Address)), "syscall k_thread_priority_get failed check", setup: Setup, grants: () => [_stack2]);

    [Test]
    public void k_thread_priority_set_raising_the_priority() =>
        AssertOopsOnlyCaller(() => z_thread_priority_set(k_current_get(), K_PRIO_PREEMPT(0)), "thread priority may only be downgraded (0 < 1)");

    [Test]
    public void k_thread_priority_set_invalid_priority() =>
        AssertOopsOnlyCaller(() => z_thread_priority_set(k_current_get(), 6000), "invalid thread priority 6000");

    [Test]
    public void k_thread_abort_of_an_essential_thread()
    {
        ThreadHandle essential = default;
        AssertOopsOnlyCaller(
            () => z_thread_abort(essential),
            "aborting essential thread",
            setup: () => essential = ParkThread("essential", K.DefineStack("essential_stack", StackSize), K_ESSENTIAL),
            grants: () => [essential]);
    }

    [Test]
    public void k_thread_join_without_permission()
    {
        ThreadHandle live = default;
        AssertOopsOnlyCaller(
            () => z_thread_join(live, K_NO_WAIT),
            "access denied",
            setup: () => live = ParkThread("live", K.DefineStack("live_stack", StackSize)));
    }

    [TestCase("k_thread_suspend")]
    [TestCase("k_thread_resume")]
    [TestCase("k_wakeup")]
    public void thread_call_on_an_unknown_object(string call)
    {
        var bogus = new ThreadHandle(UserBuffer + 0x40);
        Action bad = call switch
        {
            "k_thread_suspend" => () => z_thread_suspend(bogus),
            "k_thread_resume" => () => z_thread_resume(bogus),
            _ => () => z_wakeup(bogus),
        };
        AssertOopsOnlyCaller(bad, $"syscall {call} failed check");
    }

    private void Setup()
    {
        _reuseTid = K.DeclareThread("kobject_test_reuse_tid");
        _stack2 = K.DefineStack("kobject_stack_2", StackSize);
        _entry = EntryOf((_, _, _) => Assert.Fail("k_object validation failure in k thread create"));
    }

    private void AssertCreateOopses(int prio, ThreadOptions options, uint stackSize, string message) =>
        AssertOopsOnlyCaller(
            () => z_thread_create(_reuseTid, _stack2, stackSize, _entry, 0, 0, 0, prio, options, K_NO_WAIT),
            message,
            setup: Setup,
            grants: () => [_reuseTid, _stack2]);
}
