namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// <c>k_object_validate</c>'s order and codes (reference spec §4.6): not an object / wrong type → -EBADF; no
/// permission and not public → -EPERM; then the init check (-EINVAL for _OBJ_INIT_TRUE, -EADDRINUSE for
/// _OBJ_INIT_FALSE); and the messages <c>k_object_dump_error</c> gives for each.
/// </summary>
public sealed class ObjectValidationTests
{
    private BoraKernel _k = null!;
    private SemaphoreHandle _sem;
    private SemaphoreHandle _uninitSem;
    private MutexHandle _mutex;
    private uint _buffer;

    [SetUp]
    public void SetUp()
    {
        _k = ZTest.Create();
        _sem = _k.DefineSemaphore("val_sem", 0, 1);
        _uninitSem = _k.DeclareSemaphore("val_uninit_sem");
        _mutex = _k.DefineMutex("val_mutex");
        _buffer = _k.DefineBuffer("not_an_object", 16);
    }

    [TearDown]
    public void TearDown() => _k.Dispose();

    [Test]
    public void Validate_UnknownAddress_IsEBADF()
    {
        var results = new List<int>();
        ZTest.Run(_k, () =>
        {
            results.Add(ObjectTestSupport.Validate(new KObjectHandle(_buffer), K_OBJ_SEM));
            results.Add(ObjectTestSupport.Validate(new KObjectHandle(0xFFFF_FFFF), K_OBJ_SEM));
            results.Add(ObjectTestSupport.Validate(KObjectHandle.Null, K_OBJ_ANY, _OBJ_INIT_ANY));
            results.Add(ObjectTestSupport.Validate(new KObjectHandle(_sem.Address + 4), K_OBJ_ANY, _OBJ_INIT_ANY));
        });
        Assert.That(results, Is.All.EqualTo(-EBADF));
    }

