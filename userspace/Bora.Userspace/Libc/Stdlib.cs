using Bora.Kernel.AppMemory;

namespace Bora.Userspace.Libc;

/// <summary>
/// <c>rand</c> and <c>srand</c> of the minimal C library: the state is an untagged library global, routed to
/// <c>z_libc_partition</c>, and every access is a checked access of the calling thread.
/// </summary>
public static partial class Stdlib
{
    /// <summary><c>RAND_MAX</c>.</summary>
    public const int RandMax = 0x7FFF_FFFF;

    /// <summary>The generator state (<c>srand(1)</c> at boot, as C requires).</summary>
    [AppData(1u)]
    public static partial AppVar<uint> rand_state { get; }

    /// <summary><c>srand</c>.</summary>
    public static void srand(uint seed) => rand_state.Value = seed;

    /// <summary><c>rand</c>: minimal libc's linear congruential generator, 0 to <see cref="RandMax"/>.</summary>
    public static int rand()
    {
        uint next = unchecked((rand_state.Value * 1103515245u) + 12345u);
        rand_state.Value = next;
        return (int)(next & RandMax);
    }
}
