namespace Bora.Kernel.AppMemory;

/// <summary>
/// An array app global: <c>K_APP_BMEM(part) uint8_t buf[64];</c>. Each element access is one checked load or store
/// in the running kernel, at the running thread's privilege.
/// </summary>
/// <typeparam name="T">byte, sbyte, short, ushort, int, uint, long, ulong or bool.</typeparam>
public sealed class AppArray<T> : AppGlobal
    where T : unmanaged
{
    /// <summary>Wraps <paramref name="declaration"/> (emitted by Bora.AppMemGen).</summary>
    public AppArray(AppGlobalDeclaration declaration)
        : base(declaration)
    {
        RequireElement<T>();
        Length = (int)(declaration.Size / (uint)Unsafe.SizeOf<T>());
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Element <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the array (a C program would reach a neighbour; Bora refuses).</exception>
    public T this[int index]
    {
        get
        {
            (Cpu cpu, uint address) = Resolve(Offset(index));
            return Load<T>(cpu, address);
        }

        set
        {
            (Cpu cpu, uint address) = Resolve(Offset(index));
            Store(cpu, address, value);
        }
    }

    /// <summary>The address of element <paramref name="index"/> in the running kernel (no access is made).</summary>
    public uint AddressOf(int index) => Resolve(Offset(index)).Address;

    private uint Offset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        return (uint)(index * Unsafe.SizeOf<T>());
    }
}
