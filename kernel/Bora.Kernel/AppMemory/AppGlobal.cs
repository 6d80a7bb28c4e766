namespace Bora.Kernel.AppMemory;

/// <summary>
/// An app global (<c>K_APP_DMEM</c>, <c>K_APP_BMEM</c> or a routed library global): a declaration, and the typed
/// accessors of <see cref="AppVar{T}"/> and <see cref="AppArray{T}"/>. Its memory is simulated memory in its
/// partition; every read and write goes through the running thread's checked accessors (the CPU of
/// <see cref="KernelContext.Current"/>), so the protection hardware decides each one.
/// </summary>
public abstract class AppGlobal
{
    private protected AppGlobal(AppGlobalDeclaration declaration)
    {
        Declaration = declaration ?? throw new ArgumentNullException(nameof(declaration));
    }

    /// <summary>What was declared.</summary>
    public AppGlobalDeclaration Declaration { get; }

    /// <summary>The global's name.</summary>
    public string Name => Declaration.Name;

    /// <summary>The global's address in the running kernel (no access is made).</summary>
    /// <exception cref="InvalidOperationException">Not called from a kernel thread, or the kernel did not lay this global out.</exception>
    public uint Address => KernelContext.Require(Name).Kernel.AppMemory.AddressOf(this);

    /// <summary>The global's address in <paramref name="kernel"/> (host side; no access is made).</summary>
    public uint AddressIn(BoraKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.AppMemory.AddressOf(this);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>The CPU of the running kernel and the address of the byte at <paramref name="offset"/>.</summary>
    private protected (Cpu Cpu, uint Address) Resolve(uint offset)
    {
        KernelContext context = KernelContext.Require(Name);
        return (context.Kernel.Machine.Cpu, context.Kernel.AppMemory.AddressOf(this) + offset);
    }

    /// <summary>A checked load of an element of type <typeparamref name="T"/> (1, 2, 4 or 8 bytes).</summary>
    private protected static T Load<T>(Cpu cpu, uint address)
        where T : unmanaged
    {
        ulong raw = Unsafe.SizeOf<T>() switch
        {
            1 => cpu.ReadByte(address),
            2 => cpu.ReadUInt16(address),
            4 => cpu.ReadUInt32(address),
            _ => cpu.ReadUInt64(address),
        };
        return Unsafe.As<ulong, T>(ref raw);
    }

    /// <summary>A checked store of an element of type <typeparamref name="T"/>.</summary>
    private protected static void Store<T>(Cpu cpu, uint address, T value)
        where T : unmanaged
    {
        ulong raw = 0;
        Unsafe.As<ulong, T>(ref raw) = value;
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                cpu.WriteByte(address, (byte)raw);
                break;
            case 2:
                cpu.WriteUInt16(address, (ushort)raw);
                break;
            case 4:
                cpu.WriteUInt32(address, (uint)raw);
                break;
            default:
                cpu.WriteUInt64(address, raw);
                break;
        }
    }

    /// <summary>Checks that <typeparamref name="T"/> is an element type app memory holds.</summary>
    private protected static void RequireElement<T>()
        where T : unmanaged
    {
        Type t = typeof(T);
        if (t != typeof(byte) && t != typeof(sbyte) && t != typeof(short) && t != typeof(ushort) && t != typeof(int)
            && t != typeof(uint) && t != typeof(long) && t != typeof(ulong) && t != typeof(bool))
        {
            throw new NotSupportedException($"app globals hold byte, sbyte, short, ushort, int, uint, long, ulong or bool, not {t.Name}");
        }
    }
}
