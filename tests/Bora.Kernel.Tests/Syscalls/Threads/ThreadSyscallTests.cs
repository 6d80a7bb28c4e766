using Bora.Kernel.Syscalls;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Threads;

/// <summary>
/// The thread syscalls' happy paths from user threads on every board: a user thread creates a user child (in its
/// domain, with its pool), starts, joins, suspends, resumes, wakes, re-prioritises, names and aborts threads; join and
/// abort of an exited thread do nothing (<c>thread_obj_validate</c>).
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class ThreadSyscallTests : ThreadSyscallFixture
{
    public ThreadSyscallTests(string board)
        : base(board)
    {
    }

    /// <summary>kobject.c <c>test_create_new_thread_from_user</c>, user mode: the user thread's child runs in user mode, in its domain.</summary>
    [Test]
    public void test_create_new_thread_from_user()
    {
        ThreadHandle child = default, created = default;
        uint seen = 0;
        int join = -1;
        Privilege childMode = Privilege.Supervisor;
        KHeap pool = null!;
        Run(() =>
        {
            pool = K.SystemHeap;
            k_thread_system_pool_assign(k_current_get());
            child = K.DeclareThread("child_thread");
            StackHandle childStack = K.DefineStack("child_stack", StackSize);
            uint entry = EntryOf((p1, p2, p3) =>
            {
                seen = p1 + p2 + p3;
                childMode = K.Machine.Cpu.State.Privilege;
            });
            SpawnUser("parent", () =>
            {
                created = z_thread_create(child, childStack, StackSize, entry, 1, 20, 300, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
                join = z_thread_join(child, K_FOREVER);
            }, grants: [child, childStack]);
        });
        AssertNoFaults();
        KThread thread = K.GetThread(child);
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(child), "k_thread_create returns new_thread");
            Assert.That(join, Is.Zero);
            Assert.That(seen, Is.EqualTo(321u), "p1..p3 reached the child");
            Assert.That(childMode, Is.EqualTo(Privilege.User));
            Assert.That(thread.IsUser && thread.IsDead, Is.True);
            Assert.That(thread.MemoryView!.Domain.Name, Is.EqualTo("test_domain"), "the child joined its creator's domain");
            Assert.That(thread.ResourcePool, Is.SameAs(pool), "the child inherited its creator's pool");
        });
    }

    [Test]
    public void k_thread_start_of_a_delayed_child_and_priority_get()
    {
        bool ran = false;
        int prio = 0, childPrio = 0;
        Run(() =>
        {
            ThreadHandle child = K.DeclareThread("child_thread");
            StackHandle childStack = K.DefineStack("child_stack", StackSize);
            uint entry = EntryOf((_, _, _) => ran = true);
            SpawnUser("parent", () =>
            {
                z_thread_create(child, childStack, StackSize, entry, 0, 0, 0, K_PRIO_PREEMPT(3), K_USER, K_FOREVER);
                z_sleep(K_MSEC(5));
                prio = z_thread_priority_get(k_current_get());
                childPrio = z_thread_priority_get(child);
                if (!ran)
                {
                    z_thread_start(child);
                    z_thread_join(child, K_FOREVER);
                }
            }, grants: [child, childStack]);
        });
        AssertNoFaults();
        Assert.That((ran, prio, childPrio), Is.EqualTo((true, 1, 3)), "K_FOREVER waited for k_thread_start");
    }

    [Test]
    public void suspend_resume_wakeup_priority_set_and_abort_of_a_user_child()
    {
        var log = new List<string>();
        int ownPrio = 0, childPrio = 0;
        Run(() =>
        {
            ThreadHandle child = K.DeclareThread("child_thread");
            StackHandle childStack = K.DefineStack("child_stack", StackSize);
            uint entry = EntryOf((_, _, _) =>
            {
                log.Add("child sleeps");
                z_sleep(K_FOREVER);
                log.Add("child woken");
                z_sleep(K_FOREVER);
                log.Add("child not aborted");
            });
            SpawnUser("parent", () =>
            {
                z_thread_create(child, childStack, StackSize, entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
                z_sleep(K_MSEC(1));
                z_thread_suspend(child);
                z_wakeup(child);
                z_sleep(K_MSEC(1));
                log.Add("suspended child did not run");
                z_thread_resume(child);
                z_sleep(K_MSEC(1));
                z_thread_priority_set(child, K_PRIO_PREEMPT(4));
                z_thread_priority_set(k_current_get(), K_PRIO_PREEMPT(2));
                ownPrio = z_thread_priority_get(k_current_get());
                childPrio = z_thread_priority_get(child);
                z_thread_abort(child);
                log.Add($"joined {z_thread_join(child, K_NO_WAIT)}");
            }, grants: [child, childStack]);
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(log, Is.EqualTo(new[] { "child sleeps", "suspended child did not run", "child woken", "joined 0" }));
            Assert.That((ownPrio, childPrio), Is.EqualTo((2, 4)), "user threads may lower priorities");
        });
    }

    [Test]
    public void join_and_abort_of_an_exited_thread_do_nothing()
    {
        int join = -1;
        bool after = false;
        ThreadHandle child = default;
        Run(() =>
        {
            child = K.DeclareThread("child_thread");
            StackHandle childStack = K.DefineStack("child_stack", StackSize);
            uint entry = EntryOf((_, _, _) => { });
            SpawnUser("parent", () =>
            {
                z_thread_create(child, childStack, StackSize, entry, 0, 0, 0, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
                z_sleep(K_MSEC(1));
                join = z_thread_join(child, K_NO_WAIT);
                z_thread_abort(child);
                after = true;
            }, grants: [child, childStack]);
        });
        AssertNoFaults();
        Assert.That((join, after, K.GetThread(child).IsDead), Is.EqualTo((0, true, true)));
    }

    [Test]
    public void k_thread_name_set_copies_the_user_string()
    {
        int ret = -1, unreadable = 0, unterminated = 0;
        ThreadHandle user = default;
        Run(() =>
        {
            WriteString(UserBuffer, "named_from_user");
            K.Machine.Cpu.FillBlock(UserBuffer + 64, 40, (byte)'x');
            user = SpawnUser("user", () =>
            {
                ret = z_thread_name_set(k_current_get(), new UserPtr(UserBuffer));
                unreadable = z_thread_name_set(k_current_get(), new UserPtr((uint)K.Layout.KernelData.Start));
                unterminated = z_thread_name_set(default, new UserPtr(UserBuffer + 64));
            });
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(ret, Is.Zero);
            Assert.That(K.GetThread(user).ThreadName, Is.EqualTo("named_from_user"));
            Assert.That(unreadable, Is.EqualTo(-Errno.EFault), "a string the caller cannot read");
            Assert.That(unterminated, Is.EqualTo(-Errno.EFault), "no terminator within CONFIG_THREAD_MAX_NAME_LEN");
        });
    }
}
