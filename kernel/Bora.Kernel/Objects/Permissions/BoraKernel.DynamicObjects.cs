namespace Bora.Kernel;

/// <summary>
/// Dynamic kernel objects (<c>CONFIG_DYNAMIC_OBJECTS</c>): <c>k_object_alloc</c>, <c>k_object_alloc_size</c>,
/// <c>k_object_free</c>, and the kernel calls of the permission APIs. See docs/kernel-objects.md.
/// </summary>
public sealed partial class BoraKernel
{
    private int _dynamicObjectCount;

    /// <summary>
    /// <c>z_object_alloc(otype, size)</c>: a new uninitialised object of <paramref name="kind"/> from the caller's resource pool,
    /// flagged <see cref="KObjectFlags.Allocated"/>, with <paramref name="caller"/> granted permission. A thread object
    /// also takes a thread index. For a thread stack <paramref name="size"/> is its usable size (0 → none); for any
    /// other type it is extra bytes after the struct (<c>k_object_alloc</c> passes 0). Returns the object's address,
    /// or 0 for <c>K_OBJ_ANY</c>, a type Zephyr does not allocate (<c>k_heap</c>), an unknown type, no free thread
    /// index, no resource pool, or an exhausted pool.
    /// </summary>
    internal uint ObjectAlloc(KThread caller, KObjectKind kind, uint size)
    {
        if (!IsAllocatable(kind))
        {
            return 0;
        }

        uint alignment = KObjectSizes.Alignment;
        uint reserved = 0;
        ulong bytes;
        if (kind == KObjectKind.ThreadStack)
        {
            if (size == 0)
            {
                return 0;
            }

            (reserved, uint buffer, alignment) = StackObjectLayout(size);
            bytes = (ulong)reserved + buffer;
        }
        else
        {
            bytes = (ulong)KObjectSizes.Of(kind) + size;
        }

        if (bytes + 4 > uint.MaxValue)
        {
            return 0;
        }

        int index = -1;
        if (kind == KObjectKind.Thread && (index = AllocateThreadIndex()) < 0)
        {
            return 0;
        }

        // z_thread_aligned_alloc: the caller's resource pool (the system heap in an ISR), the heap's address in the
        // word below the block. A thread without a pool gets NULL, as in Zephyr.
        KHeap? heap = InIsr ? SystemHeap : caller.ResourcePool;
        uint block = heap?.Alloc(caller, alignment | 4, (uint)bytes + 4, KTimeout.NoWait) ?? 0;
        if (block == 0)
        {
            if (index >= 0)
            {
                ThreadIndices.Free(index);
            }

            return 0;
        }

        _cpu.WriteUInt32(block, heap!.Address);
        uint address = block + 4;
        KObject obj = CreateDynamicObject(kind, address, (uint)bytes, reserved);
        obj.Origin = KObjectOrigin.Dynamic;
        obj.MarkAllocated();
        obj.AllocationBlock = block;
        obj.AllocationHeap = heap;
        AddObject(obj);
        switch (obj)
        {
            case KThread thread:
                thread.ThreadIndex = index;
                _threads.Add(thread);
                break;
            case ThreadStack stack:
                _stacks.Add(stack);
                break;
        }

        GrantPermission(obj, caller);
        return address;
    }

    /// <summary>
    /// <c>k_object_free</c>: frees a dynamic object at once, whatever its permissions, with no type clean-up (Zephyr);
    /// a thread object gives its index back. A static or unknown address is ignored. Returns what is wrong when the
    /// object is a thread object whose thread is alive, or a thread stack a live thread runs on (Bora refuses; Zephyr
    /// would free memory in use), else <see langword="null"/>.
    /// </summary>
    internal string? ObjectFree(uint address)
    {
        if (FindObject(address) is not { IsDynamic: true } obj)
        {
            return null;
        }

        switch (obj)
        {
            case KThread { IsDead: false } thread:
                return $"k_object_free({obj}): thread '{thread.ThreadName}' (T{thread.Id}) is still alive; abort or join it first";
            case ThreadStack { InUseBy: { IsDead: false } user }:
                return $"k_object_free({obj}): live thread '{user.ThreadName}' (T{user.Id}) runs on this stack; abort or join it first";
        }

        FreeDynamicObject(obj);
        return null;
    }

    /// <summary>
    /// Unlinks and frees a dynamic object: its address stops being an object, a thread object's index is freed
    /// (<c>thread_idx_free</c>: cleared on every object, then given back), and the heap block goes back to the heap.
    /// </summary>
    private void FreeDynamicObject(KObject obj)
    {
        obj.IsFreed = true;
        _objects.Remove(obj.Address);
        _objectList.Remove(obj);
        if (obj is ThreadStack stack)
        {
            _stacks.Remove(stack);
        }

        if (obj is KThread { ThreadIndex: >= 0 } thread)
        {
            int index = thread.ThreadIndex;
            thread.ThreadIndex = -1;
            SweepIndex(index);
            ThreadIndices.Free(index);
        }

        obj.ClearPermissions();
        obj.AllocationHeap!.Free(obj.AllocationBlock);
        if (Verbose)
        {
            _log.Verbose("Freed dynamic object {Object}", obj);
        }
    }

