namespace Bora.Kernel;

/// <summary>Stack objects (<c>k_stack</c>): definition (host API) and kernel calls.</summary>
public sealed partial class BoraKernel
{
    /// <summary>Defines an initialised stack object of <paramref name="numEntries"/> words (<c>K_STACK_DEFINE</c>); the image reserves its buffer in kernel data.</summary>
    /// <exception cref="ArgumentException">The buffer size overflows 32 bits.</exception>
    public KStackHandle DefineKStack(string name, uint numEntries)
    {
        EnsureHostAccess(nameof(DefineKStack));
        ulong total = (ulong)numEntries * KStack.EntrySize;
        if (total > uint.MaxValue)
        {
            throw new ArgumentException($"K_STACK_DEFINE({name}, {numEntries}): the buffer size overflows 32 bits");
        }

        KStack stack = DeclareKStackCore(name);
        uint buffer = total == 0 ? 0 : Layout.KernelData.Allocate((uint)total, KStack.EntrySize, $"k_stack '{name}' buffer");
        stack.InitStatic(buffer, numEntries);
        return stack.Handle;
    }

    /// <summary>Declares an uninitialised stack object (a global <c>struct k_stack name;</c>; call <c>k_stack_init</c> before use).</summary>
    public KStackHandle DeclareKStack(string name)
    {
        EnsureHostAccess(nameof(DeclareKStack));
        return DeclareKStackCore(name).Handle;
    }

    /// <summary>The stack object at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a stack object.</exception>
    public KStack GetKStack(KStackHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KStack ?? throw new ArgumentException($"{handle} is not a k_stack", nameof(handle));

    internal int CallKStackInit(KThread caller, KStackHandle stack, uint buffer, uint numEntries)
    {
        Enter(caller, KernelCall.StackInit);
        return Exit(caller, KernelCall.StackInit, LookupKStack(caller, stack).Init(buffer, numEntries));
    }

    internal int CallKStackPush(KThread caller, KStackHandle stack, uint data)
    {
        Enter(caller, KernelCall.StackPush);
        return Exit(caller, KernelCall.StackPush, LookupKStack(caller, stack).Push(data));
    }

    /// <summary><c>k_stack_pop</c>: the popped word is stored at <paramref name="dataAddress"/> (through the checked accessors) unless it is 0, and returned in <paramref name="data"/>.</summary>
    internal int CallKStackPop(KThread caller, KStackHandle stack, uint dataAddress, KTimeout timeout, out uint data)
    {
        Enter(caller, KernelCall.StackPop);
        int result = LookupKStack(caller, stack).Pop(caller, timeout, out data);
        if (result == 0 && dataAddress != 0)
        {
            _cpu.WriteUInt32(dataAddress, data);
        }

        return Exit(caller, KernelCall.StackPop, result);
    }

    internal int CallKStackCleanup(KThread caller, KStackHandle stack)
    {
        Enter(caller, KernelCall.StackCleanup);
        int result = CleanupPoolObject(LookupKStack(caller, stack), out uint poolBuffer);
        HeapFree(caller, poolBuffer);

        return Exit(caller, KernelCall.StackCleanup, result);
    }

    private KStack LookupKStack(KThread caller, KStackHandle stack) => Lookup<KStack>(caller, stack.Address, "k_stack");

    private KStack DeclareKStackCore(string name)
    {
        return DefineObject(name, KObjectSizes.Stack, "k_stack", address => new KStack(this, address, name));
    }
}
