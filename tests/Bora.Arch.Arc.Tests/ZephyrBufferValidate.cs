namespace Bora.Arch.Arc.Tests;

/// <summary>
/// A test-side port of Zephyr's MPU v2 <c>arc_core_mpu_buffer_validate</c>, reading only aux registers,
/// to show the registers read back what the driver needs. Containment uses <c>start + size &lt;= end</c>
/// (arch-spec §3.6); older Zephyr revisions test <c>&lt; end</c> and reject a buffer that ends exactly at a
/// region's end.
/// </summary>
internal static class ZephyrBufferValidate
{
    private const int EPerm = -1;

    public static int V2(ArcAuxRegisters aux, uint start, uint size, bool write)
    {
        int regions = (int)((aux.Read(ArcAux.MPU_BUILD) >> 8) & 0xFF);
        for (int r = 0; r < regions; r++)
        {
            uint rdb = (uint)aux.Read(ArcAux.MPU_RDB0 + (uint)(2 * r));
            uint rdp = (uint)aux.Read(ArcAux.MPU_RDP0 + (uint)(2 * r));
            if ((rdb & 1) == 0)
            {
                continue;
            }

            ulong regionStart = rdb & ~1u;
            ulong regionEnd = regionStart + (1UL << (ArcMpuV2.DecodeSize(rdp) + 1));
            if (start < regionStart || (ulong)start + size > regionEnd)
            {
                continue;
            }

            uint need = write ? 0x010u | 0x080u : 0x020u | 0x100u;
            return (rdp & need) == need ? 0 : EPerm;
        }

        return EPerm;
    }
}
