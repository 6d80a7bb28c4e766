using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>The ARC permission rule shared by every MPU version.</summary>
internal static class ArcPermissions
{
    /// <summary>
    /// Whether <paramref name="attributes"/> let <paramref name="kind"/> through at <paramref name="privilege"/>.
    /// User mode gets the U bits; kernel mode gets the K bits or the U bits (a user permission is also a
    /// kernel permission, as the Synopsys-authored QEMU model states). Stack pushes are stores and stack
    /// pops are loads.
    /// </summary>
    public static bool Allows(ArcMpuAttributes attributes, AccessKind kind, Privilege privilege)
    {
        (ArcMpuAttributes user, ArcMpuAttributes kernel) = kind switch
        {
            AccessKind.Execute => (ArcMpuAttributes.UE, ArcMpuAttributes.KE),
            AccessKind.Write or AccessKind.StackPush => (ArcMpuAttributes.UW, ArcMpuAttributes.KW),
            _ => (ArcMpuAttributes.UR, ArcMpuAttributes.KR),
        };
        ArcMpuAttributes granting = privilege == Privilege.User ? user : user | kernel;
        return (attributes & granting) != 0;
    }
}
