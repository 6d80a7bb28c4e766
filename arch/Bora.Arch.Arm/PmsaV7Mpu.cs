using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>
/// The ARMv7-M PMSAv7 MPU: MPU_RBAR/MPU_RASR per region (and their three aliases), the highest-numbered
/// matching enabled region decides, disabled subregions fall through to lower regions.
/// </summary>
public sealed class PmsaV7Mpu : ArmMpu
{
    private const uint RasrMask = 0x173F_FF3F;
    private const uint RbarValid = 0x10;

    private readonly uint[] _rbar;
    private readonly uint[] _rasr;

    /// <summary>Creates a PMSAv7 MPU with <paramref name="regionCount"/> regions (0, 8 or 16) on <paramref name="bus"/>.</summary>
    public PmsaV7Mpu(SystemBus bus, int regionCount = 8)
        : base(bus, regionCount)
    {
        _rbar = new uint[regionCount];
        _rasr = new uint[regionCount];
    }

    /// <inheritdoc/>
    public override ArchId Arch => ArmArch.PmsaV7;

    /// <inheritdoc/>
    public override ArmMpuVersion Version => ArmMpuVersion.PmsaV7;

    /// <summary>Region <paramref name="index"/> as its registers hold it.</summary>
    public PmsaV7Region Region(int index) => new(_rbar[index], _rasr[index]);

    /// <inheritdoc/>
    protected override bool TryReadRegionRegister(uint address, out uint value)
    {
        value = 0;
        if (!IsRegionRegister(address, out bool isRbar))
        {
            return false;
        }

        if (RegionCount > 0)
        {
            value = isRbar ? _rbar[Rnr] | (Rnr & 0xF) : _rasr[Rnr];
        }

        return true;
    }

    /// <inheritdoc/>
    protected override bool TryWriteRegionRegister(uint address, uint value)
    {
        if (!IsRegionRegister(address, out bool isRbar))
        {
            return false;
        }

        if (RegionCount == 0)
        {
            return true;
        }

        if (isRbar)
        {
            if ((value & RbarValid) != 0 && !SelectRegion(value & 0xF, "MPU_RBAR.REGION"))
            {
                return true;
            }

            _rbar[Rnr] = value & 0xFFFF_FFE0;
        }
        else
        {
            _rasr[Rnr] = value & RasrMask;
            ReviewProgramming();
        }

        return true;
    }

    /// <inheritdoc/>
    private protected override int ConfigurationWords(int regionCount) => 2 * regionCount;

    /// <inheritdoc/>
    private protected override void WriteConfiguration(Span<uint> key)
    {
        _rbar.CopyTo(key);
        _rasr.CopyTo(key[_rbar.Length..]);
    }

    /// <inheritdoc/>
    private protected override int ResolveRegions(uint address, out AccessRights rights)
    {
        for (int n = RegionCount - 1; n >= 0; n--)
        {
            PmsaV7Region region = Region(n);
            if (!region.IsEffective || !region.Contains(address) || region.IsInDisabledSubregion(address))
            {
                continue;
            }

            rights = region.RightsAt(address);
            return n;
        }

        rights = AccessRights.None;
        return MpuSource.Background;
    }

    /// <inheritdoc/>
    protected override IEnumerable<ulong> RegionBreakpoints()
    {
        for (int n = 0; n < RegionCount; n++)
        {
            PmsaV7Region region = Region(n);
            if (region.IsEffective)
            {
                foreach (ulong b in region.Breakpoints())
                {
                    yield return b;
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override IEnumerable<InvalidProgramming> StandingProblems()
    {
        for (int n = 0; n < RegionCount; n++)
        {
            PmsaV7Region r = Region(n);
            if (!r.Enabled)
            {
                continue;
            }

            string register = $"MPU_RASR[{n}]";
            if (r.SizeField < PmsaV7Region.MinimumSizeField)
            {
                yield return new InvalidProgramming(register, $"ENABLE with SIZE={r.SizeField} (< 4, UNPREDICTABLE)", "the region is ignored");
                continue;
            }

            if (!r.IsAligned)
            {
                yield return new InvalidProgramming(
                    $"MPU_RBAR[{n}]",
                    $"base 0x{r.Rbar:X8} is not aligned to the region size 0x{r.Size:X} (UNPREDICTABLE)",
                    "the region is ignored");
                continue;
            }

            if (!r.HasSubregions && r.Srd != 0)
            {
                yield return new InvalidProgramming(register, $"SRD=0x{r.Srd:X2} on a {r.Size}-byte region (subregions need 256 bytes, UNPREDICTABLE)", "SRD is ignored: the whole region applies");
            }

            if (r.Ap == 0b100)
            {
                yield return new InvalidProgramming(register, "AP=0b100 is reserved", "no access at any privilege");
            }
        }
    }

    private static bool IsRegionRegister(uint address, out bool isRbar)
    {
        // RBAR 0x..9C, RASR 0x..A0, then the aliases RBAR_A1..A3 / RASR_A1..A3 in pairs up to 0x..B8.
        isRbar = (address - ScsRegisters.MPU_RBAR) % 8 == 0;
        return address >= ScsRegisters.MPU_RBAR && address <= ScsRegisters.MPU_RASR_A3 && address % 4 == 0;
    }
}
