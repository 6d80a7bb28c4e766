using System.Diagnostics.CodeAnalysis;

namespace Bora.Kernel;

/// <summary>The kernel-object area: definition and lookup by address.</summary>
public sealed partial class BoraKernel
{
    private readonly Dictionary<uint, KObject> _objects = [];
    private readonly List<KObject> _objectList = [];
    private readonly List<KThread> _threads = [];
    private readonly List<ThreadStack> _stacks = [];

    internal KernelCosts Costs => _costs;

    internal void ChargeWork(uint cycles) => Charge(cycles);

    private KThread DeclareThreadCore(string name)
    {
        KThread thread = DefineObject(name, KObjectSizes.Thread, "k_thread", address => new KThread(this, address, name));
        _threads.Add(thread);
        return thread;
    }

    private KSemaphore DefineSemaphoreCore(string name)
    {
        return DefineObject(name, KObjectSizes.Semaphore, "k_sem", address => new KSemaphore(this, address, name));
    }

    private KMutex DefineMutexCore(string name)
    {
        return DefineObject(name, KObjectSizes.Mutex, "k_mutex", address => new KMutex(this, address, name));
    }

    /// <summary>
    /// Lays out a stack object the way <c>K_THREAD_STACK_DEFINE</c> does with this arch's geometry:
    /// reserved bytes (guard, privilege stack) first, then the buffer, aligned (and, where the MPU
    /// needs it, sized and aligned to a power of two).
    /// </summary>
    private ThreadStack DefineStackCore(string name, uint size)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (size < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"stack '{name}' must have at least 64 usable bytes (an initial frame and an exception frame)");
        }

        (uint reserved, uint buffer, uint alignment) = StackObjectLayout(size);
        uint address = Layout.Stacks.Allocate(reserved + buffer, alignment, $"stack '{name}'");
        var stack = new ThreadStack(this, address, reserved + buffer, name, reserved, _options.StackGeometry.GuardBytes);
        AddObject(stack);
        _stacks.Add(stack);
        return stack;
    }

    /// <summary>The reserved bytes, buffer bytes and alignment of a stack object of <paramref name="size"/> usable bytes on this arch.</summary>
    private (uint Reserved, uint Buffer, uint Alignment) StackObjectLayout(uint size)
    {
        StackGeometry g = _options.StackGeometry;
        uint alignment = Math.Max(Math.Max(g.Alignment, g.PointerAlignment), 4);
        uint buffer = RoundUp(size, alignment);
        uint reserved = RoundUp(g.ReservedBytes, alignment);
        if (g.PowerOfTwoSize && reserved == 0)
        {
            // At least the arch's alignment, its smallest region (ARC v2: Z_ARC_MPU_SIZE_ALIGN, 2 KiB).
            buffer = Math.Max(Math.Max(32u, alignment), System.Numerics.BitOperations.RoundUpToPowerOf2(size));
            alignment = Math.Max(alignment, buffer);
        }
        else if (g.PowerOfTwoSize)
        {
            // The user-stack region spans the whole object (stack_obj .. buffer end): the object is the power of
            // two, aligned to itself, with the reserved bytes (the guard) at its start (Z_THREAD_STACK_OBJ_ALIGN).
            uint whole = Math.Max(Math.Max(32u, alignment), System.Numerics.BitOperations.RoundUpToPowerOf2(size + reserved));
            alignment = Math.Max(alignment, whole);
            buffer = whole - reserved;
        }

        return (reserved, buffer, alignment);
    }

    /// <summary>Places a <paramref name="zephyrType"/> of <paramref name="size"/> bytes in the kernel-object area and registers it.</summary>
    private T DefineObject<T>(string name, uint size, string zephyrType, Func<uint, T> create)
        where T : KObject
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        uint address = Layout.Objects.Allocate(size, KObjectSizes.Alignment, $"{zephyrType} '{name}'");
        T obj = create(address);
        AddObject(obj);
        return obj;
    }

    private void AddObject(KObject obj)
    {
        _objects.Add(obj.Address, obj);
        _objectList.Add(obj);
    }

    /// <summary>
    /// The object of type <typeparamref name="T"/> at <paramref name="address"/>. Anything else is an
    /// oops of the caller: a C program passing such a pointer would corrupt memory; Bora names it.
    /// </summary>
    internal T Lookup<T>(KThread caller, uint address, string zephyrType)
        where T : KObject
    {
        if (_objects.TryGetValue(address, out KObject? obj) && obj is T typed)
        {
            return typed;
        }

        ReportBadObject(caller, address, zephyrType, obj);
        return null!;
    }

    /// <summary>The stack object holding <paramref name="address"/>, or <see langword="null"/>.</summary>
    internal ThreadStack? StackContaining(uint address)
    {
        foreach (ThreadStack s in _stacks)
        {
            if (address >= s.Address && address < s.Address + s.Size)
            {
                return s;
            }
        }

        return null;
    }

    [DoesNotReturn]
    private void ReportBadObject(KThread caller, uint address, string zephyrType, KObject? found)
    {
        string message = found is null
            ? $"0x{address:X8} is not a kernel object (-EBADF): a struct {zephyrType} was expected"
            : $"0x{address:X8} is {found}, not a struct {zephyrType}";
        Fatal(caller, FatalReason.KernelOops, null, message);
    }

    private static uint RoundUp(uint value, uint alignment) => (value + alignment - 1) & ~(alignment - 1);
}
