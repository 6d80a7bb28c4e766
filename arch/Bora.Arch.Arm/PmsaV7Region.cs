namespace Bora.Arch.Arm;

/// <summary>
/// One PMSAv7 region decoded from its MPU_RBAR and MPU_RASR values. This is the only place that
/// computes a PMSAv7 region's extent and subregions.
/// </summary>
/// <param name="Rbar">MPU_RBAR as stored (ADDR[31:5]; VALID and REGION are not stored).</param>
/// <param name="Rasr">MPU_RASR.</param>
public readonly record struct PmsaV7Region(uint Rbar, uint Rasr)
{
    /// <summary>The smallest SIZE field the architecture defines (32 bytes).</summary>
    public const int MinimumSizeField = 4;

    /// <summary>RASR.ENABLE.</summary>
    public bool Enabled => (Rasr & 1) != 0;

    /// <summary>RASR.SIZE: the region is 2^(SIZE+1) bytes.</summary>
    public int SizeField => (int)((Rasr >> 1) & 0x1F);

    /// <summary>log2 of the region size.</summary>
    public int SizeLog2 => SizeField + 1;

    /// <summary>Region size in bytes (2^32 for SIZE=31).</summary>
    public ulong Size => 1UL << SizeLog2;

    /// <summary>Base address: RBAR.ADDR (bits [31:5] as written).</summary>
    public uint Base => Rbar & 0xFFFF_FFE0;

    /// <summary>First address after the region.</summary>
    public ulong End => Base + Size;

    /// <summary>
    /// Whether the base is aligned to the size, as the architecture requires; a 4 GiB region has no
    /// ADDR bits, so any non-zero ADDR is misaligned (QEMU ignores such a region too).
    /// </summary>
    public bool IsAligned => (Base & (Size - 1)) == 0;

    /// <summary>RASR.SRD: bit i set disables subregion i.</summary>
    public byte Srd => (byte)(Rasr >> 8);

    /// <summary>Whether subregions exist (regions of 256 bytes and more).</summary>
    public bool HasSubregions => SizeLog2 >= 8;

    /// <summary>RASR.AP.</summary>
    public int Ap => (int)((Rasr >> 24) & 7);

    /// <summary>RASR.XN.</summary>
    public bool ExecuteNever => (Rasr & (1u << 28)) != 0;

    /// <summary>RASR.TEX, S, C, B as one value (memory type; no effect on permissions).</summary>
    public int TexScb => (int)((Rasr >> 16) & 0x3F);

    /// <summary>Whether the MPU uses the region: enabled, SIZE at least 4 and base aligned (UNPREDICTABLE settings are skipped).</summary>
    public bool IsEffective => Enabled && SizeField >= MinimumSizeField && IsAligned;

    /// <summary>Whether <paramref name="address"/> lies in the region's extent (ignoring subregions).</summary>
    public bool Contains(uint address) => address >= Base && address < End;

    /// <summary>Whether <paramref name="address"/> (inside the region) lies in a disabled subregion.</summary>
    public bool IsInDisabledSubregion(uint address) =>
        HasSubregions && ((Srd >> (int)((address - Base) >> (SizeLog2 - 3))) & 1) != 0;

    /// <summary>Every address at which membership or subregion changes.</summary>
    public IEnumerable<ulong> Breakpoints()
    {
        yield return Base;
        yield return End;
        if (HasSubregions && Srd != 0)
        {
            ulong step = Size >> 3;
            for (int i = 1; i < 8; i++)
            {
                yield return Base + step * (uint)i;
            }
        }
    }

    /// <summary>The rights AP and XN grant at <paramref name="address"/> (reserved AP 0b100 grants nothing).</summary>
    internal AccessRights RightsAt(uint address)
    {
        AccessRights rights = Ap switch
        {
            0b001 => AccessRights.PrivilegedReadWrite,
            0b010 => AccessRights.PrivilegedReadWrite | AccessRights.UnprivilegedRead,
            0b011 => AccessRights.PrivilegedReadWrite | AccessRights.UnprivilegedReadWrite,
            0b101 => AccessRights.PrivilegedRead,
            0b110 or 0b111 => AccessRights.PrivilegedRead | AccessRights.UnprivilegedRead,
            _ => AccessRights.None,
        };
        return rights.WithExecute(ExecuteNever, address);
    }
}
