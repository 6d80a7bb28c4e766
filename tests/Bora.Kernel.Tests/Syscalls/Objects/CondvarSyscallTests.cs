using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary>
/// <c>k_condvar</c> syscalls from user mode on every board. A user thread cannot lock a mutex until <c>k_mutex_*</c>
/// are syscalls, so the waits here are a supervisor's, signalled from user mode.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class CondvarSyscallTests : ObjectSyscallFixture
{
    public CondvarSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void user_thread_initialises_and_signals()
    {
        int init = -1, signal = -1, broadcast = -1, wait = -1;
        Run(() =>
        {
            UseSystemPool();
            CondvarHandle cv = default;
            MutexHandle m = K.DefineMutex("m");
            ThreadHandle user = SpawnUser("user", () =>
            {
                init = z_condvar_init(cv);
                signal = z_condvar_signal(cv);
                broadcast = z_condvar_broadcast(cv);
            }, join: false);
            cv = (CondvarHandle)AllocUninitialized(K_OBJ_CONDVAR);
            k_object_access_grant(cv, user);
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);

            ThreadHandle signaller = SpawnUser("signaller", () => z_condvar_signal(cv), join: false);
            k_object_access_grant(cv, signaller);
            Assert.That(k_mutex_lock(m, K_FOREVER), Is.Zero);
            wait = k_condvar_wait(cv, m, K_FOREVER);
            Assert.That(k_mutex_unlock(m), Is.Zero);
        });
        AssertNoFaults();
        Assert.That((init, signal, broadcast, wait), Is.EqualTo((0, 0, 0, 0)));
    }

    [Test]
    public void signal_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_condvar_signal(new CondvarHandle(a)), "is not a valid k_condvar: address is not a known kernel object");

    [Test]
    public void broadcast_wrong_type() =>
        AssertObjectOops(() => K.DefineMutex("m"), a => z_condvar_broadcast(new CondvarHandle(a)), "address is actually a k_mutex ('m')");

    [Test]
    public void signal_without_permission() =>
        AssertObjectOops(() => K.DefineCondvar("cv"), a => z_condvar_signal(new CondvarHandle(a)), "does not have permission on k_condvar", makePublic: false);

    [Test]
    public void signal_uninitialised() =>
        AssertObjectOops(() => AllocUninitialized(K_OBJ_CONDVAR), a => z_condvar_signal(new CondvarHandle(a)), "used before initialization");

    [Test]
    public void wait_with_a_mutex_that_is_not_a_mutex()
    {
        uint sem = 0;
        AssertObjectOops(
            () =>
            {
                sem = K.DefineSemaphore("sem", 0, 1).Address;
                return K.DefineCondvar("cv");
            },
            a => z_condvar_wait(new CondvarHandle(a), new MutexHandle(sem), K_NO_WAIT),
            "is not a valid k_mutex: address is actually a k_sem ('sem')");
    }

    [Test]
    public void wait_with_a_mutex_without_permission()
    {
        uint m = 0;
        AssertObjectOops(
            () =>
            {
                m = K.DefineMutex("m").Address;
                return K.DefineCondvar("cv");
            },
            a => z_condvar_wait(new CondvarHandle(a), new MutexHandle(m), K_NO_WAIT),
            "does not have permission on k_mutex");
    }
}
