namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// Ported from zephyr tests/kernel/mem_protect/mem_protect/src/kobject.c, supervisor variants: where Zephyr's user
/// thread makes a syscall and expects it to pass or oops, the (supervisor) thread here asks the verifier's question
/// directly — <c>k_object_validate</c> / <c>K_SYSCALL_OBJ*</c> for itself — and the test asserts the code the
/// verifier would see. The user-mode forms come with the syscall trap.
/// </summary>
public sealed class KObjectPortedTests
{
    private BoraKernel _k = null!;
    private StackHandle _childStack;
    private StackHandle _extraStack;
    private SemaphoreHandle _kobjectSem;
    private SemaphoreHandle _kobjectPublicSem;
    private MutexHandle _kobjectMutex;
    private ThreadHandle _childThread;
    private ThreadHandle _extraThread;
    private uint _kobjectSemNotHashTable;
    private SemaphoreHandle _kobjectSemNoInitNoAccess;
    private SemaphoreHandle _kobjectSemNoInitAccess;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _childStack = _k.DefineStack("child_stack", ObjectTestSupport.StackSize);
        _extraStack = _k.DefineStack("extra_stack", ObjectTestSupport.StackSize);
        _kobjectSem = _k.DefineSemaphore("kobject_sem", 0, 1);
        _kobjectPublicSem = _k.DefineSemaphore("kobject_public_sem", 0, 1);
        _kobjectMutex = _k.DefineMutex("kobject_mutex");
        _childThread = _k.DeclareThread("child_thread");
        _extraThread = _k.DeclareThread("extra_thread");

