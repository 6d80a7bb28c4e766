using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// ARC MPU v2: region n is the pair MPU_RDBn (BASE[31:5], VALID[0]) and MPU_RDPn (SIZE split over
/// bits [11:9] and [1:0], permissions [8:3]); MPU_EN holds EN[30] and the default region's permissions.
/// A region covers 2^(SIZE+1) bytes at its base aligned down to that size (the base's low bits are
/// ignored, as the Synopsys QEMU model does); the lowest-numbered valid region that matches decides.
/// </summary>
public sealed class ArcMpuV2 : ArcMpuModel
{
    /// <summary>MPU_EN.EN: the MPU checks accesses.</summary>
    public const uint MPU_EN_EN = 0x4000_0000;

    /// <summary>Smallest legal SIZE on v2: 2^(10+1) = 2 KiB.</summary>
    public const int MinimumSize = 10;

    private const uint MpuEnMask = MPU_EN_EN | (uint)ArcMpuAttributes.PermissionMask;
    private const uint RdbMask = 0xFFFF_FFE1;
    private const uint RdpMask = 0xE03 | (uint)ArcMpuAttributes.PermissionMask;

    private readonly uint[] _rdb;
    private readonly uint[] _rdp;
    private uint _mpuEn;
    private uint _mpuEcr;

    internal ArcMpuV2(ArchId arch, int regionCount, ArcCore core, ArcExceptionRegisters exceptionRegisters)
        : base(arch, regionCount, core, exceptionRegisters)
    {
        _rdb = new uint[regionCount];
        _rdp = new uint[regionCount];
    }

    /// <inheritdoc/>
    public override ArcMpuVersion Version => ArcMpuVersion.V2;

    private protected override bool Enabled => (_mpuEn & MPU_EN_EN) != 0;

    private protected override ArcMpuAttributes DefaultAttributes => (ArcMpuAttributes)_mpuEn & ArcMpuAttributes.PermissionMask;

    private protected override bool OverlapIsMachineCheck => false;

    /// <summary>Decodes the SIZE field of an MPU_RDP value: the region is 2^(SIZE+1) bytes.</summary>
    public static int DecodeSize(uint rdp) => (int)(((rdp >> 9) & 0x7) << 2 | (rdp & 0x3));

    /// <summary>Encodes a region of 2^<paramref name="bits"/> bytes into MPU_RDP's SIZE bits (Zephyr's <c>AUX_MPU_RDP_REGION_SIZE</c>).</summary>
    public static uint EncodeSize(int bits) => (uint)(((bits - 1) & 0x3) | (((bits - 1) & 0x1C) << 7));

    internal override bool TryReadRegister(uint number, out uint value)
    {
        value = 0;
        switch (number)
        {
            case ArcAux.MPU_BUILD:
                value = MpuBuild;
                return true;
            case ArcAux.MPU_EN:
                value = _mpuEn;
                return true;
            case ArcAux.MPU_ECR:
                value = _mpuEcr;
                return true;
        }

        if (TryRegion(number, out int region, out bool isBase))
        {
            value = isBase ? _rdb[region] : _rdp[region];
            return true;
        }

        return false;
    }

    internal override bool TryWriteRegister(uint number, uint value)
    {
        if (number == ArcAux.MPU_EN)
        {
            _mpuEn = value & MpuEnMask;
        }
        else if (TryRegion(number, out int region, out bool isBase))
        {
            if (isBase)
            {
                _rdb[region] = value & RdbMask;
            }
            else
            {
                _rdp[region] = value & RdpMask;
            }
        }
        else
        {
            return false;
        }

        Changed();
        return true;
    }

    internal override bool IsReadOnly(uint number) => number is ArcAux.MPU_BUILD or ArcAux.MPU_ECR;

    private protected override void CollectRegions(List<ArcRegion> regions, List<InvalidProgramming> problems)
    {
        for (int i = 0; i < RegionCount; i++)
        {
            if ((_rdb[i] & 1) == 0)
            {
                continue;
            }

            int size = DecodeSize(_rdp[i]);
            if (size < 4)
            {
                problems.Add(new InvalidProgramming(
                    $"MPU_RDP{i}", $"SIZE={size} is a reserved encoding (SIZE below 4)", "the region is decoded as the 2 KiB minimum"));
                size = MinimumSize;
            }
            else if (size < MinimumSize)
            {
                problems.Add(new InvalidProgramming(
                    $"MPU_RDP{i}", $"SIZE={size} encodes {1 << (size + 1)} bytes, below MPU v2's 2 KiB minimum", "the region is decoded as 2 KiB"));
                size = MinimumSize;
            }

            ulong length = 1UL << (size + 1);
            ulong requested = _rdb[i] & ~0x1Fu;
            ulong start = requested & ~(length - 1);
            if (start != requested)
            {
                problems.Add(new InvalidProgramming(
                    $"MPU_RDB{i}",
                    $"base 0x{requested:X8} is not aligned to the region size 0x{length:X}",
                    $"the base's low bits are ignored: the region covers [0x{start:X8}, 0x{start + length:X8})"));
            }

            regions.Add(new ArcRegion(i, start, start + length, (ArcMpuAttributes)_rdp[i] & ArcMpuAttributes.PermissionMask));
        }
    }

    private protected override uint? LatchMpuEcr(byte violationType, int region)
    {
        _mpuEcr = 0x0006_0000u | ((uint)(violationType & 3) << 8) | (uint)(region & 0xFF);
        return _mpuEcr;
    }

    private protected override void ClearMpuEcr() => _mpuEcr = 0;

    private bool TryRegion(uint number, out int region, out bool isBase)
    {
        region = (int)(number - ArcAux.MPU_RDB0) / 2;
        isBase = ((number - ArcAux.MPU_RDB0) & 1) == 0;
        return number >= ArcAux.MPU_RDB0 && region < RegionCount;
    }
}
