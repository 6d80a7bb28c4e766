using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary><c>k_timer</c> syscalls from user mode on every board (<c>k_timer_init</c> takes functions: it is not a syscall).</summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class TimerSyscallTests : ObjectSyscallFixture
{
    public TimerSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void user_thread_starts_syncs_and_stops_a_timer()
    {
        long remaining = 0, expires = 0, now = 0, afterStop = -1;
        uint sync = 0, statusAfterSync = 1, status = 1, userData = 0;
        Run(() =>
        {
            TimerHandle t = K.DefineTimer("timer");
            SpawnGranted("user", () =>
            {
                z_timer_user_data_set(t, 0xC0FFEE);
                userData = z_timer_user_data_get(t);
                z_timer_start(t, K_MSEC(10), K_NO_WAIT);
                now = z_uptime_ticks();
                remaining = z_timer_remaining_ticks(t);
                expires = z_timer_expires_ticks(t);
                sync = z_timer_status_sync(t);
                statusAfterSync = z_timer_status_get(t);
                z_timer_start(t, K_MSEC(10), K_MSEC(10));
                z_timer_stop(t);
                status = z_timer_status_get(t);
                afterStop = z_timer_remaining_ticks(t);
            }, t);
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(userData, Is.EqualTo(0xC0FFEEu));
            Assert.That(remaining, Is.GreaterThan(0));
            Assert.That(expires, Is.EqualTo(now + remaining), "expires = now + remaining");
            Assert.That(sync, Is.EqualTo(1u));
            Assert.That(statusAfterSync, Is.Zero, "status_sync reset the count");
            Assert.That(status, Is.Zero);
            Assert.That(afterStop, Is.Zero);
        });
    }

    /// <summary>tests/kernel/timer/timer_api test_timer_user_data (ZTEST_USER): user data set and read from user mode, per timer.</summary>
    [Test]
    public void test_timer_user_data()
    {
        var got = new uint[4];
        Run(() =>
        {
            TimerHandle[] timers = [.. Enumerable.Range(0, 4).Select(i => K.DefineTimer($"user_data_timer_{i}"))];
            SpawnGranted("user", () =>
            {
                for (int i = 0; i < timers.Length; i++)
                {
                    z_timer_user_data_set(timers[i], UserBuffer + (uint)(i * 4));
                }

                for (int i = 0; i < timers.Length; i++)
                {
                    got[i] = z_timer_user_data_get(timers[i]);
                }
            }, [.. timers.Select(t => (KObjectHandle)t)]);
        });
        AssertNoFaults();
        Assert.That(got, Is.EqualTo(new[] { UserBuffer, UserBuffer + 4, UserBuffer + 8, UserBuffer + 12 }));
    }

    [Test]
    public void start_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_timer_start(new TimerHandle(a), K_MSEC(1), K_NO_WAIT), "is not a valid k_timer: address is not a known kernel object");

    [Test]
    public void stop_wrong_type() =>
        AssertObjectOops(() => K.DefineEvent("ev"), a => z_timer_stop(new TimerHandle(a)), "address is actually a k_event ('ev')");

    [Test]
    public void status_get_without_permission() =>
        AssertObjectOops(() => K.DefineTimer("timer"), a => z_timer_status_get(new TimerHandle(a)), "does not have permission on k_timer", makePublic: false);

    [Test]
    public void remaining_ticks_uninitialised() =>
        AssertObjectOops(() => AllocUninitialized(K_OBJ_TIMER), a => z_timer_remaining_ticks(new TimerHandle(a)), "used before initialization");
}
