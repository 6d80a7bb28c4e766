using System.Globalization;
using System.Text;

namespace Bora.Kernel;

/// <summary>
/// Kernel-object permissions (kernel/userspace.c): thread indices, the permission bit of each thread on each
/// object, public objects, inheritance, the clean-up at thread exit, and object validation for the syscall
/// verifiers (<c>k_object_validate</c>, <c>k_object_dump_error</c>). See docs/kernel-objects.md.
/// </summary>
public sealed partial class BoraKernel
{
    private ThreadIndexMap? _threadIndices;
    private bool _warnedNoThreadIndex;

    /// <summary>How many thread indices exist (8 × <see cref="KernelOptions.MaxThreadBytes"/>).</summary>
    public int ThreadIndexCount => ThreadIndexBytes * 8;

    /// <summary>How many thread indices are taken (by live threads, and by thread objects granted permissions before creation).</summary>
    public int ThreadIndicesInUse => ThreadIndices.InUse;

    /// <summary><c>CONFIG_MAX_THREAD_BYTES</c>: bytes of every object's permission bitmap.</summary>
    internal int ThreadIndexBytes => _options.MaxThreadBytes is > 0 and <= 64
        ? _options.MaxThreadBytes
        : throw new ArgumentException($"KernelOptions.MaxThreadBytes is {_options.MaxThreadBytes}; it must be between 1 and 64 (8 to 512 thread indices)");

    private ThreadIndexMap ThreadIndices => _threadIndices ??= new ThreadIndexMap(ThreadIndexCount);

    /// <summary>
    /// <c>k_object_find</c>: the kernel object at <paramref name="address"/> (declared in the image, defined at run time,
    /// or allocated and not yet freed), or <see langword="null"/> when the address is not an object.
    /// </summary>
    public KObject? FindObject(uint address) => _objects.GetValueOrDefault(address);

