namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// <c>k_object_alloc</c>, <c>k_object_alloc_size</c>, <c>k_object_free</c>: dynamic objects come from the caller's resource pool,
/// flagged ALLOCATED, uninitialised, with the caller's permission as a reference that frees the object when the last
/// holder lets go.
/// </summary>
public sealed class DynamicObjectTests
{
    private BoraKernel _k = null!;
    private ThreadHandle _child;
    private StackHandle _childStack;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _child = _k.DeclareThread("dyn_child");
        _childStack = _k.DefineStack("dyn_child_stack", ObjectTestSupport.StackSize);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void Alloc_ReturnsAnUninitialisedObjectInTheHeap_WithTheCallersPermission()
    {
        KObject obj = null!;
        int validate = 0;
        bool callerHasBit = false;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle h = k_object_alloc(K_OBJ_SEM);
            obj = k_object_find(h)!;
            validate = ObjectTestSupport.Validate(h, K_OBJ_SEM);
            callerHasBit = obj.HasPermission(_k.Current!);
            k_object_free(h);
        });
        Assert.Multiple(() =>
        {
            Assert.That(obj, Is.InstanceOf<KSemaphore>());
            Assert.That(obj.Address, Is.InRange(_k.Layout.Heap.Start, (uint)_k.Layout.Heap.End - 1));
            Assert.That(obj.Origin, Is.EqualTo(KObjectOrigin.Dynamic));
            Assert.That(obj.Name, Is.EqualTo("dyn_k_sem_1"));
            Assert.That(validate, Is.EqualTo(-EINVAL), "allocated objects are uninitialised");
            Assert.That(callerHasBit, Is.True);
            Assert.That(obj.IsFreed, Is.True);
        });
    }

    [Test]
    public void Alloc_EveryAllocatableType_GivesTheRightKind()
    {
        var kinds = new[] { K_OBJ_THREAD, K_OBJ_SEM, K_OBJ_MUTEX, K_OBJ_EVENT, K_OBJ_TIMER, K_OBJ_MEM_SLAB, K_OBJ_CONDVAR, K_OBJ_MSGQ, K_OBJ_STACK, K_OBJ_QUEUE, K_OBJ_PIPE, K_OBJ_POLL_SIGNAL };
        var found = new List<KObjectKind>();
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            foreach (KObjectKind kind in kinds)
            {
                KObjectHandle h = k_object_alloc(kind);
                Assert.That(h.IsNull, Is.False, $"k_object_alloc({kind})");
                found.Add(k_object_find(h)!.Kind);
                Assert.That(k_object_find(h)!.Size, Is.EqualTo(KObjectSizes.Of(kind)));
                k_object_free(h);
            }
        });
        Assert.That(found, Is.EqualTo(kinds));
    }

    [Test]
    public void Alloc_BadOrUnsupportedType_ReturnsNull()
    {
        var results = new List<uint>();
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            results.Add(k_object_alloc(K_OBJ_ANY).Address);
            results.Add(k_object_alloc(KObjectKind.Heap).Address);
            results.Add(k_object_alloc((KObjectKind)99).Address);
            results.Add(k_object_alloc((KObjectKind)(-7)).Address);
            results.Add(k_object_alloc(K_OBJ_THREAD_STACK_ELEMENT).Address);
            results.Add(k_object_alloc_size(K_OBJ_THREAD_STACK_ELEMENT, 0).Address);
            results.Add(k_object_alloc_size(K_OBJ_SEM, uint.MaxValue).Address);
        });
        Assert.That(results, Is.All.Zero);
    }

    [Test]
    public void Alloc_OutOfMemory_ReturnsNull_AndFreeingMakesRoomAgain()
    {
        var handles = new List<KObjectHandle>();
        uint again = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            while (true)
            {
                KObjectHandle h = k_object_alloc(K_OBJ_MSGQ);
                if (h.IsNull)
                {
                    break;
                }

                handles.Add(h);
            }

            k_object_free(handles[^1]);
            again = k_object_alloc(K_OBJ_MSGQ).Address;
        });
        Assert.Multiple(() =>
        {
            Assert.That(handles, Has.Count.GreaterThan(100), "a 64 KiB heap holds many 40-byte objects");
            Assert.That(again, Is.EqualTo(handles[^1].Address), "the freed block is reused");
        });
    }

    [Test]
    public void AllocSize_AddsBytesAfterTheStruct()
    {
        uint sized = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            uint before = _k.SystemHeap.AllocatedBytes;
            k_object_alloc_size(K_OBJ_PIPE, 100);
            sized = _k.SystemHeap.AllocatedBytes - before;
        });
        Assert.That(sized, Is.GreaterThanOrEqualTo(KObjectSizes.Pipe + 100 + 4), "struct, extra bytes and the heap word");
    }

    [Test]
    public void LastHolderRevoking_FreesTheObject()
    {
        // obj_validation test_no_ref_dyn_kobj_release_mem, with a second holder first.
        KObject obj = null!;
        bool afterFirst = true;
        int validate = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle h = k_object_alloc(K_OBJ_MUTEX);
            obj = k_object_find(h)!;
            k_object_access_grant(h, _child);
            k_object_access_revoke(h, k_current_get());
            afterFirst = obj.IsFreed;
            k_object_access_revoke(h, _child);
            validate = ObjectTestSupport.Validate(h, K_OBJ_MUTEX, _OBJ_INIT_ANY);
        });
        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.False, "the child still held it");
            Assert.That(obj.IsFreed, Is.True);
            Assert.That(validate, Is.EqualTo(-EBADF));
            Assert.That(_k.FindObject(obj.Address), Is.Null);
        });
    }

    [Test]
    public void LastHolderReleasing_FreesTheObject()
    {
        KObject obj = null!;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle h = k_object_alloc(K_OBJ_SEM);
            obj = k_object_find(h)!;
            k_object_release(h);
        });
        Assert.That(obj.IsFreed, Is.True);
    }

    [Test]
    public void LastHolderExiting_FreesTheObject_OnlyThen()
    {
        KObject obj = null!;
        bool afterParentRelease = true;
        bool childStillHolds = false;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle h = k_object_alloc(K_OBJ_QUEUE);
            obj = k_object_find(h)!;
            k_thread_create(_child, _childStack, ObjectTestSupport.StackSize, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_FOREVER);
            k_object_access_grant(h, _child);
            k_thread_start(_child);
            k_object_release(h);
            afterParentRelease = obj.IsFreed;
            childStillHolds = ObjectTestSupport.Validate(h, K_OBJ_QUEUE, _OBJ_INIT_ANY) == -EPERM && _k.FindObject(h.Address) is not null;
            k_thread_abort(_child);
        });
        Assert.Multiple(() =>
        {
            Assert.That(afterParentRelease, Is.False);
            Assert.That(childStillHolds, Is.True);
            Assert.That(obj.IsFreed, Is.True, "freed when the child, its last holder, exited");
        });
    }

    [Test]
    public void StaticObjects_AreNeverFreed()
    {
        SemaphoreHandle sem = _k.DefineSemaphore("static_sem", 0, 1);
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            k_object_access_grant(sem, k_current_get());
            k_object_release(sem);
            k_object_free(sem);
        });
        Assert.That(_k.FindObject(sem.Address), Is.Not.Null);
    }

    [Test]
    public void Free_IsUnconditional_EvenWithHolders()
    {
        KObject obj = null!;
        int validate = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle h = k_object_alloc(K_OBJ_SEM);
            obj = k_object_find(h)!;
            k_object_access_grant(h, _child);
            k_object_access_all_grant(h);
            k_object_free(h);
            validate = ObjectTestSupport.Validate(h, K_OBJ_SEM, _OBJ_INIT_ANY);
            k_object_free(h);
        });
        Assert.That((obj.IsFreed, validate), Is.EqualTo((true, -EBADF)));
    }

    [Test]
    public void FreedAddress_IsAnOopsForSupervisorKernelCalls()
    {
        FatalErrorReport? report = null;
        _k.SetFatalErrorHandler((_, r) => report = r);
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            var sem = (SemaphoreHandle)k_object_alloc(K_OBJ_SEM);
            Assert.That(k_sem_init(sem, 0, 1), Is.Zero);
            k_sem_give(sem);
            k_object_free(sem);
            k_sem_give(sem);
        }, expectFinished: false);
        Assert.That(report, Is.Not.Null);
        Assert.That(report!.Message, Does.Contain("is not a kernel object"));
    }

    [Test]
    public void DynamicThread_RunsAndIsFreedWhenItsLastHolderGoes()
    {
        KObject threadObj = null!;
        int selfCheck = -1;
        int index = -1;
        bool freedWhileHeld = true;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            var t = (ThreadHandle)k_object_alloc(K_OBJ_THREAD);
            threadObj = k_object_find(t)!;
            index = ((KThread)threadObj).ThreadIndex;
            ObjectTestSupport.RunChild(t, _childStack, 0, () => selfCheck = ObjectTestSupport.Validate(k_current_get(), K_OBJ_THREAD));
            freedWhileHeld = threadObj.IsFreed;
            k_object_release(t);
        });
        Assert.Multiple(() =>
        {
            Assert.That(index, Is.GreaterThanOrEqualTo(0), "k_object_alloc(K_OBJ_THREAD) takes an index");
            Assert.That(selfCheck, Is.Zero);
            Assert.That(freedWhileHeld, Is.False, "the allocating thread still held it");
            Assert.That(threadObj.IsFreed, Is.True);
            Assert.That(_k.ThreadIndicesInUse, Is.EqualTo(1), "only idle");
        });
    }

    [Test]
    public void DynamicThread_WithoutHoldersWhileAlive_IsFreedAtItsExit()
    {
        KObject threadObj = null!;
        bool freedWhileAlive = true;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            var t = (ThreadHandle)k_object_alloc(K_OBJ_THREAD);
            threadObj = k_object_find(t)!;
            k_thread_create(t, _childStack, ObjectTestSupport.StackSize, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_NO_WAIT);
            k_object_release(t);
            k_object_access_revoke(t, t);
            freedWhileAlive = threadObj.IsFreed;
            k_thread_abort(t);
        });
        Assert.Multiple(() =>
        {
            Assert.That(freedWhileAlive, Is.False, "Bora keeps a live thread's object");
            Assert.That(threadObj.IsFreed, Is.True);
        });
    }

    [Test]
    public void FreeingALiveThreadObject_IsAnOops()
    {
        FatalErrorReport? report = null;
        _k.SetFatalErrorHandler((_, r) => report = r);
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            var t = (ThreadHandle)k_object_alloc(K_OBJ_THREAD);
            k_thread_create(t, _childStack, ObjectTestSupport.StackSize, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, 0, 0, K_NO_WAIT);
            k_object_free(t);
        }, expectFinished: false);
        Assert.That(report?.Message, Does.Contain("is still alive"));
    }

    [Test]
    public void NeverCreatedDynamicThread_GivesItsIndexBackWhenFreed()
    {
        int during = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle t = k_object_alloc(K_OBJ_THREAD);
            during = _k.ThreadIndicesInUse;
            k_object_free(t);
            Assert.That(_k.ThreadIndicesInUse, Is.EqualTo(during - 1));
        });
        Assert.That(during, Is.GreaterThan(1));
    }

    [Test]
    public void ThreadIndexExhausted_AllocThreadReturnsNull()
    {
        _k.Dispose();
        _k = ZTest.Create(o => o.MaxThreadBytes = 1);
        var got = new List<uint>();
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            for (int i = 0; i < 8; i++)
            {
                got.Add(k_object_alloc(K_OBJ_THREAD).Address);
            }
        });
        Assert.Multiple(() =>
        {
            Assert.That(got.Count(a => a != 0), Is.EqualTo(5), "8 indices: ztest, idle and main hold 3");
            Assert.That(got.Skip(5), Is.All.Zero);
        });
    }

    [Test]
    public void AbandonedMsgqWithAllocatedBuffer_RunsCleanupAndFrees()
    {
        KObject obj = null!;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            var q = (MsgqHandle)k_object_alloc(K_OBJ_MSGQ);
            obj = k_object_find(q)!;
            uint buffer = _k.DefineBuffer("q_buf", 16);
            Assert.That(k_msgq_init(q, buffer, 4, 4), Is.Zero);
            Assert.That(ObjectTestSupport.Validate(q, K_OBJ_MSGQ), Is.Zero);
        });
        Assert.That(obj.IsFreed, Is.True);
    }

    [Test]
    public void HostInspection_ListsDynamicObjectsUntilFreed()
    {
        int during = 0;
        ObjectTestSupport.RunWithSystemPool(_k, () =>
        {
            KObjectHandle a = k_object_alloc(K_OBJ_SEM);
            KObjectHandle b = k_object_alloc(K_OBJ_SEM);
            during = _k.Objects.Count(o => o.Origin == KObjectOrigin.Dynamic);
            k_object_free(a);
            k_object_free(b);
        });
        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo(2));
            Assert.That(_k.Objects.Where(o => o.Origin == KObjectOrigin.Dynamic), Is.Empty);
            Assert.That(_k.SystemHeap.AllocatedBytes, Is.Zero, "every block went back to the heap");
        });
    }

    [Test]
    public void Alloc_WithoutAResourcePool_ReturnsNull_AndTakesNoThreadIndex()
    {
        uint sem = 1;
        uint thread = 1;
        int indicesBefore = 0;
        int indicesAfter = 0;
        ZTest.Run(_k, () =>
        {
            indicesBefore = _k.ThreadIndicesInUse;
            sem = k_object_alloc(K_OBJ_SEM).Address;
            thread = k_object_alloc(K_OBJ_THREAD).Address;
            indicesAfter = _k.ThreadIndicesInUse;
        });
        Assert.Multiple(() =>
        {
            Assert.That(sem, Is.Zero, "z_thread_aligned_alloc finds no pool");
            Assert.That(thread, Is.Zero);
            Assert.That(indicesAfter, Is.EqualTo(indicesBefore), "the index taken for the thread object went back");
        });
    }
}