    private static bool IsAllocatable(KObjectKind kind) => kind switch
    {
        KObjectKind.Thread or KObjectKind.Semaphore or KObjectKind.Mutex or KObjectKind.ThreadStack or KObjectKind.Event
            or KObjectKind.Timer or KObjectKind.MemSlab or KObjectKind.Condvar or KObjectKind.MessageQueue or KObjectKind.Stack
            or KObjectKind.Queue or KObjectKind.Pipe or KObjectKind.PollSignal => true,
        _ => false,
    };

    private KObject CreateDynamicObject(KObjectKind kind, uint address, uint bytes, uint reserved)
    {
        string name = $"dyn_{KObject.ZephyrNameOf(kind)}_{++_dynamicObjectCount}";
        return kind switch
        {
            KObjectKind.Thread => new KThread(this, address, name),
            KObjectKind.Semaphore => new KSemaphore(this, address, name),
            KObjectKind.Mutex => new KMutex(this, address, name),
            KObjectKind.ThreadStack => new ThreadStack(this, address, bytes, name, reserved, _options.StackGeometry.GuardBytes),
            KObjectKind.Event => new KEvent(this, address, name),
            KObjectKind.Timer => new KTimer(this, address, name),
            KObjectKind.MemSlab => new KMemSlab(this, address, name),
            KObjectKind.Condvar => new KCondvar(this, address, name),
            KObjectKind.MessageQueue => new KMsgq(this, address, name),
            KObjectKind.Stack => new KStack(this, address, name),
            KObjectKind.Queue => new KQueue(this, address, name, QueueFlavor.Queue),
            KObjectKind.Pipe => new KPipe(this, address, name),
            KObjectKind.PollSignal => new KPollSignal(this, address, name),
            _ => throw new InvalidOperationException($"{kind} is not allocatable (Bora bug)"),
        };
    }

    /// <summary><c>z_impl_k_object_access_grant</c>: an unknown object, or a thread argument that is not a thread object, is a silent no-op.</summary>
    internal void CallObjectAccessGrant(KThread caller, KObjectHandle obj, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ObjectAccessGrant);
        if (FindObject(obj.Address) is { } ko && FindObject(thread.Address) is KThread target)
        {
            GrantPermission(ko, target);
        }

        Exit(caller, KernelCall.ObjectAccessGrant, 0);
    }

    /// <summary><c>k_object_access_revoke</c>: unknown object or thread → no-op; a dynamic object left without permissions is freed.</summary>
    internal void CallObjectAccessRevoke(KThread caller, KObjectHandle obj, ThreadHandle thread)
    {
        Enter(caller, KernelCall.ObjectAccessRevoke);
        if (FindObject(obj.Address) is { } ko && FindObject(thread.Address) is KThread target)
        {
            RevokePermission(ko, target);
        }

        Exit(caller, KernelCall.ObjectAccessRevoke, 0);
    }

    /// <summary><c>z_impl_k_object_release</c>: <c>k_object_access_revoke(object, _current)</c>.</summary>
    internal void CallObjectRelease(KThread caller, KObjectHandle obj)
    {
        Enter(caller, KernelCall.ObjectRelease);
        if (FindObject(obj.Address) is { } ko)
        {
            RevokePermission(ko, caller);
        }

        Exit(caller, KernelCall.ObjectRelease, 0);
    }

    /// <summary><c>k_object_access_all_grant</c>: makes a known object public; unknown → no-op.</summary>
    internal void CallObjectAccessAllGrant(KThread caller, KObjectHandle obj)
    {
        Enter(caller, KernelCall.ObjectAccessAllGrant);
        FindObject(obj.Address)?.MarkPublic();
        Exit(caller, KernelCall.ObjectAccessAllGrant, 0);
    }

    /// <summary><c>z_impl_k_object_alloc</c> / <c>z_impl_k_object_alloc_size</c>: the new object's address, or 0.</summary>
    internal uint CallObjectAlloc(KThread caller, KObjectKind kind, uint size)
    {
        Enter(caller, KernelCall.ObjectAlloc);
        uint address = ObjectAlloc(caller, kind, size);
        Exit(caller, KernelCall.ObjectAlloc, unchecked((int)address));
        return address;
    }

    /// <summary><c>k_object_free</c> from a kernel thread: freeing a live thread's object or stack is an oops of the caller.</summary>
    internal void CallObjectFree(KThread caller, KObjectHandle obj)
    {
        Enter(caller, KernelCall.ObjectFree);
        if (ObjectFree(obj.Address) is { } error)
        {
            Fatal(caller, FatalReason.KernelOops, null, error);
        }

        Exit(caller, KernelCall.ObjectFree, 0);
    }
}
