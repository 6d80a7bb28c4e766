using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Kernel-object permissions, validation and dynamic objects (include/zephyr/sys/kobject.h, kernel/userspace.c).</summary>
public static partial class K
{
    /// <summary><c>EADDRINUSE</c>.</summary>
    public const int EADDRINUSE = Errno.EAddrInUse;

    /// <summary><c>K_OBJ_ANY</c>: any type (validation only; <c>k_object_alloc</c> of it returns <c>NULL</c>).</summary>
    public const KObjectKind K_OBJ_ANY = KObjectKind.Any;

    /// <summary><c>K_OBJ_THREAD</c>.</summary>
    public const KObjectKind K_OBJ_THREAD = KObjectKind.Thread;

    /// <summary><c>K_OBJ_THREAD_STACK_ELEMENT</c>.</summary>
    public const KObjectKind K_OBJ_THREAD_STACK_ELEMENT = KObjectKind.ThreadStack;

    /// <summary><c>K_OBJ_SEM</c>.</summary>
    public const KObjectKind K_OBJ_SEM = KObjectKind.Semaphore;

    /// <summary><c>K_OBJ_MUTEX</c>.</summary>
    public const KObjectKind K_OBJ_MUTEX = KObjectKind.Mutex;

    /// <summary><c>K_OBJ_EVENT</c>.</summary>
    public const KObjectKind K_OBJ_EVENT = KObjectKind.Event;

    /// <summary><c>K_OBJ_TIMER</c>.</summary>
    public const KObjectKind K_OBJ_TIMER = KObjectKind.Timer;

    /// <summary><c>K_OBJ_MEM_SLAB</c>.</summary>
    public const KObjectKind K_OBJ_MEM_SLAB = KObjectKind.MemSlab;

    /// <summary><c>K_OBJ_CONDVAR</c>.</summary>
    public const KObjectKind K_OBJ_CONDVAR = KObjectKind.Condvar;

    /// <summary><c>K_OBJ_MSGQ</c>.</summary>
    public const KObjectKind K_OBJ_MSGQ = KObjectKind.MessageQueue;

    /// <summary><c>K_OBJ_STACK</c>.</summary>
    public const KObjectKind K_OBJ_STACK = KObjectKind.Stack;

    /// <summary><c>K_OBJ_QUEUE</c> (also <c>k_fifo</c> and <c>k_lifo</c>).</summary>
    public const KObjectKind K_OBJ_QUEUE = KObjectKind.Queue;

    /// <summary><c>K_OBJ_PIPE</c>.</summary>
    public const KObjectKind K_OBJ_PIPE = KObjectKind.Pipe;

    /// <summary><c>K_OBJ_POLL_SIGNAL</c>.</summary>
    public const KObjectKind K_OBJ_POLL_SIGNAL = KObjectKind.PollSignal;

    /// <summary><c>_OBJ_INIT_TRUE</c>.</summary>
    public const ObjectInitCheck _OBJ_INIT_TRUE = ObjectInitCheck.MustBeInitialized;

    /// <summary><c>_OBJ_INIT_FALSE</c>.</summary>
    public const ObjectInitCheck _OBJ_INIT_FALSE = ObjectInitCheck.MustNotBeInitialized;

    /// <summary><c>_OBJ_INIT_ANY</c>.</summary>
    public const ObjectInitCheck _OBJ_INIT_ANY = ObjectInitCheck.Any;

    /// <summary>
    /// <c>k_object_access_grant</c> (a syscall): gives <paramref name="thread"/> permission on <paramref name="obj"/>; an
    /// unknown object or thread is ignored. From user mode the caller must hold the object and <paramref name="thread"/>
    /// must be a thread object it holds (in any init state).
    /// </summary>
    [Syscall]
    public static void k_object_access_grant(KObjectHandle obj, ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallObjectAccessGrant(c.Thread, obj, thread);
    }

