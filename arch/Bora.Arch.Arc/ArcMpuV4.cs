using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// ARC MPU v4 (SecureShield): MPU_INDEX selects the region that MPU_RSTART, MPU_REND and MPU_RPER
/// address. A region covers <c>[RSTART, REND + 32)</c> in 32-byte granules (REND is the start of the last
/// block). The MPU is always on: MPU_EN only holds the default region's permissions. Valid regions must
/// not overlap; an access two of them cover raises EV_MachineCheck. Writing an address to MPU_PROBE makes
/// MPU_INDEX report the matching region, with DEFAULT (bit 31) when none matches and MULT (bit 30) when
/// several do.
/// </summary>
/// <remarks>
/// The secure bit (S) and SID of MPU_RPER and MPU_EN are stored and read back but do not change a
/// decision: Bora's ARC core runs in one security state.
/// </remarks>
public sealed class ArcMpuV4 : ArcMpuModel
{
    /// <summary>MPU_INDEX.DEFAULT: the last probe matched no region.</summary>
    public const uint MPU_INDEX_DEFAULT = 0x8000_0000;

    /// <summary>MPU_INDEX.MULT: the last probe matched more than one region.</summary>
    public const uint MPU_INDEX_MULT = 0x4000_0000;

    /// <summary>MPU_RPER.VALID.</summary>
    public const uint MPU_RPER_VALID = 0x1;

    /// <summary>Region granule in bytes.</summary>
    public const uint Granule = 32;

    private const uint GranuleMask = ~(Granule - 1);
    private const uint RperMask = 0x00FF_81F9;
    private const uint MpuEnMask = 0x40FF_81F8;

    private readonly uint[] _rstart;
    private readonly uint[] _rend;
    private readonly uint[] _rper;
    private uint _index;
    private uint _indexReadback;
    private uint _probe;
    private uint _mpuEn;
    private int _badIndexWrites;

    internal ArcMpuV4(ArchId arch, int regionCount, ArcCore core, ArcExceptionRegisters exceptionRegisters)
        : base(arch, regionCount, core, exceptionRegisters)
    {
        _rstart = new uint[regionCount];
        _rend = new uint[regionCount];
        _rper = new uint[regionCount];
    }

    /// <inheritdoc/>
    public override ArcMpuVersion Version => ArcMpuVersion.V4;

    private protected override bool Enabled => true;

    private protected override ArcMpuAttributes DefaultAttributes => (ArcMpuAttributes)_mpuEn & ArcMpuAttributes.PermissionMask;

    private protected override bool OverlapIsMachineCheck => true;

    internal override bool TryReadRegister(uint number, out uint value)
    {
        bool selected = _index < RegionCount;
        (bool known, value) = number switch
        {
            ArcAux.MPU_BUILD => (true, MpuBuild),
            ArcAux.MPU_EN => (true, _mpuEn),
            ArcAux.MPU_INDEX => (true, _indexReadback),
            ArcAux.MPU_PROBE => (true, _probe),
            ArcAux.MPU_RSTART => (true, selected ? _rstart[_index] : 0u),
            ArcAux.MPU_REND => (true, selected ? _rend[_index] : 0u),
            ArcAux.MPU_RPER => (true, selected ? _rper[_index] : 0u),
            _ => (false, 0u),
        };
        return known;
    }

    internal override bool TryWriteRegister(uint number, uint value)
    {
        switch (number)
        {
            case ArcAux.MPU_EN:
                _mpuEn = value & MpuEnMask;
                break;
            case ArcAux.MPU_INDEX:
                _index = value;
                _indexReadback = value;
                return true;
            case ArcAux.MPU_PROBE:
                Probe(value);
                return true;
            case ArcAux.MPU_RSTART or ArcAux.MPU_REND or ArcAux.MPU_RPER:
                WriteSelected(number, value);
                break;
            default:
                return false;
        }

        Changed();
        return true;
    }

    internal override bool IsReadOnly(uint number) => number is ArcAux.MPU_BUILD;

    private protected override void CollectRegions(List<ArcRegion> regions, List<InvalidProgramming> problems)
    {
        if (_badIndexWrites > 0)
        {
            problems.Add(new InvalidProgramming(
                "MPU_INDEX",
                $"{_badIndexWrites} write(s) to MPU_RSTART/REND/RPER while MPU_INDEX selected no region (the MPU has {RegionCount})",
                "the writes were ignored"));
            _badIndexWrites = 0;
        }

        for (int i = 0; i < RegionCount; i++)
        {
            if ((_rper[i] & MPU_RPER_VALID) == 0)
            {
                continue;
            }

            if (_rend[i] < _rstart[i])
            {
                problems.Add(new InvalidProgramming(
                    $"MPU_REND[{i}]",
                    $"REND 0x{_rend[i]:X8} is below RSTART 0x{_rstart[i]:X8}",
                    "the region matches no address"));
                continue;
            }

            regions.Add(new ArcRegion(i, _rstart[i], (ulong)_rend[i] + Granule, (ArcMpuAttributes)_rper[i] & ArcMpuAttributes.PermissionMask));
        }
    }

    private protected override uint? LatchMpuEcr(byte violationType, int region) => null;

    private protected override void ClearMpuEcr()
    {
    }

    private void WriteSelected(uint number, uint value)
    {
        if (_index >= RegionCount)
        {
            _badIndexWrites++;
            return;
        }

        switch (number)
        {
            case ArcAux.MPU_RSTART:
                _rstart[_index] = value & GranuleMask;
                break;
            case ArcAux.MPU_REND:
                _rend[_index] = value & GranuleMask;
                break;
            default:
                _rper[_index] = value & RperMask;
                break;
        }
    }

    private void Probe(uint address)
    {
        _probe = address;
        int first = -1, matches = 0;
        for (int i = 0; i < RegionCount; i++)
        {
            bool valid = (_rper[i] & MPU_RPER_VALID) != 0;
            if (valid && _rend[i] >= _rstart[i] && address >= _rstart[i] && (ulong)address < (ulong)_rend[i] + Granule)
            {
                matches++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        if (matches == 0)
        {
            _indexReadback = MPU_INDEX_DEFAULT;
            return;
        }

        _index = (uint)first;
        _indexReadback = (uint)first | (matches > 1 ? MPU_INDEX_MULT : 0);
    }
}
