namespace Bora.Kernel.AppMemory;

/// <summary>
/// A scalar app global: <c>K_APP_DMEM(part) int var1 = 37;</c>. <see cref="Value"/> loads or stores it through the
/// running thread's checked accessors, at that thread's privilege.
/// </summary>
/// <typeparam name="T">byte, sbyte, short, ushort, int, uint, long, ulong or bool.</typeparam>
public sealed class AppVar<T> : AppGlobal
    where T : unmanaged
{
    /// <summary>Wraps <paramref name="declaration"/> (emitted by Bora.AppMemGen).</summary>
    public AppVar(AppGlobalDeclaration declaration)
        : base(declaration)
    {
        RequireElement<T>();
    }

    /// <summary>The value: one checked load or store in the running kernel (a denied access faults the caller).</summary>
    public T Value
    {
        get
        {
            (Cpu cpu, uint address) = Resolve(0);
            return Load<T>(cpu, address);
        }

        set
        {
            (Cpu cpu, uint address) = Resolve(0);
            Store(cpu, address, value);
        }
    }
}