    /// <summary><c>k_object_access_revoke</c> (supervisor only): takes <paramref name="thread"/>'s permission away; a dynamic object nobody holds is freed.</summary>
    public static void k_object_access_revoke(KObjectHandle obj, ThreadHandle thread)
    {
        KernelContext c = Ctx();
        c.Kernel.CallObjectAccessRevoke(c.Thread, obj, thread);
    }

    /// <summary><c>k_object_release</c> (a syscall): <c>k_object_access_revoke(obj, k_current_get())</c>.</summary>
    [Syscall]
    public static void k_object_release(KObjectHandle obj)
    {
        KernelContext c = Ctx();
        c.Kernel.CallObjectRelease(c.Thread, obj);
    }

    /// <summary><c>k_object_access_all_grant</c> (supervisor only): makes <paramref name="obj"/> public, for good.</summary>
    public static void k_object_access_all_grant(KObjectHandle obj)
    {
        KernelContext c = Ctx();
        c.Kernel.CallObjectAccessAllGrant(c.Thread, obj);
    }

    /// <summary><c>k_thread_access_grant(thread, ...)</c>: one <c>k_object_access_grant</c> per object.</summary>
    public static void k_thread_access_grant(ThreadHandle thread, params KObjectHandle[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (KObjectHandle obj in objects)
        {
            k_object_access_grant(obj, thread);
        }
    }

    /// <summary><c>k_object_alloc</c> (a syscall): a new, uninitialised object of <paramref name="otype"/> the caller has permission on, or <c>NULL</c>.</summary>
    [Syscall]
    public static KObjectHandle k_object_alloc(KObjectKind otype)
    {
        KernelContext c = Ctx();
        return new KObjectHandle(c.Kernel.CallObjectAlloc(c.Thread, otype, 0));
    }

    /// <summary><c>k_object_alloc_size</c> (a syscall): as <see cref="k_object_alloc"/>, with <paramref name="size"/> usable bytes for a thread stack (extra bytes otherwise).</summary>
    [Syscall]
    public static KObjectHandle k_object_alloc_size(KObjectKind otype, uint size)
    {
        KernelContext c = Ctx();
        return new KObjectHandle(c.Kernel.CallObjectAlloc(c.Thread, otype, size));
    }

    /// <summary><c>k_object_free</c> (supervisor only): frees a dynamic object now, whatever its permissions; anything else is ignored.</summary>
    public static void k_object_free(KObjectHandle obj)
    {
        KernelContext c = Ctx();
        c.Kernel.CallObjectFree(c.Thread, obj);
    }

    /// <summary><c>k_object_find</c>: the object at <paramref name="obj"/>, or <see langword="null"/> when it is not a kernel object.</summary>
    public static KObject? k_object_find(KObjectHandle obj) => Ctx().Kernel.FindObject(obj.Address);

    /// <summary>
    /// <c>k_object_validate</c> for the calling thread: 0, <c>-EBADF</c> (not an object, wrong type), <c>-EPERM</c> (no
    /// permission, not public), <c>-EINVAL</c> (<c>_OBJ_INIT_TRUE</c> on an uninitialised object) or <c>-EADDRINUSE</c>
    /// (<c>_OBJ_INIT_FALSE</c> on an initialised one), checked in that order.
    /// </summary>
    public static int k_object_validate(KObject? ko, KObjectKind otype, ObjectInitCheck init) =>
        BoraKernel.ValidateObject(Ctx().Thread, ko, otype, init);

    /// <summary><c>k_object_init</c>: marks a known object initialised (threads and thread stacks follow their thread instead); unknown → no-op.</summary>
    public static void k_object_init(KObjectHandle obj) => Ctx().Kernel.FindObject(obj.Address)?.MarkInitialized();

    /// <summary><c>k_object_uninit</c>: marks a known object uninitialised (threads and thread stacks follow their thread instead); unknown → no-op.</summary>
    public static void k_object_uninit(KObjectHandle obj) => Ctx().Kernel.FindObject(obj.Address)?.MarkUninitialized();

    /// <summary>
    /// <c>k_object_is_valid</c>: whether the object is known, of type <paramref name="otype"/> (or any type for
    /// <c>K_OBJ_ANY</c>), initialised, and the caller may use it. Upstream ignores the type and init state (a known
    /// bug); Bora checks what the documentation says.
    /// </summary>
    public static bool k_object_is_valid(KObjectHandle obj, KObjectKind otype) =>
        k_object_validate(k_object_find(obj), otype, _OBJ_INIT_TRUE) == 0;

    /// <summary><c>K_SYSCALL_OBJ(ptr, type)</c>: true when the object fails validation (known, type, permission, initialised).</summary>
    public static bool K_SYSCALL_OBJ(KObjectHandle ptr, KObjectKind type) => SyscallObjectCheck(ptr, type, _OBJ_INIT_TRUE);

    /// <summary><c>K_SYSCALL_OBJ_INIT(ptr, type)</c>: as <see cref="K_SYSCALL_OBJ"/> in any init state (init functions).</summary>
    public static bool K_SYSCALL_OBJ_INIT(KObjectHandle ptr, KObjectKind type) => SyscallObjectCheck(ptr, type, _OBJ_INIT_ANY);

    /// <summary><c>K_SYSCALL_OBJ_NEVER_INIT(ptr, type)</c>: as <see cref="K_SYSCALL_OBJ"/>, the object must not be initialised.</summary>
    public static bool K_SYSCALL_OBJ_NEVER_INIT(KObjectHandle ptr, KObjectKind type) => SyscallObjectCheck(ptr, type, _OBJ_INIT_FALSE);

    /// <summary>
    /// The check behind the <c>K_SYSCALL_OBJ*</c> macros: <c>k_object_validation_check</c> for the calling thread. A
    /// failure inside a user-mode syscall records <c>k_object_dump_error</c>'s text for the next <c>K_OOPS</c>.
    /// </summary>
    private static bool SyscallObjectCheck(KObjectHandle ptr, KObjectKind type, ObjectInitCheck init)
    {
        KernelContext c = Ctx();
        if (c.Kernel.ObjectValidationCheck(c.Thread, ptr.Address, type, init) is not { } why)
        {
            return false;
        }

        if (c.Kernel.SyscallFrameOf(c.Thread) is { } frame)
        {
            frame.LastFailure = why;
        }

        return true;
    }

    /// <summary>
    /// <c>validate_any_object</c> (kernel/userspace.c): whether the caller may use <paramref name="obj"/> as any type in
    /// any init state; on failure the <c>K_SYSCALL_VERIFY_MSG</c> message <c>"object %p access denied"</c> is recorded,
    /// with <c>k_object_dump_error</c>'s text.
    /// </summary>
    private static bool ValidateAnyObject(KObjectHandle obj)
    {
        KernelContext c = Ctx();
        string? why = c.Kernel.ObjectValidationCheck(c.Thread, obj.Address, KObjectKind.Any, ObjectInitCheck.Any);
        return !K_SYSCALL_VERIFY_MSG(why is null, $"object 0x{obj.Address:X8} access denied: {why}");
    }

    private static void z_vrfy_k_object_access_grant(KObjectHandle obj, ThreadHandle thread)
    {
        K_OOPS(K_SYSCALL_OBJ_INIT(thread, K_OBJ_THREAD));
        K_OOPS(!ValidateAnyObject(obj));
        k_object_access_grant(obj, thread);
    }

    private static void z_vrfy_k_object_release(KObjectHandle obj)
    {
        K_OOPS(!ValidateAnyObject(obj));
        k_object_release(obj);
    }

    private static KObjectHandle z_vrfy_k_object_alloc(KObjectKind otype) => k_object_alloc(otype);

    private static KObjectHandle z_vrfy_k_object_alloc_size(KObjectKind otype, uint size) => k_object_alloc_size(otype, size);
}
