namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// Ported from zephyr tests/kernel/mem_protect/obj_validation (src/main.c). The ztest thread runs in supervisor mode
/// there too and calls <c>k_object_validate(k_object_find(...))</c> directly, so these are whole ports.
/// </summary>
public sealed class ObjValidationPortedTests
{
    private const int SemArraySize = 16;

    private BoraKernel _k = null!;
    private SemaphoreHandle _sem1;
    private SemaphoreHandle _sem2;
    private SemaphoreHandle _sem3;
    private SemaphoreHandle[] _semArray = null!;
    private uint _badSem;
    private uint _stackSem;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _sem1 = _k.DefineSemaphore("sem1", 0, 1);
        _sem2 = _k.DeclareSemaphore("sem2");
        _sem3 = _k.DeclareSemaphore("sem3");
        _semArray = [.. Enumerable.Range(0, SemArraySize).Select(i => _k.DeclareSemaphore($"semarray_{i}"))];

        // static char bad_sem[sizeof(struct k_sem)]; and a struct k_sem on the ztest stack: memory, not objects.
        _badSem = _k.DefineBuffer("bad_sem", KObjectSizes.Semaphore);
        _stackSem = _k.DefineBuffer("stack_sem", KObjectSizes.Semaphore);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void test_generic_object()
    {
        var dynSem = new KObjectHandle[SemArraySize];
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            // None of these should be even in the table.
            Assert.That(TestObject(new KObjectHandle(_stackSem)), Is.EqualTo(-EBADF));
            Assert.That(TestObject(new KObjectHandle(_badSem)), Is.EqualTo(-EBADF));
            Assert.That(TestObject(new KObjectHandle(0xFFFF_FFFF)), Is.EqualTo(-EBADF));
            ObjectPermissionChecks(_sem3, skipInit: false);
            ObjectPermissionChecks(_sem1, skipInit: true);
            ObjectPermissionChecks(_sem2, skipInit: false);

            for (int i = 0; i < SemArraySize; i++)
            {
                ObjectPermissionChecks(_semArray[i], skipInit: false);
                dynSem[i] = k_object_alloc(K_OBJ_SEM);
                Assert.That(dynSem[i].IsNull, Is.False, "couldn't allocate semaphore");

                // Give an extra reference to another thread so the object doesn't disappear if we revoke our own.
                k_object_access_grant(dynSem[i], _k.MainThread!.Handle);
            }

            // Dynamic object table well-populated with semaphores at this point.
            for (int i = 0; i < SemArraySize; i++)
            {
                // Should have permission granted but be uninitialized.
                Assert.That(TestObject(dynSem[i]), Is.EqualTo(-EINVAL));
                k_object_access_revoke(dynSem[i], k_current_get());
                ObjectPermissionChecks((SemaphoreHandle)dynSem[i], skipInit: false);
                k_object_free(dynSem[i]);
                Assert.That(TestObject(dynSem[i]), Is.EqualTo(-EBADF));
            }
        });
    }

    [Test]
    public void test_kobj_assign_perms_on_alloc_obj()
    {
        KObjectHandle testDynSem = default;
        int validation = -1;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            testDynSem = k_object_alloc(K_OBJ_SEM);
            Assert.That(testDynSem.IsNull, Is.False, "Cannot allocate sem k_object");

            // Try to init that object: the thread should have permission implicitly.
            Assert.That(k_sem_init((SemaphoreHandle)testDynSem, 1, 1), Is.Zero);
            validation = TestObject(testDynSem);
        });
        Assert.Multiple(() =>
        {
            // Check the semaphore lies within the pool's (the system heap's) address space.
            Assert.That(testDynSem.Address, Is.GreaterThan(_k.Layout.Heap.Start).And.LessThan((uint)_k.Layout.Heap.End), "semaphore object not in bound of thread's memory pool");
            Assert.That(validation, Is.Zero);
        });
    }

    [Test]
    public void test_no_ref_dyn_kobj_release_mem()
    {
        int ret = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle testDynMutex = k_object_alloc(K_OBJ_MUTEX);
            Assert.That(testDynMutex.IsNull, Is.False, "Can not allocate dynamic kernel object");

            // Revoke access from the current thread.
            k_object_access_revoke(testDynMutex, k_current_get());

            // Check the object was released when no thread has access to it.
            ret = k_object_validate(k_object_find(testDynMutex), K_OBJ_MUTEX, _OBJ_INIT_TRUE);
        });
        Assert.That(ret, Is.EqualTo(-EBADF), "Dynamic kernel object not released");
    }

    private static int TestObject(KObjectHandle sem) => k_object_validate(k_object_find(sem), K_OBJ_SEM, _OBJ_INIT_TRUE);

    private static void ObjectPermissionChecks(SemaphoreHandle sem, bool skipInit)
    {
        // Should fail because we don't have perms on this object.
        Assert.That(TestObject(sem), Is.EqualTo(-EPERM), "object should not have had permission granted");
        k_object_access_grant(sem, k_current_get());
        if (!skipInit)
        {
            // Should fail: not initialized (we have permission now).
            Assert.That(TestObject(sem), Is.EqualTo(-EINVAL), "object should not have been initialized");
            k_sem_init(sem, 0, 1);
        }

        // This should succeed now.
        Assert.That(TestObject(sem), Is.Zero, "object should have had sufficient permissions");
    }
}
