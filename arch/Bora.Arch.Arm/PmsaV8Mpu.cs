using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arm;

/// <summary>
/// The ARMv8-M PMSAv8 MPU: MPU_RBAR/MPU_RLAR per region (and three aliases addressing RNR[7:2]:n),
/// MPU_MAIR0/1; regions are 32-byte granular, inclusive of their limit, and an address in two enabled
/// regions faults for every privilege.
/// </summary>
public sealed class PmsaV8Mpu : ArmMpu
{
    private readonly uint[] _rbar;
    private readonly uint[] _rlar;
    private readonly uint _rlarMask;

    /// <summary>Creates a PMSAv8 MPU with <paramref name="regionCount"/> regions (0, 8 or 16) on <paramref name="bus"/>.</summary>
    /// <param name="bus">The bus whose PPB gets the registers.</param>
    /// <param name="regionCount">MPU_TYPE.DREGION.</param>
    /// <param name="hasPxn">Whether RLAR.PXN exists (Armv8.1-M); on Armv8.0-M (Cortex-M33) the bit is RES0.</param>
    public PmsaV8Mpu(SystemBus bus, int regionCount = 16, bool hasPxn = false)
        : base(bus, regionCount)
    {
        _rbar = new uint[regionCount];
        _rlar = new uint[regionCount];
        _rlarMask = hasPxn ? 0xFFFF_FFFF : 0xFFFF_FFEF;
    }

    /// <inheritdoc/>
    public override ArchId Arch => ArmArch.PmsaV8;

    /// <inheritdoc/>
    public override ArmMpuVersion Version => ArmMpuVersion.PmsaV8;

    /// <summary>MPU_MAIR0 (Attr0..Attr3).</summary>
    public uint Mair0 { get; private set; }

    /// <summary>MPU_MAIR1 (Attr4..Attr7).</summary>
    public uint Mair1 { get; private set; }

    /// <summary>Region <paramref name="index"/> as its registers hold it.</summary>
    public PmsaV8Region Region(int index) => new(_rbar[index], _rlar[index]);

    /// <summary>The MAIR attribute byte <paramref name="attrIndx"/> selects.</summary>
    public byte MairAttribute(int attrIndx) => (byte)((attrIndx < 4 ? Mair0 : Mair1) >> (8 * (attrIndx & 3)));

    /// <inheritdoc/>
    protected override bool TryReadRegionRegister(uint address, out uint value)
    {
        value = 0;
        switch (address)
        {
            case ScsRegisters.MPU_MAIR0:
                value = Mair0;
                return true;
            case ScsRegisters.MPU_MAIR1:
                value = Mair1;
                return true;
        }

        if (!IsRegionRegister(address, out bool isRbar, out int alias))
        {
            return false;
        }

        int region = AliasRegion(alias);
        if (region < RegionCount)
        {
            value = isRbar ? _rbar[region] : _rlar[region];
        }

        return true;
    }

    /// <inheritdoc/>
    protected override bool TryWriteRegionRegister(uint address, uint value)
    {
        switch (address)
        {
            case ScsRegisters.MPU_MAIR0:
                Mair0 = value;
                ReviewProgramming();
                return true;
            case ScsRegisters.MPU_MAIR1:
                Mair1 = value;
                ReviewProgramming();
                return true;
        }

        if (!IsRegionRegister(address, out bool isRbar, out int alias))
        {
            return false;
        }

        int region = AliasRegion(alias);
        if (region >= RegionCount)
        {
            Report(AliasName(isRbar, alias), $"addresses region {region} but the MPU implements {RegionCount}", "the write is ignored");
            return true;
        }

        if (isRbar)
        {
            _rbar[region] = value;
        }
        else
        {
            _rlar[region] = value & _rlarMask;
            ReviewProgramming();
        }

        return true;
    }

    /// <inheritdoc/>
    private protected override int ConfigurationWords(int regionCount) => 2 + (2 * regionCount);

    /// <inheritdoc/>
    private protected override void WriteConfiguration(Span<uint> key)
    {
        key[0] = Mair0;
        key[1] = Mair1;
        _rbar.CopyTo(key[2..]);
        _rlar.CopyTo(key[(2 + _rbar.Length)..]);
    }

    /// <inheritdoc/>
    private protected override int ResolveRegions(uint address, out AccessRights rights)
    {
        int hit = MpuSource.Background;
        for (int n = 0; n < RegionCount; n++)
        {
            if (!Region(n).Matches(address))
            {
                continue;
            }

            if (hit != MpuSource.Background)
            {
                rights = AccessRights.None;
                return MpuSource.Overlap;
            }

            hit = n;
        }

        rights = hit >= 0 ? Region(hit).RightsAt(address) : AccessRights.None;
        return hit;
    }

    /// <inheritdoc/>
    protected override IEnumerable<ulong> RegionBreakpoints()
    {
        for (int n = 0; n < RegionCount; n++)
        {
            PmsaV8Region region = Region(n);
            if (region.Enabled && !region.IsEmpty)
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
            PmsaV8Region r = Region(n);
            if (!r.Enabled)
            {
                continue;
            }

            if (r.IsEmpty)
            {
                yield return new InvalidProgramming(
                    $"MPU_RLAR[{n}]",
                    $"LIMIT 0x{r.Limit:X8} is below BASE 0x{r.Base:X8}",
                    "the region matches no address");
            }

            if (r.Sh == 0b01)
            {
                yield return new InvalidProgramming($"MPU_RBAR[{n}]", "SH=0b01 is reserved", "treated as non-shareable (shareability never affects permissions)");
            }

            byte attr = MairAttribute(r.AttrIndx);
            if (IsReservedAttribute(attr))
            {
                yield return new InvalidProgramming(
                    $"MPU_MAIR{r.AttrIndx / 4}.Attr{r.AttrIndx}",
                    $"attribute 0x{attr:X2} used by region {n} is a reserved encoding (UNPREDICTABLE)",
                    "memory type is ignored: permissions are decided by AP/XN only");
            }
        }
    }

    private static bool IsReservedAttribute(byte attr) =>
        (attr >> 4) == 0 ? (attr & 0x3) != 0 : (attr & 0xF) == 0;

    private int AliasRegion(int alias) => alias == 0 ? (int)Rnr : (int)(Rnr & ~3u) + alias;

    private static string AliasName(bool isRbar, int alias) =>
        (isRbar ? "MPU_RBAR" : "MPU_RLAR") + (alias == 0 ? string.Empty : $"_A{alias}");

    private static bool IsRegionRegister(uint address, out bool isRbar, out int alias)
    {
        uint offset = address - ScsRegisters.MPU_RBAR;
        isRbar = offset % 8 == 0;
        alias = (int)(offset / 8);
        return address >= ScsRegisters.MPU_RBAR && address <= ScsRegisters.MPU_RASR_A3 && address % 4 == 0;
    }
}
