using Bora.Hal;

namespace Bora.Machine;

/// <summary>
/// Asks a protection model, without performing any access and without latching fault status, whether
/// an unprivileged access to every byte of a range would be allowed — what PMSAv8's TT instruction
/// answers in hardware. MPU drivers build <c>arch_buffer_validate</c> on it so that it can never report
/// a success the hardware would contradict.
/// </summary>
public static class UserAccessCheck
{
    /// <summary>
    /// Whether user mode may read (and, with <paramref name="write"/>, also write) every byte of
    /// <c>[address, address + size)</c>. An empty range or one that wraps past 0xFFFFFFFF is refused.
    /// </summary>
    public static bool Allows(IProtectionModel model, uint address, uint size, bool write)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (size == 0 || (ulong)address + size > (1UL << 32))
        {
            return false;
        }

        ulong end = (ulong)address + size;
        return Covers(model, address, end, AccessKind.Read) && (!write || Covers(model, address, end, AccessKind.Write));
    }

    private static bool Covers(IProtectionModel model, ulong address, ulong end, AccessKind kind)
    {
        for (ulong a = address; a < end;)
        {
            AccessDecision decision = model.Decide((uint)a, kind, Privilege.User);
            if (!decision.IsAllowed)
            {
                return false;
            }

            a = (ulong)decision.WindowEnd + 1;
        }

        return true;
    }
}
