using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary>
/// The object syscalls (<c>k_object_access_grant</c>, <c>k_object_release</c>, <c>k_object_alloc</c>,
/// <c>k_object_alloc_size</c>) from user mode on every board, with the user-mode forms of Zephyr's
/// mem_protect/obj_validation and mem_protect/src/kobject.c tests that use them.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class KObjectSyscallTests : ObjectSyscallFixture
{
    public KObjectSyscallTests(string board)
        : base(board)
    {
    }

    /// <summary>obj_validation test_kobj_assign_perms_on_alloc_obj, user form: the allocating user thread holds the object, in its pool.</summary>
    [Test]
    public void test_kobj_assign_perms_on_alloc_obj()
    {
        KObjectHandle obj = default;
        int init = -1;
        ThreadHandle user = default;
        Run(() =>
        {
            UseSystemPool();
            user = SpawnGranted("user", () =>
            {
                obj = z_object_alloc(K_OBJ_MSGQ);
                init = z_msgq_alloc_init((MsgqHandle)obj, 4, 4);
            });
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(obj.IsNull, Is.False, "Cannot allocate k_object");
            Assert.That(obj.Address, Is.GreaterThan(K.Layout.Heap.Start).And.LessThan((uint)K.Layout.Heap.End), "object not in bound of thread's memory pool");
            Assert.That(init, Is.Zero, "the allocating thread has permission implicitly");
        });
    }

    /// <summary>obj_validation test_no_ref_dyn_kobj_release_mem, user form: a user release of the last reference frees the object.</summary>
    [Test]
    public void test_no_ref_dyn_kobj_release_mem()
    {
        KObjectHandle obj = default;
        bool foundBefore = false;
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                obj = z_object_alloc(K_OBJ_MUTEX);
                foundBefore = K.FindObject(obj.Address) is not null;
                z_object_release(obj);
            });
        });
        AssertNoFaults();
        Assert.That(foundBefore, Is.True);
        Assert.That(K.FindObject(obj.Address), Is.Null, "Dynamic kernel object not released");
    }

    [Test]
    public void alloc_without_a_pool_is_null()
    {
        KObjectHandle obj = new(1);
        Run(() => SpawnGranted("user", () => obj = z_object_alloc(K_OBJ_MSGQ)));
        AssertNoFaults();
        Assert.That(obj.IsNull, Is.True);
    }

    [Test]
    public void alloc_size_of_a_thread_stack()
    {
        KObjectHandle stack = default, plain = new(1), any = new(1);
        KObjectKind? kind = null;
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                stack = z_object_alloc_size(K_OBJ_THREAD_STACK_ELEMENT, 512);
                kind = K.FindObject(stack.Address)?.Kind;
                plain = z_object_alloc(K_OBJ_THREAD_STACK_ELEMENT);
                any = z_object_alloc(K_OBJ_ANY);
            });
        });
        AssertNoFaults();
        Assert.Multiple(() =>
        {
            Assert.That(stack.IsNull, Is.False);
            Assert.That(kind, Is.EqualTo(K_OBJ_THREAD_STACK_ELEMENT));
            Assert.That(K.FindObject(stack.Address), Is.Null, "freed when its only holder exited");
            Assert.That(plain.IsNull, Is.True, "k_object_alloc of a stack passes size 0");
            Assert.That(any.IsNull, Is.True);
        });
    }

    /// <summary>kobject.c test_kobject_grant_access_kobj, user form: a user thread holding an object and a thread object grants one to the other.</summary>
    [Test]
    public void test_kobject_grant_access_kobj()
    {
        bool after = false;
        Run(() =>
        {
            MsgqHandle q = K.DefineMsgq("kobject_msgq", 4, 4);
            ThreadHandle extra = K.DeclareThread("extra_thread");
            SpawnGranted("child_thread", () => z_object_access_grant(q, extra), q, extra);
            after = K.FindObject(q.Address)!.HasPermission(K.GetThread(extra));
        });
        AssertNoFaults();
        Assert.That(after, Is.True);
    }

    /// <summary>kobject.c test_kobject_grant_access_kobj_invalid, user form: granting to a thread object the caller does not hold oopses.</summary>
    [Test]
    public void test_kobject_grant_access_kobj_invalid() => AssertGrantToUnheldThreadOopses("extra_thread");

    [Test]
    public void grant_an_object_the_caller_does_not_hold()
    {
        uint target = 0;
        AssertObjectOops(
            () =>
            {
                ThreadHandle t = K.DeclareThread("target");
                k_object_access_all_grant(t);
                target = t.Address;
                return K.DefineMsgq("q", 4, 4);
            },
            a => z_object_access_grant(new KObjectHandle(a), new ThreadHandle(target)),
            "access denied: thread",
            makePublic: false);
    }

    [Test]
    public void grant_to_something_that_is_not_a_thread()
    {
        uint notThread = 0;
        AssertObjectOops(
            () =>
            {
                notThread = K.DefineMsgq("not_a_thread", 4, 4).Address;
                k_object_access_all_grant(new KObjectHandle(notThread));
                return K.DefineMsgq("q", 4, 4);
            },
            a => z_object_access_grant(new KObjectHandle(a), new ThreadHandle(notThread)),
            "is not a valid k_thread: address is actually a k_msgq ('not_a_thread')");
    }

    /// <summary>kobject.c test_kobject_release_from_user: after a user release, the next use of the object oopses only the caller.</summary>
    [Test]
    public void test_kobject_release_from_user()
    {
        int before = -1;
        bool after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            MsgqHandle q = K.DefineMsgq("kobject_msgq", 4, 4);
            user = SpawnGranted(
                "user",
                () =>
                {
                    before = (int)z_msgq_num_used_get(q);
                    z_object_release(q);
                    z_msgq_num_used_get(q);
                    after = true;
                },
                q);
        });
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero, "usable before the release");
            Assert.That(after, Is.False, "the use after the release oopsed");
            Assert.That(Faults.Select(f => f.Reason), Is.EqualTo(new[] { FatalReason.KernelOops }));
            Assert.That(Faults[0].Report.Message, Does.Contain("does not have permission on k_msgq"));
            Assert.That(Faults[0].Report.Mode, Is.EqualTo(Privilege.User));
            Assert.That(K.GetThread(user).IsDead, Is.True);
            Assert.That(K.Halt, Is.Null);
        });
    }

    /// <summary>kobject.c test_kobject_access_invalid_kobject, user form: an address that is not an object is denied.</summary>
    [Test]
    public void test_kobject_access_invalid_kobject() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_object_release(new KObjectHandle(a)), "access denied: 0x");

    /// <summary>kobject.c test_kobject_access_grant_to_invalid_thread, user form: an uninitialised thread object the caller does not hold.</summary>
    [Test]
    public void test_kobject_access_grant_to_invalid_thread() => AssertGrantToUnheldThreadOopses("uninit_thread");

    /// <summary>A user thread holding a msgq grants it to the declared (never created) thread <paramref name="thread"/>, which it does not hold.</summary>
    private void AssertGrantToUnheldThreadOopses(string thread)
    {
        uint target = 0;
        AssertObjectOops(
            () =>
            {
                target = K.DeclareThread(thread).Address;
                return K.DefineMsgq("kobject_msgq", 4, 4);
            },
            a => z_object_access_grant(new KObjectHandle(a), new ThreadHandle(target)),
            "does not have permission on k_thread");
    }
}
