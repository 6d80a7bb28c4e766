namespace Bora.Arch.Arm;

/// <summary>
/// One PMSAv8 region decoded from its MPU_RBAR and MPU_RLAR values. This is the only place that
/// computes a PMSAv8 region's extent: <c>[BASE:00000, LIMIT:11111]</c>, inclusive.
/// </summary>
/// <param name="Rbar">MPU_RBAR: BASE[31:5], SH[4:3], AP[2:1], XN[0].</param>
/// <param name="Rlar">MPU_RLAR: LIMIT[31:5], PXN[4] (Armv8.1-M), AttrIndx[3:1], EN[0].</param>
public readonly record struct PmsaV8Region(uint Rbar, uint Rlar)
{
    /// <summary>Bytes per granule: bases and limits are multiples of 32.</summary>
    public const uint Granule = 32;

    private const uint AddressMask = ~(Granule - 1);

    /// <summary>RLAR.EN.</summary>
    public bool Enabled => (Rlar & 1) != 0;

    /// <summary>First address of the region (RBAR.BASE with the low five bits zero).</summary>
    public uint Base => Rbar & AddressMask;

    /// <summary>Last address of the region, inclusive (RLAR.LIMIT with the low five bits one).</summary>
    public uint Limit => (Rlar & AddressMask) | (Granule - 1);

    /// <summary>Whether LIMIT is below BASE, so that the region matches no address.</summary>
    public bool IsEmpty => Limit < Base;

    /// <summary>RBAR.SH (00 non-shareable, 01 reserved, 10 outer, 11 inner shareable).</summary>
    public int Sh => (int)((Rbar >> 3) & 3);

    /// <summary>RBAR.AP[2:1].</summary>
    public int Ap => (int)((Rbar >> 1) & 3);

    /// <summary>RBAR.XN.</summary>
    public bool ExecuteNever => (Rbar & 1) != 0;

    /// <summary>RLAR.PXN (privileged execute-never; Armv8.1-M only, RES0 before).</summary>
    public bool PrivilegedExecuteNever => (Rlar & 0x10) != 0;

    /// <summary>RLAR.AttrIndx: which MAIR attribute applies.</summary>
    public int AttrIndx => (int)((Rlar >> 1) & 7);

    /// <summary>Whether an enabled region covers <paramref name="address"/>.</summary>
    public bool Matches(uint address) => Enabled && address >= Base && address <= Limit;

    /// <summary>The addresses at which membership changes: the base and the byte after the limit.</summary>
    public IEnumerable<ulong> Breakpoints()
    {
        yield return Base;
        yield return (ulong)Limit + 1;
    }

    /// <summary>The rights AP, XN and PXN grant at <paramref name="address"/>.</summary>
    internal AccessRights RightsAt(uint address)
    {
        AccessRights rights = Ap switch
        {
            0b00 => AccessRights.PrivilegedReadWrite,
            0b01 => AccessRights.PrivilegedReadWrite | AccessRights.UnprivilegedReadWrite,
            0b10 => AccessRights.PrivilegedRead,
            _ => AccessRights.PrivilegedRead | AccessRights.UnprivilegedRead,
        };
        rights = rights.WithExecute(ExecuteNever, address);
        return PrivilegedExecuteNever ? rights & ~AccessRights.PrivilegedExecute : rights;
    }
}
