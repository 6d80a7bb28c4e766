namespace Bora.Kernel.Syscalls;

/// <summary>
/// How a <see cref="KTimeout"/> travels as two syscall words (lo, hi). Bora's <c>k_timeout_t</c> keeps its unit
/// (<see cref="TimeoutKind"/>) and the kernel converts to ticks when it uses it, so the 64-bit image carries the
/// kind in bits 63..61 and the amount, two's complement, in bits 60..0.
/// </summary>
public static class SyscallWords
{
    private const int KindShift = 61;
    private const long MaxAmount = (1L << 60) - 1;
    private const long MinAmount = -(1L << 60);
    private const ulong AmountMask = (1UL << KindShift) - 1;

    /// <summary>The 64-bit image of <paramref name="timeout"/>; an amount beyond ±2^60 is clamped (far beyond any tick count).</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The image, lo word first when split.</returns>
    public static ulong FromTimeout(KTimeout timeout)
    {
        long amount = Math.Clamp(timeout.Value, MinAmount, MaxAmount);
        return ((ulong)timeout.Kind << KindShift) | ((ulong)amount & AmountMask);
    }

    /// <summary>Decodes the two words of an untrusted timeout argument.</summary>
    /// <param name="lo">Bits 31..0.</param>
    /// <param name="hi">Bits 63..32.</param>
    /// <param name="timeout">The timeout, when the kind field is valid.</param>
    /// <returns>Whether the kind field names a <see cref="TimeoutKind"/>.</returns>
    public static bool TryToTimeout(uint lo, uint hi, out KTimeout timeout)
    {
        ulong image = ((ulong)hi << 32) | lo;
        ulong kind = image >> KindShift;
        if (kind > (ulong)TimeoutKind.AbsoluteTicks)
        {
            timeout = default;
            return false;
        }

        long amount = (long)(image << (64 - KindShift)) >> (64 - KindShift);
        timeout = new KTimeout((TimeoutKind)kind, amount);
        return true;
    }
}