    /// <summary>
    /// <c>K_THREAD_ACCESS_GRANT</c> / <c>k_thread_access_grant</c> from the host: grants <paramref name="thread"/>
    /// permission on each of <paramref name="objects"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="thread"/> is not a thread object, or an object address is not a kernel object.</exception>
    public void GrantAccess(ThreadHandle thread, params KObjectHandle[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        EnsureHostAccess(nameof(GrantAccess));
        KThread target = HostThreadObject(thread, nameof(GrantAccess));
        KObject[] found = [.. objects.Select(o => HostObject(o, nameof(GrantAccess)))];
        foreach (KObject obj in found)
        {
            GrantPermission(obj, target);
        }
    }

    /// <summary><c>k_object_access_revoke</c> from the host: clears <paramref name="thread"/>'s permission on <paramref name="obj"/> (a dynamic object left without permissions is freed).</summary>
    /// <exception cref="ArgumentException">An address is not a kernel object of the expected kind.</exception>
    public void RevokeAccess(KObjectHandle obj, ThreadHandle thread)
    {
        EnsureHostAccess(nameof(RevokeAccess));
        KThread target = HostThreadObject(thread, nameof(RevokeAccess));
        RevokePermission(HostObject(obj, nameof(RevokeAccess)), target);
    }

    /// <summary><c>k_object_access_all_grant</c> from the host: makes <paramref name="obj"/> public (every thread passes its permission test, for good).</summary>
    /// <exception cref="ArgumentException">The address is not a kernel object.</exception>
    public void MakePublic(KObjectHandle obj)
    {
        EnsureHostAccess(nameof(MakePublic));
        HostObject(obj, nameof(MakePublic)).MarkPublic();
    }

    /// <summary>
    /// <c>k_object_validate(k_object_find(address), expected, init)</c> for <paramref name="caller"/> (Zephyr's
    /// <c>_current</c>), in Zephyr's order: not an object or the wrong type → <c>-EBADF</c>; no permission and not
    /// public → <c>-EPERM</c>; <see cref="ObjectInitCheck.MustBeInitialized"/> on an uninitialised object →
    /// <c>-EINVAL</c>; <see cref="ObjectInitCheck.MustNotBeInitialized"/> on an initialised one → <c>-EADDRINUSE</c>;
    /// otherwise 0. The syscall verifiers call it for user-mode callers only (supervisor calls are never checked).
    /// </summary>
    internal int ObjectValidate(KThread caller, uint address, KObjectKind expected, ObjectInitCheck init) =>
        ValidateObject(caller, FindObject(address), expected, init);

    /// <summary><c>k_object_validate(ko, expected, init)</c> on an object already found (see <see cref="ObjectValidate"/>); a freed object is not an object.</summary>
    internal static int ValidateObject(KThread caller, KObject? ko, KObjectKind expected, ObjectInitCheck init)
    {
        if (ko is null || ko.IsFreed || (expected != KObjectKind.Any && ko.Kind != expected))
        {
            return -Errno.EBadF;
        }

        if (!ko.IsPublic && !ko.HasPermissionIndex(caller.ThreadIndex))
        {
            return -Errno.EPerm;
        }

        bool initialized = ko.IsInitialized;
        if (init == ObjectInitCheck.MustBeInitialized && !initialized)
        {
            return -Errno.EInval;
        }

        if (init == ObjectInitCheck.MustNotBeInitialized && initialized)
        {
            return -Errno.EAddrInUse;
        }

        return 0;
    }

    /// <summary>
    /// <c>k_object_validation_check</c>: validates, and on failure returns the message <c>k_object_dump_error</c> would
    /// log (for the oops report); <see langword="null"/> when the object passes.
    /// </summary>
    internal string? ObjectValidationCheck(KThread caller, uint address, KObjectKind expected, ObjectInitCheck init)
    {
        int error = ObjectValidate(caller, address, expected, init);
        return error == 0 ? null : DescribeObjectError(caller, address, expected, error);
    }

    /// <summary>
    /// <c>k_object_dump_error</c>: what a failed validation of <paramref name="address"/> by <paramref name="caller"/> means,
    /// in Zephyr's words ("0x… is not a valid k_sem", "thread 0x… (3) does not have permission on k_sem 0x…",
    /// "0x… used before initialization", "0x… k_thread in use").
    /// </summary>
    internal string DescribeObjectError(KThread caller, uint address, KObjectKind expected, int error)
    {
        KObject? ko = FindObject(address);
        string expectedName = KObject.ZephyrNameOf(expected);
        return error switch
        {
            -Errno.EBadF => ko is null || ko.IsFreed
                ? $"0x{address:X8} is not a valid {expectedName}: address is not a known kernel object"
                : $"0x{address:X8} is not a valid {expectedName}: address is actually a {ko.ZephyrTypeName} ('{ko.Name}')",
            -Errno.EPerm => $"thread 0x{caller.Address:X8} ({caller.ThreadIndex}) does not have permission on {ko?.ZephyrTypeName ?? expectedName} 0x{address:X8}" +
                $"{(ko is null ? string.Empty : $" ('{ko.Name}')")}; permission bitmap: {PermissionHex(ko)}",
            -Errno.EInval => $"0x{address:X8} used before initialization{(ko is null ? string.Empty : $" ({ko.ZephyrTypeName} '{ko.Name}')")}",
            -Errno.EAddrInUse => $"0x{address:X8} {ko?.ZephyrTypeName ?? expectedName} in use{(ko is null ? string.Empty : $" ('{ko.Name}')")}",
            _ => $"0x{address:X8}: object validation failed with {error}",
        };
    }

    /// <summary><c>k_thread_perms_set</c>: sets <paramref name="thread"/>'s bit on <paramref name="obj"/> (taking an index for the thread if it has none).</summary>
    internal void GrantPermission(KObject obj, KThread thread)
    {
        int index = EnsureThreadIndex(thread);
        if (index >= 0 && !obj.IsFreed)
        {
            obj.SetPermission(index);
        }
    }

    /// <summary><c>k_thread_perms_clear</c>: clears <paramref name="thread"/>'s bit on <paramref name="obj"/> and frees a dynamic object left without permissions.</summary>
    internal void RevokePermission(KObject obj, KThread thread)
    {
        if (thread.ThreadIndex >= 0)
        {
            UnrefCheck(obj, thread.ThreadIndex);
        }
    }

    /// <summary>
    /// Creation's permission part (<c>z_setup_new_thread</c>): the thread gets an index (unless it has one, from a grant
    /// made before creation), permission on its own object, and with <c>K_INHERIT_PERMS</c> every permission of its
    /// creator except on the creator's own thread object (<c>k_thread_perms_inherit</c>).
    /// </summary>
    private void InitThreadPermissions(KThread? creator, KThread thread, ThreadOptions options)
    {
        int index = EnsureThreadIndex(thread);
        if (index < 0)
        {
            return;
        }

        thread.SetPermission(index);
        if ((options & ThreadOptions.InheritPerms) != 0 && creator is not null && creator.ThreadIndex >= 0)
        {
            int parent = creator.ThreadIndex;
            foreach (KObject obj in _objectList)
            {
                if (obj != creator && obj.HasPermissionIndex(parent))
                {
                    obj.SetPermission(index);
                }
            }
        }
    }

    /// <summary>
    /// Exit's permission part (<c>k_thread_perms_all_clear</c>, then <c>thread_idx_free</c>): the thread's bit is cleared on
    /// every object (dynamic objects left without permissions are freed), and its index goes back to the map so the next
    /// thread that takes it starts clean. The thread object and its stack, if dynamic and unreferenced, are freed now that
    /// the thread is dead.
    /// </summary>
    private void ExitThreadPermissions(KThread thread)
    {
        int index = thread.ThreadIndex;
        if (index >= 0)
        {
            thread.ThreadIndex = -1;
            SweepIndex(index);
            ThreadIndices.Free(index);
        }

        UnrefCheck(thread, -1);
        if (thread.Stack is { } stack)
        {
            UnrefCheck(stack, -1);
        }
    }

    /// <summary>Gives the thread an index if it has none (<c>thread_idx_alloc</c>: the lowest free one, cleared on every object first); -1 when none is free.</summary>
    private int EnsureThreadIndex(KThread thread)
    {
        if (thread.ThreadIndex >= 0 || thread.IsFreed)
        {
            return thread.ThreadIndex;
        }

        int index = AllocateThreadIndex();
        if (index < 0)
        {
            if (!_warnedNoThreadIndex)
            {
                _warnedNoThreadIndex = true;
                _log.Warning("No free thread index for {Thread}: all {Count} are taken (KernelOptions.MaxThreadBytes = {Bytes}); it cannot hold object permissions", thread.ThreadName, ThreadIndexCount, ThreadIndexBytes);
            }

            return -1;
        }

        thread.ThreadIndex = index;
        return index;
    }

    /// <summary><c>thread_idx_alloc</c>: the lowest free index, with stale bits for it cleared on every object; -1 when none is free.</summary>
    private int AllocateThreadIndex()
    {
        int index = ThreadIndices.Allocate();
        if (index >= 0)
        {
            SweepIndex(index);
        }

        return index;
    }

    /// <summary><c>clear_perms_cb</c> over every object: <c>unref_check(ko, index)</c>, which also frees orphaned dynamic objects.</summary>
    private void SweepIndex(int index)
    {
        foreach (KObject obj in _objectList.ToArray())
        {
            if (!obj.IsFreed)
            {
                UnrefCheck(obj, index);
            }
        }
    }

    /// <summary>
    /// <c>unref_check</c>: clears bit <paramref name="index"/> (none for -1); a dynamic object with no bit left gets its type
    /// clean-up (msgq, k_stack, pipe: a buffer from a resource pool goes back to it; results ignored, as Zephyr) and is freed. Bora keeps a dynamic thread object while
    /// its thread lives, and a dynamic thread stack while a live thread runs on it; they are freed at the thread's exit.
    /// </summary>
    private void UnrefCheck(KObject obj, int index)
    {
        if (index >= 0)
        {
            obj.ClearPermission(index);
        }

        if (!obj.IsDynamic || obj.IsFreed || obj.HasAnyPermission())
        {
            return;
        }

        if (obj is KThread { IsDead: false } or ThreadStack { InUseBy.IsDead: false })
        {
            return;
        }

        if (obj is IPoolBufferedObject pooled)
        {
            _ = CleanupPoolObject(pooled, out uint poolBuffer);
            FreeKernelBlock(poolBuffer);
        }

        FreeDynamicObject(obj);
    }

    private static string PermissionHex(KObject? ko)
    {
        if (ko is null)
        {
            return "(none)";
        }

        var text = new StringBuilder();
        foreach (byte b in ko.PermissionBytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private KThread HostThreadObject(ThreadHandle thread, string api) =>
        FindObject(thread.Address) as KThread
        ?? throw new ArgumentException($"{api}: {thread} is not a thread object; declare it with DeclareThread (or pass a live thread's handle)", nameof(thread));

    private KObject HostObject(KObjectHandle obj, string api) =>
        FindObject(obj.Address)
        ?? throw new ArgumentException($"{api}: {obj} is not a kernel object (never defined, or a dynamic object already freed)", nameof(obj));
}
