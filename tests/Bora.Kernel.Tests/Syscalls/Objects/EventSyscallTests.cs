using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary><c>k_event</c> syscalls from user mode on every board.</summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class EventSyscallTests : ObjectSyscallFixture
{
    public EventSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void user_thread_initialises_and_uses_an_event()
    {
        var results = new List<uint>();
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                var e = (EventHandle)z_object_alloc(K_OBJ_EVENT);
                z_event_init(e);
                results.Add(z_event_post(e, 0x3));
                results.Add(z_event_set_masked(e, 0x4, 0x6));
                results.Add(z_event_wait(e, 0x4, false, K_NO_WAIT));
                results.Add(z_event_wait_all(e, 0x5, false, K_NO_WAIT));
                results.Add(z_event_wait_all(e, 0x3, false, K_NO_WAIT));
                results.Add(z_event_clear(e, 0x1));
                results.Add(z_event_set(e, 0x10));
                results.Add(z_event_wait(e, 0x10, false, K_NO_WAIT));
                results.Add(z_event_wait(e, 0x10, true, K_MSEC(1)));
            });
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new uint[] { 0, 0x2, 0x4, 0x5, 0, 0x1, 0x4, 0x10, 0 }));
    }

    [Test]
    public void user_thread_wakes_a_supervisor_waiter()
    {
        uint got = 0;
        Run(() =>
        {
            EventHandle e = K.DefineEvent("ev");
            ThreadHandle user = SpawnUser("user", () => z_event_post(e, 0x8), join: false);
            k_thread_access_grant(user, e);
            got = k_event_wait(e, 0x8, false, K_FOREVER);
        });
        AssertNoFaults();
        Assert.That(got, Is.EqualTo(0x8u));
    }

    [Test]
    public void post_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_event_post(new EventHandle(a), 1), "is not a valid k_event: address is not a known kernel object");

    [Test]
    public void wait_wrong_type() =>
        AssertObjectOops(() => K.DefineSemaphore("sem", 0, 1), a => z_event_wait(new EventHandle(a), 1, false, K_NO_WAIT), "address is actually a k_sem ('sem')");

    [Test]
    public void set_without_permission() =>
        AssertObjectOops(() => K.DefineEvent("ev"), a => z_event_set(new EventHandle(a), 1), "does not have permission on k_event", makePublic: false);

    [Test]
    public void wait_all_uninitialised() =>
        AssertObjectOops(() => AllocUninitialized(K_OBJ_EVENT), a => z_event_wait_all(new EventHandle(a), 1, false, K_NO_WAIT), "used before initialization");

    [Test]
    public void init_accepts_an_initialised_event()
    {
        uint posted = 1;
        Run(() =>
        {
            EventHandle e = K.DefineEvent("ev");
            k_event_post(e, 0x1);
            SpawnGranted("user", () =>
            {
                z_event_init(e);
                posted = z_event_wait(e, 0x1, false, K_NO_WAIT);
            }, e);
        });
        AssertNoFaults();
        Assert.That(posted, Is.Zero, "K_SYSCALL_OBJ_INIT: re-initialising is allowed and clears the events");
    }

    [Test]
    public void init_without_permission() =>
        AssertObjectOops(() => AllocUninitialized(K_OBJ_EVENT), a => z_event_init(new EventHandle(a)), "does not have permission on k_event", makePublic: false);
}
