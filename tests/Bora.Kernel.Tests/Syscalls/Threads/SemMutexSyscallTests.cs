using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Threads;

/// <summary>
/// <c>k_sem_*</c> and <c>k_mutex_*</c> from user threads on every board: ping-pong between two user threads of a domain,
/// init, reset, count, lock and unlock; every bad-object class (unknown, wrong type, no permission, uninitialised)
/// oopses only the caller. Includes the user-mode forms of kobject.c's object tests and inherit.c.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class SemMutexSyscallTests : ThreadSyscallFixture
{
    private SemaphoreHandle _sem;
    private MutexHandle _mutex;

    public SemMutexSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void semaphore_ping_pong_between_two_user_threads()
    {
        const int Rounds = 5;
        var log = new List<string>();
        Run(() =>
        {
            SemaphoreHandle ping = K.DefineSemaphore("ping", 0, 1);
            SemaphoreHandle pong = K.DefineSemaphore("pong", 0, 1);
            ThreadHandle a = SpawnUser("pinger", () =>
            {
                for (int i = 0; i < Rounds; i++)
                {
                    z_sem_give(ping);
                    log.Add($"ping {i} -> {z_sem_take(pong, K_FOREVER)}");
                }
            }, join: false, grants: [ping, pong]);
            ThreadHandle b = SpawnUser("ponger", () =>
            {
                for (int i = 0; i < Rounds; i++)
                {
                    log.Add($"pong {i} -> {z_sem_take(ping, K_FOREVER)}");
                    z_sem_give(pong);
                }
            }, join: false, grants: [ping, pong]);
            Assert.That(k_thread_join(a, K_FOREVER), Is.Zero);
            Assert.That(k_thread_join(b, K_FOREVER), Is.Zero);
        });
        AssertNoFaults();
        Assert.That(log, Is.EqualTo(Enumerable.Range(0, Rounds).SelectMany(i => new[] { $"pong {i} -> 0", $"ping {i} -> 0" })));
    }

    [Test]
    public void sem_init_count_get_reset_and_take_results()
    {
        var results = new List<long>();
        Run(() =>
        {
            SemaphoreHandle sem = K.DeclareSemaphore("declared_sem");
            SpawnUser("user", () =>
            {
                results.Add(z_sem_init(sem, 2, 1));
                results.Add(z_sem_init(sem, 2, 3));
                results.Add(z_sem_count_get(sem));
                results.Add(z_sem_take(sem, K_NO_WAIT));
                results.Add(z_sem_count_get(sem));
                z_sem_reset(sem);
                results.Add(z_sem_take(sem, K_NO_WAIT));
                results.Add(z_sem_take(sem, K_MSEC(2)));
                z_sem_give(sem);
                results.Add(z_sem_count_get(sem));
            }, grants: [sem]);
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new long[] { -EINVAL, 0, 2, 0, 1, -EBUSY, -EAGAIN, 1 }));
    }

    [Test]
    public void mutex_init_lock_unlock_from_user_threads()
    {
        var results = new List<int>();
        Run(() =>
        {
            MutexHandle mutex = K.DefineMutex("user_mutex");
            SpawnUser("owner", () =>
            {
                results.Add(z_mutex_init(mutex));
                results.Add(z_mutex_lock(mutex, K_NO_WAIT));
                results.Add(z_mutex_lock(mutex, K_NO_WAIT));
                results.Add(z_mutex_unlock(mutex));
                z_sleep(K_MSEC(5));
                results.Add(z_mutex_unlock(mutex));
            }, join: false, grants: [mutex]);
            SpawnUser("other", () =>
            {
                results.Add(z_mutex_lock(mutex, K_NO_WAIT));
                results.Add(z_mutex_unlock(mutex));
                results.Add(z_mutex_lock(mutex, K_FOREVER));
                results.Add(z_mutex_unlock(mutex));
            }, priority: 2, grants: [mutex]);
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new[] { 0, 0, 0, 0, -EBUSY, -EPERM, 0, 0, 0 }), "recursive lock, then the other thread waits for the last unlock");
    }

    /// <summary>kobject.c <c>test_syscall_invalid_kobject</c>, user mode: <c>k_sem_give(&amp;kobject_sem_not_hash_table)</c>.</summary>
    [Test]
    public void test_syscall_invalid_kobject() =>
        AssertSemOops(() => new SemaphoreHandle(K.DefineBuffer("kobject_sem_not_hash_table", KObjectSizes.Semaphore)), s => z_sem_give(s), "k_sem_give", -EBADF, grant: false);

    [Test]
    public void sem_take_on_a_mutex() =>
        AssertSemOops(() => new SemaphoreHandle(K.DefineMutex("kobject_mutex").Address), s => z_sem_take(s, K_NO_WAIT), "k_sem_take", -EBADF, grant: true);

    /// <summary>kobject.c <c>test_thread_without_kobject_permission</c>, user mode.</summary>
    [Test]
    public void test_thread_without_kobject_permission() =>
        AssertSemOops(() => K.DefineSemaphore("kobject_sem", 0, 1), s => z_sem_give(s), "k_sem_give", -EPERM, grant: false);

    /// <summary>kobject.c <c>test_access_kobject_without_init_access</c>, user mode: no permission comes before the init state.</summary>
    [Test]
    public void test_access_kobject_without_init_access() =>
        AssertSemOops(() => K.DeclareSemaphore("kobject_sem_no_init_no_access"), s => z_sem_take(s, K_NO_WAIT), "k_sem_take", -EPERM, grant: false);

    /// <summary>kobject.c <c>test_access_kobject_without_init_with_access</c>, user mode.</summary>
    [Test]
    public void test_access_kobject_without_init_with_access() =>
        AssertSemOops(() => K.DeclareSemaphore("kobject_sem_no_init_access"), s => z_sem_take(s, K_NO_WAIT), "k_sem_take", -EINVAL, grant: true);

    [Test]
    public void sem_reset_without_permission()
    {
        AssertSemOops(() => K.DefineSemaphore("sem", 0, 1), s => z_sem_reset(s), "k_sem_reset", -EPERM, grant: false);
    }

    [Test]
    public void sem_init_on_a_mutex() =>
        AssertSemOops(() => new SemaphoreHandle(K.DefineMutex("kobject_mutex").Address), s => z_sem_init(s, 0, 1), "k_sem_init", -EBADF, grant: true);

    [Test]
    public void mutex_lock_without_permission()
    {
        int code = 0;
        AssertOopsOnlyCaller(
            () =>
            {
                code = ValidateForMe(_mutex, K_OBJ_MUTEX);
                z_mutex_lock(_mutex, K_NO_WAIT);
            },
            "syscall k_mutex_lock failed check",
            setup: () => _mutex = K.DefineMutex("kobject_mutex"));
        Assert.That(code, Is.EqualTo(-EPERM));
    }

    [Test]
    public void mutex_unlock_on_a_semaphore() =>
        AssertOopsOnlyCaller(
            () => z_mutex_unlock(new MutexHandle(_sem.Address)),
            "syscall k_mutex_unlock failed check",
            setup: () => _sem = K.DefineSemaphore("kobject_sem", 0, 1),
            grants: () => [_sem]);

    /// <summary>
    /// inherit.c <c>test_permission_inheritance</c>, user-mode part: the <c>K_INHERIT_PERMS</c> child enters user mode and
    /// uses its parent's objects through syscalls; <c>k_thread_priority_get(parent_tid)</c> oopses (the parent's own
    /// thread object is not inherited).
    /// </summary>
    [Test]
    public void test_permission_inheritance()
    {
        var results = new List<int>();
        bool after = false;
        ThreadHandle child = default;
        Run(() =>
        {
            SemaphoreHandle sem = K.DefineSemaphore("inherit_sem", 0, 1);
            MutexHandle mutex = K.DefineMutex("inherit_mutex");
            ThreadHandle parent = k_current_get();
            k_thread_access_grant(parent, sem, mutex);
            child = k_thread_create(K.DeclareThread("test_1_tid"), K.DefineStack("test_1_stack", StackSize), StackSize, (_, _, _) =>
                k_thread_user_mode_enter((_, _, _) =>
                {
                    z_sem_give(sem);
                    results.Add(z_sem_take(sem, K_NO_WAIT));
                    results.Add(z_mutex_lock(mutex, K_NO_WAIT));
                    results.Add(z_mutex_unlock(mutex));
                    z_thread_priority_get(parent);
                    after = true;
                }, 0, 0, 0), 0, 0, 0, K_PRIO_PREEMPT(1), K_INHERIT_PERMS, K_NO_WAIT);
            k_thread_join(child, K_FOREVER);
        });
        Assert.Multiple(() =>
        {
            Assert.That(results, Is.EqualTo(new[] { 0, 0, 0 }), "the inherited objects work");
            Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
            Assert.That(Faults.Single().Report.Message, Does.Contain("syscall k_thread_priority_get failed check"));
            Assert.That(after, Is.False);
            Assert.That(K.GetThread(child).IsDead, Is.True);
        });
    }

    /// <summary>A user parent's <c>K_INHERIT_PERMS</c> child gets the parent's permissions; a child without it does not.</summary>
    [Test]
    public void user_parent_k_inherit_perms()
    {
        int inherited = -1;
        bool plainAfter = false;
        Run(() =>
        {
            SemaphoreHandle sem = K.DefineSemaphore("parent_sem", 1, 1);
            ThreadHandle heir = K.DeclareThread("heir");
            ThreadHandle plain = K.DeclareThread("plain");
            StackHandle heirStack = K.DefineStack("heir_stack", StackSize);
            StackHandle plainStack = K.DefineStack("plain_stack", StackSize);
            uint heirEntry = EntryOf((_, _, _) => inherited = z_sem_take(sem, K_NO_WAIT));
            uint plainEntry = EntryOf((_, _, _) =>
            {
                z_sem_give(sem);
                plainAfter = true;
            });
            SpawnUser("parent", () =>
            {
                z_thread_create(heir, heirStack, StackSize, heirEntry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER | K_INHERIT_PERMS, K_NO_WAIT);
                z_thread_join(heir, K_FOREVER);
                z_thread_create(plain, plainStack, StackSize, plainEntry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
                z_thread_join(plain, K_FOREVER);
            }, grants: [sem, heir, plain, heirStack, plainStack]);
        });
        Assert.Multiple(() =>
        {
            Assert.That(inherited, Is.Zero);
            Assert.That(plainAfter, Is.False, "the child without K_INHERIT_PERMS died at k_sem_give");
            Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { K_ERR_KERNEL_OOPS }));
            Assert.That(Faults.Single().Report.ThreadName, Is.EqualTo("plain"));
        });
    }

    private void AssertSemOops(Func<SemaphoreHandle> define, Action<SemaphoreHandle> call, string syscall, int expectedCode, bool grant)
    {
        int code = 0;
        AssertOopsOnlyCaller(
            () =>
            {
                code = ValidateForMe(_sem, K_OBJ_SEM);
                call(_sem);
            },
            $"syscall {syscall} failed check",
            setup: () => _sem = define(),
            grants: () => grant ? [new KObjectHandle(_sem.Address)] : []);
        Assert.That(code, Is.EqualTo(expectedCode), "the bad argument's class");
    }
}
