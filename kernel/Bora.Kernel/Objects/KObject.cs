namespace Bora.Kernel.Objects;

/// <summary>
/// A kernel object: it occupies its Zephyr struct's size at <see cref="Address"/> in the
/// kernel-object area; its state lives in C#.
/// </summary>
public abstract class KObject
{
    private readonly byte[] _permissions;
    private KObjectFlags _flags;

    private protected KObject(BoraKernel kernel, uint address, uint size, KObjectKind kind, string name)
    {
        Kernel = kernel;
        Address = address;
        Size = size;
        Kind = kind;
        Name = name;
        _permissions = new byte[kernel.ThreadIndexBytes];
        Origin = kernel.IsBooted ? KObjectOrigin.Runtime : KObjectOrigin.Image;
    }

    /// <summary>Where the object came from: the image, supervisor code at run time, or <c>k_object_alloc</c>.</summary>
    public KObjectOrigin Origin { get; internal set; }

    /// <summary>The object's flags (<c>K_OBJ_FLAG_*</c>), with <see cref="KObjectFlags.Initialized"/> as <see cref="IsInitialized"/> says.</summary>
    public KObjectFlags Flags => (_flags & ~KObjectFlags.Initialized) | (IsInitialized ? KObjectFlags.Initialized : KObjectFlags.None);

    /// <summary>
    /// Whether the object is initialised (<c>K_OBJ_FLAG_INITIALIZED</c>): its init function ran, or it was defined
    /// initialised in the image. A thread is initialised while it is alive, a thread stack while a live thread uses it.
    /// </summary>
    public virtual bool IsInitialized => (_flags & KObjectFlags.Initialized) != 0;

    /// <summary>Whether every thread passes the permission test (<c>k_object_access_all_grant</c>).</summary>
    public bool IsPublic => (_flags & KObjectFlags.Public) != 0;

    /// <summary>Whether the object was allocated by <c>k_object_alloc</c> (<c>K_OBJ_FLAG_ALLOC</c>, <see cref="KObjectFlags.Allocated"/>).</summary>
    public bool IsDynamic => (_flags & KObjectFlags.Allocated) != 0;

    /// <summary>Whether the object was a dynamic object that has been freed: its address is no longer an object.</summary>
    public bool IsFreed { get; internal set; }

    /// <summary>The thread indices whose permission bit is set, in increasing order.</summary>
    public IReadOnlyList<int> PermissionIndices
    {
        get
        {
            var indices = new List<int>();
            for (int i = 0; i < _permissions.Length * 8; i++)
            {
                if (HasPermissionIndex(i))
                {
                    indices.Add(i);
                }
            }

            return indices;
        }
    }

    /// <summary>The permission bitmap (<c>perms[CONFIG_MAX_THREAD_BYTES]</c>), bit <c>i</c> of byte <c>i / 8</c> for thread index <c>i</c>.</summary>
    internal ReadOnlySpan<byte> PermissionBytes => _permissions;

    /// <summary>The heap block holding a dynamic object (the address below the object's heap word), or 0.</summary>
    internal uint AllocationBlock { get; set; }

    /// <summary>The heap a dynamic object was allocated from.</summary>
    internal KHeap? AllocationHeap { get; set; }

    /// <summary>
    /// Whether <paramref name="thread"/> has permission on the object: its thread index's bit is set. A public
    /// object passes the permission test without a bit; this reports the bit only.
    /// </summary>
    public bool HasPermission(KThread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return HasPermissionIndex(thread.ThreadIndex);
    }

    internal bool HasPermissionIndex(int index) =>
        index >= 0 && index < _permissions.Length * 8 && (_permissions[index >> 3] & (1 << (index & 7))) != 0;

    internal void SetPermission(int index) => _permissions[index >> 3] |= (byte)(1 << (index & 7));

    internal void ClearPermission(int index) => _permissions[index >> 3] &= (byte)~(1 << (index & 7));

    internal void ClearPermissions() => Array.Clear(_permissions);

    internal bool HasAnyPermission() => _permissions.AsSpan().ContainsAnyExcept((byte)0);

    /// <summary><c>k_object_init</c>: sets <see cref="KObjectFlags.Initialized"/>.</summary>
    internal void MarkInitialized() => _flags |= KObjectFlags.Initialized;

    /// <summary><c>k_object_uninit</c>: clears <see cref="KObjectFlags.Initialized"/>.</summary>
    internal void MarkUninitialized() => _flags &= ~KObjectFlags.Initialized;

    internal void MarkPublic() => _flags |= KObjectFlags.Public;

    internal void MarkAllocated() => _flags |= KObjectFlags.Allocated;

    /// <summary>The address that identifies the object.</summary>
    public uint Address { get; }

    /// <summary>Bytes the object occupies.</summary>
    public uint Size { get; }

    /// <summary>The object's type.</summary>
    public KObjectKind Kind { get; }

    /// <summary>The symbol name it was defined with.</summary>
    public string Name { get; }

    /// <summary>The Zephyr type name (<c>k_sem</c>, <c>k_mutex</c>, ...).</summary>
    public string ZephyrTypeName => ZephyrNameOf(Kind);

    /// <summary>The Zephyr type name of <paramref name="kind"/> (<c>k_sem</c>, <c>k_mutex</c>, ...; <c>k_object</c> for <see cref="KObjectKind.Any"/>).</summary>
    public static string ZephyrNameOf(KObjectKind kind) => kind switch
    {
        KObjectKind.Semaphore => "k_sem",
        KObjectKind.Mutex => "k_mutex",
        KObjectKind.Thread => "k_thread",
        KObjectKind.Event => "k_event",
        KObjectKind.Timer => "k_timer",
        KObjectKind.Heap => "k_heap",
        KObjectKind.MemSlab => "k_mem_slab",
        KObjectKind.Condvar => "k_condvar",
        KObjectKind.MessageQueue => "k_msgq",
        KObjectKind.Stack => "k_stack",
        KObjectKind.Queue => "k_queue",
        KObjectKind.Pipe => "k_pipe",
        KObjectKind.PollSignal => "k_poll_signal",
        KObjectKind.Any => "k_object",
        _ => "k_thread_stack",
    };

    private protected BoraKernel Kernel { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{ZephyrTypeName} '{Name}' @0x{Address:X8}";
}
