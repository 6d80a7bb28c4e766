using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Threads;

/// <summary>
/// <c>k_poll</c> and poll signals from user threads on every board: <c>z_vrfy_k_poll</c>'s kernel copy comes from the
/// caller's resource pool and goes back to it (also when an event's object oopses), no pool is <c>-ENOMEM</c>, a bad
/// count, mode or type is <c>-EINVAL</c>, and an array or result word outside user memory, or a bad object, oopses.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class PollSyscallTests : ThreadSyscallFixture
{
    private HeapHandle _pool;
    private SemaphoreHandle _sem;
    private PollSignalHandle _signal;

    public PollSyscallTests(string board)
        : base(board)
    {
    }

    private uint Events => UserBuffer;

    [Test]
    public void k_poll_on_a_semaphore_and_a_signal()
    {
        var results = new List<long>();
        uint semState = 0, signalState = 0;
        Run(() =>
        {
            SetUpObjects();
            SpawnUser("poller", () =>
            {
                results.Add(z_poll(Events, 2, K_NO_WAIT));
                z_sem_give(_sem);
                results.Add(z_poll(Events, 2, K_FOREVER));
                semState = PollState(Events);
                results.Add(z_sem_take(_sem, K_NO_WAIT));
                K_POLL_EVENT_INITIALIZER(Events, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
                results.Add(z_poll(Events, 2, K_FOREVER));
                signalState = PollState(Events + K_POLL_EVENT_SIZE);
                z_poll_signal_check(_signal, UserBuffer + 0x100, UserBuffer + 0x104);
                results.Add(K.Machine.Cpu.ReadUInt32(UserBuffer + 0x100));
                results.Add((int)K.Machine.Cpu.ReadUInt32(UserBuffer + 0x104));
                z_poll_signal_reset(_signal);
                z_poll_signal_check(_signal, UserBuffer + 0x100, UserBuffer + 0x104);
                results.Add(K.Machine.Cpu.ReadUInt32(UserBuffer + 0x100));
            }, join: false, grants: [_sem, _signal]);
            SpawnUser("raiser", () => results.Add(z_poll_signal_raise(_signal, 7)), priority: 2, grants: [_signal]);
        });
        AssertNoFaults();
        KHeap pool = K.GetHeap(_pool);
        Assert.Multiple(() =>
        {
            Assert.That(results, Is.EqualTo(new long[] { -EAGAIN, 0, 0, 0, 1, 7, 0, 0 }), "poll results, the signal's flag and result, and last the raiser's 0 (the woken poller preempted it)");
            Assert.That(semState, Is.EqualTo(K_POLL_STATE_SEM_AVAILABLE), "the state came back to the user's array");
            Assert.That(signalState, Is.EqualTo(K_POLL_STATE_SIGNALED));
            Assert.That(pool.MaxAllocatedBytes, Is.GreaterThanOrEqualTo(2 * K_POLL_EVENT_SIZE), "the kernel copy came from the caller's pool");
            Assert.That(pool.AllocatedBytes, Is.Zero, "and went back to it");
        });
    }

    [Test]
    public void k_poll_signal_init_from_user_mode()
    {
        uint signaled = 1;
        Run(() =>
        {
            SetUpObjects();
            SpawnUser("user", () =>
            {
                z_poll_signal_raise(_signal, 1);
                z_poll_signal_init(_signal);
                z_poll_signal_check(_signal, UserBuffer + 0x100, UserBuffer + 0x104);
                signaled = K.Machine.Cpu.ReadUInt32(UserBuffer + 0x100);
            }, grants: [_signal]);
        });
        AssertNoFaults();
        Assert.That(signaled, Is.Zero);
    }

    [Test]
    public void k_poll_without_a_resource_pool_is_enomem()
    {
        int ret = 0;
        Run(() =>
        {
            SetUpObjects(assignPool: false);
            SpawnUser("user", () => ret = z_poll(Events, 1, K_NO_WAIT), grants: [_sem, _signal]);
        });
        AssertNoFaults();
        Assert.That(ret, Is.EqualTo(-Errno.ENoMem));
    }

    [Test]
    public void k_poll_bad_count_mode_or_type_is_einval()
    {
        var results = new List<int>();
        Run(() =>
        {
            SetUpObjects();
            uint badMode = Events + (4 * K_POLL_EVENT_SIZE);
            uint badType = Events + (5 * K_POLL_EVENT_SIZE);
            K_POLL_EVENT_STATIC_INITIALIZER(badMode, K_POLL_TYPE_SEM_AVAILABLE, 0, _sem.Address, 0);
            K.Machine.Cpu.WriteUInt32(badMode + PollEventLayout.BitsOffset, K.Machine.Cpu.ReadUInt32(badMode + PollEventLayout.BitsOffset) | (1u << 21));
            K_POLL_EVENT_STATIC_INITIALIZER(badType, 1u << 5, 0, _sem.Address, 0);
            SpawnUser("user", () =>
            {
                results.Add(z_poll(Events, -1, K_NO_WAIT));
                results.Add(z_poll(Events, 0x1000_0000, K_NO_WAIT));
                results.Add(z_poll(badMode, 1, K_NO_WAIT));
                results.Add(z_poll(badType, 1, K_NO_WAIT));
            }, grants: [_sem, _signal]);
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new[] { -EINVAL, -EINVAL, -EINVAL, -EINVAL }));
        Assert.That(K.GetHeap(_pool).AllocatedBytes, Is.Zero, "the copy was freed");
    }

    [Test]
    public void k_poll_events_array_outside_user_memory() =>
        AssertOopsOnlyCaller(
            () => z_poll((uint)K.Layout.KernelData.Start + 0x100, 1, K_NO_WAIT),
            "write access denied",
            setup: () => SetUpObjects(),
            grants: () => [_sem, _signal]);

    [Test]
    public void k_poll_on_a_semaphore_without_permission()
    {
        AssertOopsOnlyCaller(() => z_poll(Events, 1, K_NO_WAIT), "syscall k_poll failed check", setup: () => SetUpObjects(), grants: () => [_signal]);
        Assert.That(K.GetHeap(_pool).AllocatedBytes, Is.Zero, "the kernel copy was freed before the oops");
    }

    [Test]
    public void k_poll_signal_event_naming_a_semaphore()
    {
        AssertOopsOnlyCaller(
            () => z_poll(Events, 1, K_NO_WAIT),
            "syscall k_poll failed check",
            setup: () =>
            {
                SetUpObjects();
                K_POLL_EVENT_INITIALIZER(Events, K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
            },
            grants: () => [_sem, _signal]);
    }

    [Test]
    public void k_poll_signal_raise_without_permission() =>
        AssertOopsOnlyCaller(() => z_poll_signal_raise(_signal, 1), "syscall k_poll_signal_raise failed check", setup: () => SetUpObjects());

    [Test]
    public void k_poll_signal_reset_of_a_semaphore() =>
        AssertOopsOnlyCaller(() => z_poll_signal_reset(new PollSignalHandle(_sem.Address)), "syscall k_poll_signal_reset failed check", setup: () => SetUpObjects(), grants: () => [_sem]);

    [Test]
    public void k_poll_signal_check_result_outside_user_memory() =>
        AssertOopsOnlyCaller(
            () => z_poll_signal_check(_signal, UserBuffer, (uint)K.Layout.KernelData.Start + 0x100),
            "write access denied",
            setup: () => SetUpObjects(),
            grants: () => [_signal]);

    /// <summary>
    /// From the ztest thread: a sem, a signal and their two events in the user partition; with <paramref name="assignPool"/>
    /// a 512-byte heap becomes the ztest thread's pool, which the user threads it creates inherit.
    /// </summary>
    private void SetUpObjects(bool assignPool = true)
    {
        _sem = K.DefineSemaphore("poll_sem", 0, 1);
        _signal = K.DefinePollSignal("poll_signal");
        _pool = K.DefineHeap("poll_pool", 512);
        if (assignPool)
        {
            k_thread_heap_assign(k_current_get(), _pool);
        }

        K_POLL_EVENT_INITIALIZER(Events, K_POLL_TYPE_SEM_AVAILABLE, K_POLL_MODE_NOTIFY_ONLY, _sem.Address);
        K_POLL_EVENT_INITIALIZER(Events + K_POLL_EVENT_SIZE, K_POLL_TYPE_SIGNAL, K_POLL_MODE_NOTIFY_ONLY, _signal.Address);
    }
}
