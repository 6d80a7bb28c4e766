using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// A deliberately naive decision procedure written straight from arch-spec §3.3/§3.4 (QEMU's
/// <c>arc_mpu_translate</c>): scan the regions in index order for every byte. Used to check the model's
/// answers and windows.
/// </summary>
internal static class ReferenceMpu
{
    /// <summary>MPU v2: first valid region whose size-masked base matches; default region otherwise. Returns (allowed, region).</summary>
    public static (bool Allowed, int Region) V2(uint[] rdb, uint[] rdp, uint mpuEn, uint address, AccessKind kind, Privilege privilege)
    {
        if ((mpuEn & 0x4000_0000) == 0)
        {
            return (true, 0xFF);
        }

        for (int r = 0; r < rdb.Length; r++)
        {
            if ((rdb[r] & 1) == 0)
            {
                continue;
            }

            int size = Math.Max(ArcMpuV2.DecodeSize(rdp[r]), 10);
            ulong mask = ~((1UL << (size + 1)) - 1);
            if (((rdb[r] & ~0x1FUL) & mask) == (address & mask))
            {
                return (Allows(rdp[r], kind, privilege), r);
            }
        }

        return (Allows(mpuEn, kind, privilege), 0xFF);
    }

    /// <summary>MPU v4: (allowed, region, machine check).</summary>
    public static (bool Allowed, int Region, bool MachineCheck) V4(uint[] rstart, uint[] rend, uint[] rper, uint mpuEn, uint address, AccessKind kind, Privilege privilege)
    {
        int first = -1, matches = 0;
        for (int r = 0; r < rper.Length; r++)
        {
            if ((rper[r] & 1) != 0 && rend[r] >= rstart[r] && address >= rstart[r] && address <= rend[r] + 31UL)
            {
                matches++;
                first = first < 0 ? r : first;
            }
        }

        return matches switch
        {
            0 => (Allows(mpuEn, kind, privilege), 0xFF, false),
            1 => (Allows(rper[first], kind, privilege), first, false),
            _ => (false, first, true),
        };
    }

    private static bool Allows(uint perms, AccessKind kind, Privilege privilege)
    {
        (uint user, uint kernel) = kind switch
        {
            AccessKind.Execute => (0x008u, 0x040u),
            AccessKind.Write => (0x010u, 0x080u),
            _ => (0x020u, 0x100u),
        };
        return privilege == Privilege.User ? (perms & user) != 0 : (perms & (user | kernel)) != 0;
    }
}
