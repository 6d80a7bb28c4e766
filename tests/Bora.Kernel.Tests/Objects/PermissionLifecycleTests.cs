namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// The permission life cycle: thread indices, the self-permission at creation, grant, <c>K_INHERIT_PERMS</c>,
/// revoke, release, public objects, and the clean-up at thread exit (no stale bits for a reused index).
/// </summary>
public sealed class PermissionLifecycleTests
{
    private BoraKernel _k = null!;
    private SemaphoreHandle _sem;
    private SemaphoreHandle _sem2;
    private ThreadHandle _child;
    private StackHandle _childStack;
    private ThreadHandle _other;
    private StackHandle _otherStack;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _sem = _k.DefineSemaphore("perm_sem", 0, 10);
        _sem2 = _k.DefineSemaphore("perm_sem2", 0, 10);
        _child = _k.DeclareThread("perm_child");
        _childStack = _k.DefineStack("perm_child_stack", ObjectTestSupport.StackSize);
        _other = _k.DeclareThread("perm_other");
        _otherStack = _k.DefineStack("perm_other_stack", ObjectTestSupport.StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void Creation_GivesEachLiveThreadAnIndexAndPermissionOnItself()
    {
        KThread ztest = null!;
        bool selfOk = false;
        ZTest.Run(_k, () =>
        {
            ztest = _k.Current!;
            selfOk = ObjectTestSupport.Validate(k_current_get(), K_OBJ_THREAD) == 0;
        });
        Assert.Multiple(() =>
        {
            Assert.That(selfOk, Is.True);
            Assert.That(_k.IdleThread!.ThreadIndex, Is.EqualTo(1), "the ztest thread (created before boot) took 0, idle 1");
            Assert.That(_k.MainThread!.ThreadIndex, Is.EqualTo(-1), "main returned: its index went back to the map");
            Assert.That(ztest.ThreadIndex, Is.EqualTo(-1), "the ztest thread exited");
            Assert.That(_k.IdleThread.HasPermission(_k.IdleThread), Is.True);
            Assert.That(_k.ThreadIndexCount, Is.EqualTo(16));
        });
    }

    [Test]
    public void Grant_SetsTheTargetsBit_AndOnlyThat()
    {
        bool childSees = false, childSees2 = true;
        ZTest.Run(_k, () =>
        {
            k_thread_create(_child, _childStack, ObjectTestSupport.StackSize, (_, _, _) =>
            {
                childSees = ObjectTestSupport.Validate(_sem, K_OBJ_SEM) == 0;
                childSees2 = ObjectTestSupport.Validate(_sem2, K_OBJ_SEM) == 0;
            }, 0, 0, 0, 0, 0, K_FOREVER);
            k_object_access_grant(_sem, _child);
            k_thread_start(_child);
            k_thread_join(_child, K_FOREVER);
        });
        Assert.That((childSees, childSees2), Is.EqualTo((true, false)));
    }

    [Test]
    public void Grant_BeforeCreation_HoldsForTheCreatedThread()
    {
        // kobject.c test_kobject_grant_access_kobj_invalid / test_create_new_thread_from_user grant to a thread object
        // before k_thread_create: a static thread object has its index before it runs.
        int index = -2;
        int seen = -1;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_child, _sem);
            index = _k.GetThread(_child).ThreadIndex;
            ObjectTestSupport.RunChild(_child, _childStack, 0, () => seen = ObjectTestSupport.Validate(_sem, K_OBJ_SEM));
        });
        Assert.Multiple(() =>
        {
            Assert.That(index, Is.GreaterThanOrEqualTo(0));
            Assert.That(seen, Is.Zero);
            Assert.That(_k.GetThread(_child).ThreadIndex, Is.EqualTo(-1), "freed at exit");
            Assert.That(_k.FindObject(_sem.Address)!.PermissionIndices, Does.Not.Contain(index));
        });
    }

    [Test]
    public void InheritPerms_CopiesEveryPermissionExceptTheParentsOwnThreadObject()
    {
        int[] seen = new int[4];
        KThread parent = null!;
        ZTest.Run(_k, () =>
        {
            parent = _k.Current!;
            k_thread_access_grant(k_current_get(), _sem, _sem2, _other);
            ObjectTestSupport.RunChild(_child, _childStack, K_INHERIT_PERMS, () =>
            {
                seen[0] = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
                seen[1] = ObjectTestSupport.Validate(_sem2, K_OBJ_SEM);
                seen[2] = ObjectTestSupport.Validate(_other, K_OBJ_THREAD, _OBJ_INIT_ANY);
                seen[3] = ObjectTestSupport.Validate(parent.Handle, K_OBJ_THREAD);
            });
        });
        Assert.That(seen, Is.EqualTo(new[] { 0, 0, 0, -EPERM }));
    }

    [Test]
    public void WithoutInheritPerms_ChildHasOnlyItself()
    {
        int[] seen = new int[2];
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_sem, k_current_get());
            ObjectTestSupport.RunChild(_child, _childStack, 0, () =>
            {
                seen[0] = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
                seen[1] = ObjectTestSupport.Validate(k_current_get(), K_OBJ_THREAD);
            });
        });
        Assert.That(seen, Is.EqualTo(new[] { -EPERM, 0 }));
    }

    [Test]
    public void InheritPerms_IsASnapshotAtCreation()
    {
        int seen = 0;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_sem, k_current_get());
            k_thread_create(_child, _childStack, ObjectTestSupport.StackSize, (_, _, _) => seen = ObjectTestSupport.Validate(_sem2, K_OBJ_SEM), 0, 0, 0, 0, K_INHERIT_PERMS, K_FOREVER);
            k_object_access_grant(_sem2, k_current_get());
            k_thread_start(_child);
            k_thread_join(_child, K_FOREVER);
        });
        Assert.That(seen, Is.EqualTo(-EPERM));
    }

    [Test]
    public void Revoke_ClearsTheBit()
    {
        int before = 0, after = 0;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_sem, k_current_get());
            before = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            k_object_access_revoke(_sem, k_current_get());
            after = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
        });
        Assert.That((before, after), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void Revoke_OfAnotherThread_LeavesTheCallersBit()
    {
        int mine = 0, theirs = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _sem);
            k_object_access_grant(_sem, _child);
            k_object_access_revoke(_sem, _child);
            mine = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            ObjectTestSupport.RunChild(_child, _childStack, 0, () => theirs = ObjectTestSupport.Validate(_sem, K_OBJ_SEM));
        });
        Assert.That((mine, theirs), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void Release_RevokesForTheCaller()
    {
        int before = 0, after = 0;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_sem, k_current_get());
            before = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            k_object_release(_sem);
            after = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
        });
        Assert.That((before, after), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void Public_CannotBeRevoked_AndSurvivesThreadExit()
    {
        int afterRevoke = -1, child = -1;
        ZTest.Run(_k, () =>
        {
            k_object_access_all_grant(_sem);
            k_object_access_grant(_sem, k_current_get());
            k_object_access_revoke(_sem, k_current_get());
            afterRevoke = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            ObjectTestSupport.RunChild(_child, _childStack, 0, () => child = ObjectTestSupport.Validate(_sem, K_OBJ_SEM));
        });
        Assert.Multiple(() =>
        {
            Assert.That((afterRevoke, child), Is.EqualTo((0, 0)));
            Assert.That(_k.FindObject(_sem.Address)!.IsPublic, Is.True);
        });
    }

    [Test]
    public void ThreadExit_ClearsItsBitsEverywhere_AndFreesItsIndex()
    {
        int childIndex = -1;
        int inUseDuring = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_child, _sem, _sem2, _other);
            ObjectTestSupport.RunChild(_child, _childStack, 0, () =>
            {
                childIndex = _k.Current!.ThreadIndex;
                inUseDuring = _k.ThreadIndicesInUse;
            });
        });
        Assert.Multiple(() =>
        {
            Assert.That(childIndex, Is.GreaterThanOrEqualTo(0));
            foreach (KObject obj in _k.Objects)
            {
                Assert.That(obj.HasPermissionIndex(childIndex), Is.False, $"{obj} still has bit {childIndex}");
            }

            Assert.That(_k.GetThread(_child).ThreadIndex, Is.EqualTo(-1));
            Assert.That(_k.ThreadIndicesInUse, Is.LessThan(inUseDuring));
        });
    }

    [Test]
    public void ReusedIndex_HasNoStalePermissions()
    {
        int first = -1, second = -2;
        int secondSees = 0;
        ZTest.Run(_k, () =>
        {
            k_msleep(1); // let main return and give its index back first
            k_object_access_grant(_sem, _child);
            ObjectTestSupport.RunChild(_child, _childStack, 0, () => first = _k.Current!.ThreadIndex);
            ObjectTestSupport.RunChild(_other, _otherStack, 0, () =>
            {
                second = _k.Current!.ThreadIndex;
                secondSees = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            });
        });
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first), "the lowest free index is reused");
            Assert.That(secondSees, Is.EqualTo(-EPERM), "no stale permission for the reused index");
        });
    }

    [Test]
    public void AbortedThread_LosesItsPermissions()
    {
        int index = -1;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_child, _sem);
            k_thread_create(_child, _childStack, ObjectTestSupport.StackSize, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_NO_WAIT);
            k_msleep(1);
            index = _k.GetThread(_child).ThreadIndex;
            Assert.That(_k.FindObject(_sem.Address)!.HasPermissionIndex(index), Is.True);
            k_thread_abort(_child);
        });
        Assert.That(_k.FindObject(_sem.Address)!.HasPermissionIndex(index), Is.False);
    }

    [Test]
    public void NoFreeIndex_ThreadRunsWithoutPermissions_GrantsAreNoOps()
    {
        _k.Dispose();
        _k = ZTest.Create(o => o.MaxThreadBytes = 1);
        SemaphoreHandle sem = _k.DefineSemaphore("sem", 0, 1);
        var threads = Enumerable.Range(0, 9).Select(i => _k.DeclareThread($"t{i}")).ToArray();
        var stacks = Enumerable.Range(0, 9).Select(i => _k.DefineStack($"s{i}", 512)).ToArray();
        int lastIndex = 0, lastSees = 0;
        int inUse = 0;
        ZTest.Run(_k, () =>
        {
            // idle, main (until it returns) and the ztest thread hold indices; fill the rest with sleeping threads.
            for (int i = 0; i < threads.Length; i++)
            {
                k_thread_create(threads[i], stacks[i], 512, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_NO_WAIT);
            }

            inUse = _k.ThreadIndicesInUse;
            KThread last = _k.GetThread(threads[^1]);
            k_object_access_grant(sem, threads[^1]);
            lastIndex = last.ThreadIndex;
            lastSees = _k.ObjectValidate(last, sem.Address, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized);
            foreach (ThreadHandle t in threads)
            {
                k_thread_abort(t);
            }
        });
        Assert.Multiple(() =>
        {
            Assert.That(inUse, Is.EqualTo(8));
            Assert.That(lastIndex, Is.EqualTo(-1));
            Assert.That(lastSees, Is.EqualTo(-EPERM));
            Assert.That(_k.ThreadIndicesInUse, Is.EqualTo(1), "only idle holds an index after the others exit");
        });
    }

    [Test]
    public void GrantFromHost_ToUnknownObjectOrThread_Throws()
    {
        uint buffer = _k.DefineBuffer("buf", 16);
        Assert.Multiple(() =>
        {
            Assert.That(() => _k.GrantAccess(_child, new KObjectHandle(buffer)), Throws.ArgumentException.With.Message.Contains("is not a kernel object"));
            Assert.That(() => _k.GrantAccess(new ThreadHandle(_sem.Address), _sem), Throws.ArgumentException.With.Message.Contains("is not a thread object"));
            Assert.That(() => _k.MakePublic(new KObjectHandle(buffer)), Throws.ArgumentException);
            Assert.That(() => _k.RevokeAccess(new KObjectHandle(buffer), _child), Throws.ArgumentException);
        });
    }

    [Test]
    public void GrantFromThread_ToUnknownObjectOrThread_IsANoOp()
    {
        uint buffer = _k.DefineBuffer("buf", 16);
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(new KObjectHandle(buffer), k_current_get());
            k_object_access_grant(_sem, new ThreadHandle(_sem2.Address));
            k_object_access_revoke(new KObjectHandle(buffer), k_current_get());
            k_object_release(KObjectHandle.Null);
            k_object_access_all_grant(new KObjectHandle(buffer));
        });
        Assert.That(_k.FindObject(_sem.Address)!.PermissionIndices, Is.Empty);
    }

    [Test]
    public void Origins_TellImageRuntimeAndDynamicApart()
    {
        SemaphoreHandle runtime = default;
        KObjectHandle dynamic = default;
        ZTest.Run(_k, () =>
        {
            runtime = _k.DefineSemaphore("runtime_sem", 0, 1);
            dynamic = k_object_alloc(K_OBJ_SEM);
        });
        Assert.Multiple(() =>
        {
            Assert.That(_k.FindObject(_sem.Address)!.Origin, Is.EqualTo(KObjectOrigin.Image));
            Assert.That(_k.FindObject(runtime.Address)!.Origin, Is.EqualTo(KObjectOrigin.Runtime));
            Assert.That(_k.FindObject(dynamic.Address), Is.Null, "the ztest thread held the only permission and exited");
        });
    }
}
