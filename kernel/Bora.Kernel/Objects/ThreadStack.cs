namespace Bora.Kernel.Objects;

/// <summary>
/// A thread stack object (<c>K_THREAD_STACK_DEFINE</c>): <see cref="KObject.Address"/> is its lowest
/// address; the arch's reserved bytes (guard, privilege stack) come first, then the usable buffer.
/// </summary>
public sealed class ThreadStack : KObject
{
    internal ThreadStack(BoraKernel kernel, uint address, uint objectSize, string name, uint reservedBytes, uint guardBytes)
        : base(kernel, address, objectSize, KObjectKind.ThreadStack, name)
    {
        BufferStart = address + reservedBytes;
        BufferSize = objectSize - reservedBytes;
        GuardStart = address + reservedBytes - guardBytes;
        GuardBytes = guardBytes;
    }

    /// <summary>First address of the usable buffer (<c>K_THREAD_STACK_BUFFER</c>).</summary>
    public uint BufferStart { get; }

    /// <summary>Usable bytes (<c>K_THREAD_STACK_SIZEOF</c>).</summary>
    public uint BufferSize { get; }

    /// <summary>First address of the hardware guard just below the buffer.</summary>
    public uint GuardStart { get; }

    /// <summary>Bytes of hardware guard (zero without a guard).</summary>
    public uint GuardBytes { get; }

    /// <summary>The stack as a handle.</summary>
    public StackHandle Handle => new(Address);

    /// <summary>Whether the object is a kernel-only stack (<c>K_KERNEL_STACK_DEFINE</c>), which cannot host a user thread.</summary>
    public bool IsKernelOnly { get; internal set; }

    /// <summary>Start of the privilege-elevation stack allocated for this object in kernel RAM (0 until a user thread needs one).</summary>
    internal uint PrivilegeStackStart { get; set; }

    /// <summary>The thread using the stack, or <see langword="null"/> when it is free.</summary>
    public KThread? InUseBy { get; internal set; }

    /// <summary>A stack object is initialised while a live thread uses it (<c>k_object_init(stack)</c> at creation, <c>k_object_uninit</c> at exit).</summary>
    public override bool IsInitialized => InUseBy is { IsDead: false };
}
