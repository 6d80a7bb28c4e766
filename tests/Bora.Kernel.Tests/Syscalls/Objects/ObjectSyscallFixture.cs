using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary>
/// Base of the object-syscall tests (every board, as <see cref="SyscallFixture"/>): user threads granted the objects
/// they use, the bad-argument classes of the object verifiers, and the object set-ups they need.
/// </summary>
public abstract class ObjectSyscallFixture : SyscallFixture
{
    /// <summary>Creates the fixture for <paramref name="board"/>.</summary>
    protected ObjectSyscallFixture(string board)
        : base(board)
    {
    }

    /// <summary>An address in the user partition that is not a kernel object.</summary>
    protected uint NotAnObject => UserBuffer + 0x40;

    /// <summary>
    /// From the (cooperative) ztest thread: a <c>K_USER</c> thread in the test domain granted <paramref name="objects"/>
    /// before it first runs (<c>k_thread_access_grant</c>), then joined.
    /// </summary>
    protected ThreadHandle SpawnGranted(string name, Action body, params KObjectHandle[] objects)
    {
        ThreadHandle t = SpawnUser(name, body, join: false);
        k_thread_access_grant(t, objects);
        Assert.That(k_thread_join(t, K_FOREVER), Is.Zero);
        return t;
    }

    /// <summary>From the ztest thread: the system heap as its resource pool, which the threads it creates inherit.</summary>
    protected static void UseSystemPool() => k_thread_system_pool_assign(k_current_get());

    /// <summary>From the ztest thread: a dynamic, uninitialised object of <paramref name="type"/> (the ztest thread gets the system pool).</summary>
    protected static KObjectHandle AllocUninitialized(KObjectKind type)
    {
        UseSystemPool();
        KObjectHandle obj = k_object_alloc(type);
        Assert.That(obj.IsNull, Is.False, $"k_object_alloc({type})");
        return obj;
    }

    /// <summary>
    /// A user thread holding permission on the object <paramref name="setup"/> makes (made public, Zephyr's
    /// <c>k_object_access_all_grant</c>, so the culprit passes the permission check) calls <paramref name="culprit"/>
    /// with its address, which must oops only the caller with <paramref name="messagePart"/>.
    /// </summary>
    protected void AssertObjectOops(Func<KObjectHandle> setup, Action<uint> culprit, string messagePart, bool makePublic = true, Func<MemPartition[]>? extra = null)
    {
        uint address = 0;
        AssertOopsOnlyCaller(
            () => culprit(address),
            messagePart,
            setup: () =>
            {
                KObjectHandle obj = setup();
                if (makePublic && FindObjectOrNull(obj) is not null)
                {
                    k_object_access_all_grant(obj);
                }

                address = obj.Address;
            },
            extra: extra);
    }

    /// <summary>A read-only (P_RO_U_RO) partition for write checks, with its address.</summary>
    protected (uint Address, Func<MemPartition[]> Partitions) ReadOnlyPartition()
    {
        uint ro = Reserve("ro_part");
        return (ro, () => [K_MEM_PARTITION_DEFINE("ro_part", ro, PartSize, PartitionPermissions.P_RO_U_RO)]);
    }

    /// <summary>An address in kernel data (never the caller's).</summary>
    protected uint KernelAddress => (uint)K.Layout.KernelData.Start + 0x100;

    private KObject? FindObjectOrNull(KObjectHandle obj) => K.FindObject(obj.Address);
}