    [Test]
    public void Validate_WrongType_IsEBADF_EvenWithPermission()
    {
        int result = 0;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_mutex, k_current_get());
            result = ObjectTestSupport.Validate(_mutex, K_OBJ_SEM);
        });
        Assert.That(result, Is.EqualTo(-EBADF));
    }

    [Test]
    public void Validate_NoPermission_IsEPERM()
    {
        int result = 0;
        ZTest.Run(_k, () => result = ObjectTestSupport.Validate(_sem, K_OBJ_SEM));
        Assert.That(result, Is.EqualTo(-EPERM));
    }

    [Test]
    public void Validate_NoPermission_IsCheckedBeforeInitState()
    {
        int[] results = new int[2];
        ZTest.Run(_k, () =>
        {
            results[0] = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM, _OBJ_INIT_TRUE);
            results[1] = ObjectTestSupport.Validate(_sem, K_OBJ_SEM, _OBJ_INIT_FALSE);
        });
        Assert.That(results, Is.EqualTo(new[] { -EPERM, -EPERM }));
    }

    [Test]
    public void Validate_PublicObjectWithoutPermission_Passes()
    {
        int before = 0, after = 0;
        bool hasBit = true;
        ZTest.Run(_k, () =>
        {
            before = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            k_object_access_all_grant(_sem);
            after = ObjectTestSupport.Validate(_sem, K_OBJ_SEM);
            hasBit = k_object_find(_sem)!.HasPermission(_k.Current!);
        });
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(-EPERM));
            Assert.That(after, Is.Zero);
            Assert.That(hasBit, Is.False, "public status is not a permission bit");
            Assert.That(_k.FindObject(_sem.Address)!.Flags, Is.EqualTo(KObjectFlags.Initialized | KObjectFlags.Public));
        });
    }

    [Test]
    public void Validate_UninitialisedObjectWithInitTrue_IsEINVAL()
    {
        int[] results = new int[3];
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_uninitSem, k_current_get());
            results[0] = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM, _OBJ_INIT_TRUE);
            results[1] = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM, _OBJ_INIT_ANY);
            results[2] = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM, _OBJ_INIT_FALSE);
        });
        Assert.That(results, Is.EqualTo(new[] { -EINVAL, 0, 0 }));
    }

    [Test]
    public void Validate_InitialisedObjectWithInitFalse_IsEADDRINUSE()
    {
        int[] results = new int[3];
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_sem, k_current_get());
            results[0] = ObjectTestSupport.Validate(_sem, K_OBJ_SEM, _OBJ_INIT_FALSE);
            results[1] = ObjectTestSupport.Validate(_sem, K_OBJ_SEM, _OBJ_INIT_ANY);
            results[2] = ObjectTestSupport.Validate(_sem, K_OBJ_SEM, _OBJ_INIT_TRUE);
        });
        Assert.That(results, Is.EqualTo(new[] { -EADDRINUSE, 0, 0 }));
    }

    [Test]
    public void Validate_InitFunction_MarksObjectInitialised()
    {
        int before = 0, after = 0;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_uninitSem, k_current_get());
            before = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM);
            Assert.That(k_sem_init(_uninitSem, 0, 1), Is.Zero);
            after = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM);
        });
        Assert.That((before, after), Is.EqualTo((-EINVAL, 0)));
    }

    [Test]
    public void Validate_FailedInit_LeavesObjectUninitialised()
    {
        int result = 0;
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_uninitSem, k_current_get());
            Assert.That(k_sem_init(_uninitSem, 2, 1), Is.EqualTo(-EINVAL));
            result = ObjectTestSupport.Validate(_uninitSem, K_OBJ_SEM);
        });
        Assert.That(result, Is.EqualTo(-EINVAL));
    }

    [Test]
    public void Validate_AnyType_AcceptsEveryKnownObject()
    {
        int[] results = new int[2];
        ZTest.Run(_k, () =>
        {
            k_thread_access_grant(k_current_get(), _sem, _mutex);
            results[0] = ObjectTestSupport.Validate(_sem, K_OBJ_ANY);
            results[1] = ObjectTestSupport.Validate(_mutex, K_OBJ_ANY);
        });
        Assert.That(results, Is.All.Zero);
    }

    [Test]
    public void SyscallObjMacros_ReportFailureAsTrue()
    {
        bool[] results = new bool[4];
        ZTest.Run(_k, () =>
        {
            k_object_access_grant(_sem, k_current_get());
            results[0] = K_SYSCALL_OBJ(_sem, K_OBJ_SEM);
            results[1] = K_SYSCALL_OBJ_INIT(_sem, K_OBJ_SEM);
            results[2] = K_SYSCALL_OBJ_NEVER_INIT(_sem, K_OBJ_SEM);
            results[3] = K_SYSCALL_OBJ(_mutex, K_OBJ_MUTEX);
        });
        Assert.That(results, Is.EqualTo(new[] { false, false, true, true }));
    }

    [Test]
    public void ObjectValidate_FromHostSide_UsesTheCallerExplicitly()
    {
        ThreadHandle other = _k.DeclareThread("holder");
        _k.GrantAccess(other, _sem);
        KThread holder = _k.GetThread(other);
        KThread idle = null!;
        ZTest.Run(_k, () => idle = _k.IdleThread!);
        Assert.Multiple(() =>
        {
            Assert.That(_k.ObjectValidate(holder, _sem.Address, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized), Is.Zero);
            Assert.That(_k.ObjectValidate(idle, _sem.Address, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized), Is.EqualTo(-Errno.EPerm));
            Assert.That(_k.ObjectValidationCheck(holder, _sem.Address, KObjectKind.Semaphore, ObjectInitCheck.Any), Is.Null);
        });
    }

    [Test]
    public void DescribeObjectError_NamesWhatFailed()
    {
        ThreadHandle t = _k.DeclareThread("describer");
        _k.GrantAccess(t, _uninitSem, _mutex);
        KThread caller = _k.GetThread(t);
        string notObject = _k.ObjectValidationCheck(caller, _buffer, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized)!;
        string wrongType = _k.ObjectValidationCheck(caller, _mutex.Address, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized)!;
        string noPerm = _k.ObjectValidationCheck(caller, _sem.Address, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized)!;
        string uninit = _k.ObjectValidationCheck(caller, _uninitSem.Address, KObjectKind.Semaphore, ObjectInitCheck.MustBeInitialized)!;
        string inUse = _k.ObjectValidationCheck(caller, _mutex.Address, KObjectKind.Mutex, ObjectInitCheck.MustNotBeInitialized)!;
        Assert.Multiple(() =>
        {
            Assert.That(notObject, Is.EqualTo($"0x{_buffer:X8} is not a valid k_sem: address is not a known kernel object"));
            Assert.That(wrongType, Is.EqualTo($"0x{_mutex.Address:X8} is not a valid k_sem: address is actually a k_mutex ('val_mutex')"));
            Assert.That(noPerm, Does.StartWith($"thread 0x{caller.Address:X8} ({caller.ThreadIndex}) does not have permission on k_sem 0x{_sem.Address:X8} ('val_sem'); permission bitmap: "));
            Assert.That(uninit, Is.EqualTo($"0x{_uninitSem.Address:X8} used before initialization (k_sem 'val_uninit_sem')"));
            Assert.That(inUse, Is.EqualTo($"0x{_mutex.Address:X8} k_mutex in use ('val_mutex')"));
        });
    }

    [Test]
    public void ErrnoValues_ArePinned()
    {
        Assert.That((EBADF, EPERM, EINVAL, EADDRINUSE), Is.EqualTo((9, 1, 22, 112)));
        Assert.That(((int)_OBJ_INIT_TRUE, (int)_OBJ_INIT_FALSE, (int)_OBJ_INIT_ANY), Is.EqualTo((0, -1, 1)));
        Assert.That(((int)KObjectFlags.Initialized, (int)KObjectFlags.Public, (int)KObjectFlags.Allocated), Is.EqualTo((1, 2, 4)));
    }
}