        // A struct k_sem the build did not see as a kernel object: memory, not an object.
        _kobjectSemNotHashTable = _k.DefineBuffer("kobject_sem_not_hash_table", KObjectSizes.Semaphore);
        _kobjectSemNoInitNoAccess = _k.DeclareSemaphore("kobject_sem_no_init_no_access");
        _kobjectSemNoInitAccess = _k.DeclareSemaphore("kobject_sem_no_init_access");
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void test_kobject_access_grant()
    {
        // random_sem_type is a NULL struct k_sem *: k_object_init and the grant ignore it, the user's k_sem_take oopses.
        bool[] oops = new bool[3];
        ZTest.Run(_k, () =>
        {
            k_object_init(KObjectHandle.Null);
            k_thread_access_grant(k_current_get(), _kobjectSem, _kobjectMutex, KObjectHandle.Null);
            oops[0] = K_SYSCALL_OBJ(_kobjectSem, K_OBJ_SEM);
            oops[1] = K_SYSCALL_OBJ(_kobjectMutex, K_OBJ_MUTEX);
            oops[2] = K_SYSCALL_OBJ(KObjectHandle.Null, K_OBJ_SEM);
        });
        Assert.That(oops, Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void test_syscall_invalid_kobject()
    {
        int give = -1, takeMutexAsSem = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectSem, _kobjectMutex);
            give = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM);
            takeMutexAsSem = ObjectTestSupport.Validate(_kobjectMutex, K_OBJ_SEM);
        });
        Assert.That((give, takeMutexAsSem), Is.EqualTo((0, -EBADF)));
    }

    [Test]
    public void test_thread_without_kobject_permission()
    {
        int give = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectMutex);
            give = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM);
        });
        Assert.That(give, Is.EqualTo(-EPERM));
    }

    [Test]
    public void test_kobject_revoke_access()
    {
        int first = -1, second = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectSem);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () => first = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM));
            k_object_access_revoke(_kobjectSem, k_current_get());
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () => second = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM));
        });
        Assert.That((first, second), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void test_kobject_grant_access_kobj()
    {
        int childGive = -1, childGrantThreadCheck = -1, childGrantObjectCheck = -1, extraTake = -1;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectSem, _extraThread);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () =>
            {
                childGive = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM);

                // z_vrfy_k_object_access_grant: K_SYSCALL_OBJ_INIT(thread, K_OBJ_THREAD), then the object, any type.
                childGrantThreadCheck = ObjectTestSupport.Validate(_extraThread, K_OBJ_THREAD, _OBJ_INIT_ANY);
                childGrantObjectCheck = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_ANY, _OBJ_INIT_ANY);
                k_object_access_grant(_kobjectSem, _extraThread);
            });

            // Created without K_INHERIT_PERMS here, so only the child's grant can give it the semaphore.
            ObjectTestSupport.RunChild(_extraThread, _extraStack, 0, () => extraTake = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM));
        });
        Assert.That(new[] { childGive, childGrantThreadCheck, childGrantObjectCheck, extraTake }, Is.All.Zero);
    }

    [Test]
    public void test_kobject_grant_access_kobj_invalid()
    {
        int give = -1, grantThreadCheck = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_childThread, _kobjectSem);
            ObjectTestSupport.RunChild(_childThread, _childStack, 0, () =>
            {
                give = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM);
                grantThreadCheck = ObjectTestSupport.Validate(_extraThread, K_OBJ_THREAD, _OBJ_INIT_ANY);
            });
        });
        Assert.That((give, grantThreadCheck), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void test_kobject_release_from_user()
    {
        int before = -1, after = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectSem);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () =>
            {
                before = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM);
                k_object_release(_kobjectSem);
                after = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM);
            });
        });
        Assert.That((before, after), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void test_kobject_access_all_grant()
    {
        int give = -1, take = -1;
        ZTest.Run(_k, () =>
        {
            k_object_access_all_grant(_kobjectPublicSem);
            ObjectTestSupport.RunChild(_childThread, _childStack, 0, () => give = ObjectTestSupport.Validate(_kobjectPublicSem, K_OBJ_SEM));
            ObjectTestSupport.RunChild(_childThread, _childStack, 0, () => take = ObjectTestSupport.Validate(_kobjectPublicSem, K_OBJ_SEM));
        });
        Assert.That((give, take), Is.EqualTo((0, 0)));
    }

    [Test]
    public void test_thread_has_residual_permissions()
    {
        int success = -1, fail = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectSem);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () => success = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM));
            ObjectTestSupport.RunChild(_childThread, _childStack, 0, () => fail = ObjectTestSupport.Validate(_kobjectSem, K_OBJ_SEM));
        });
        Assert.That((success, fail), Is.EqualTo((0, -EPERM)), "Failed to clear permission on a deleted thread");
    }

    [Test]
    public void test_kobject_access_grant_to_invalid_thread()
    {
        ThreadHandle uninitThread = _k.DeclareThread("uninit_thread");
        bool oops = false;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_kobjectSem, uninitThread);
            k_object_access_revoke(_kobjectSem, uninitThread);
            oops = K_SYSCALL_OBJ(uninitThread, K_OBJ_THREAD);
        });
        Assert.Multiple(() =>
        {
            Assert.That(oops, Is.True, "Access granted/revoked to invalid thread k_object");
            Assert.That(_k.FindObject(_kobjectSem.Address)!.PermissionIndices, Is.Empty);
        });
    }

    [Test]
    public void test_kobject_access_invalid_kobject()
    {
        int take = 0;
        ZTest.Run(_k, () => take = ObjectTestSupport.Validate(new KObjectHandle(_kobjectSemNotHashTable), K_OBJ_SEM));
        Assert.That(take, Is.EqualTo(-EBADF));
    }

    [Test]
    public void test_access_kobject_without_init_access()
    {
        int take = 0;
        ZTest.Run(_k, () => take = ObjectTestSupport.Validate(_kobjectSemNoInitNoAccess, K_OBJ_SEM));
        Assert.That(take, Is.EqualTo(-EPERM), "permission is checked before the init state");
    }

    [Test]
    public void test_access_kobject_without_init_with_access()
    {
        int take = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _kobjectSemNoInitAccess);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () => take = ObjectTestSupport.Validate(_kobjectSemNoInitAccess, K_OBJ_SEM));
        });
        Assert.That(take, Is.EqualTo(-EINVAL));
    }

    [Test]
    public void test_kobject_reinitialize_thread_kobj()
    {
        // The child's k_thread_create(&extra_thread, ...) oopses: it has no permission on extra_thread. Re-creating a
        // live thread object (its own) would fail the never-initialised check instead.
        int extra = 0, self = 0;
        ZTest.Run(_k, () => ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () =>
        {
            extra = ObjectTestSupport.Validate(_extraThread, K_OBJ_THREAD, _OBJ_INIT_FALSE);
            self = ObjectTestSupport.Validate(_childThread, K_OBJ_THREAD, _OBJ_INIT_FALSE);
        }));
        Assert.That((extra, self), Is.EqualTo((-EPERM, -EADDRINUSE)));
    }

    [Test]
    public void test_create_new_thread_from_user()
    {
        int threadCheck = -1, stackCheck = -1, extraSelf = -1;
        bool extraRan = false;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_childThread, _extraThread, _extraStack);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () =>
            {
                threadCheck = ObjectTestSupport.Validate(_extraThread, K_OBJ_THREAD, _OBJ_INIT_FALSE);
                stackCheck = ObjectTestSupport.Validate(_extraStack, K_OBJ_THREAD_STACK_ELEMENT, _OBJ_INIT_FALSE);
                k_thread_create(_extraThread, _extraStack, ObjectTestSupport.StackSize, (_, _, _) =>
                {
                    // The new thread has permission on its own object: it may abort itself.
                    extraSelf = ObjectTestSupport.Validate(_extraThread, K_OBJ_THREAD);
                    extraRan = true;
                    k_thread_abort(_extraThread);
                }, 0, 0, 0, 0, 0, K_NO_WAIT);
                k_thread_join(_extraThread, K_FOREVER);
            });
        });
        Assert.That((threadCheck, stackCheck, extraSelf, extraRan), Is.EqualTo((0, 0, 0, true)));
    }

    [Test]
    public void test_new_user_thread_with_in_use_stack_obj()
    {
        int stackCheck = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_childThread, _extraThread, _extraStack, _childStack);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () => stackCheck = ObjectTestSupport.Validate(_childStack, K_OBJ_THREAD_STACK_ELEMENT, _OBJ_INIT_FALSE));
        });
        Assert.That(stackCheck, Is.EqualTo(-EADDRINUSE));
    }

    [Test]
    public void test_create_new_thread_from_user_no_access_stack()
    {
        int threadCheck = -1, stackCheck = 0;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_childThread, _extraThread);
            ObjectTestSupport.RunChild(_childThread, _childStack, 0, () =>
            {
                threadCheck = ObjectTestSupport.Validate(_extraThread, K_OBJ_THREAD, _OBJ_INIT_FALSE);
                stackCheck = ObjectTestSupport.Validate(_extraStack, K_OBJ_THREAD_STACK_ELEMENT, _OBJ_INIT_FALSE);
            });
        });
        Assert.That((threadCheck, stackCheck), Is.EqualTo((0, -EPERM)));
    }

    [Test]
    public void test_mark_thread_exit_uninitialized()
    {
        int runningThread = -1, runningStack = -1, exitedThread = -1, exitedStack = -1;
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(_childThread, _childStack);

            // Zephyr compares against _OBJ_INIT_FALSE (-1), which equals -EPERM: the ztest thread had no permission. Bora
            // grants it so the init state is what is checked.
            k_thread_access_grant(k_current_get(), _childThread, _childStack);
            ObjectTestSupport.RunChild(_childThread, _childStack, K_INHERIT_PERMS, () =>
            {
                // Check that the thread and its stack are initialised while it runs.
                runningThread = ObjectTestSupport.Validate(_childThread, K_OBJ_ANY, _OBJ_INIT_TRUE);
                runningStack = ObjectTestSupport.Validate(_childStack, K_OBJ_ANY, _OBJ_INIT_TRUE);
            });

            // ...and uninitialised after its exit.
            exitedThread = ObjectTestSupport.Validate(_childThread, K_OBJ_ANY, _OBJ_INIT_FALSE);
            exitedStack = ObjectTestSupport.Validate(_childStack, K_OBJ_ANY, _OBJ_INIT_FALSE);
        });
        Assert.That(new[] { runningThread, runningStack, exitedThread, exitedStack }, Is.All.Zero);
    }
}
