namespace Bora.Arch.X86;

/// <summary>Bits of control register CR0 (Intel SDM vol. 3A §2.5), spelled as the manual spells them.</summary>
public static class Cr0
{
    /// <summary>Protection Enable: protected mode. Paging requires it.</summary>
    public const uint PE = 1u << 0;

    /// <summary>Monitor Coprocessor.</summary>
    public const uint MP = 1u << 1;

    /// <summary>Emulation (no x87).</summary>
    public const uint EM = 1u << 2;

    /// <summary>Task Switched.</summary>
    public const uint TS = 1u << 3;

    /// <summary>Extension Type: hard-wired to 1 on every processor since the P6.</summary>
    public const uint ET = 1u << 4;

    /// <summary>Numeric Error.</summary>
    public const uint NE = 1u << 5;

    /// <summary>Write Protect: supervisor writes honour R/W when set.</summary>
    public const uint WP = 1u << 16;

    /// <summary>Alignment Mask.</summary>
    public const uint AM = 1u << 18;

    /// <summary>Not Write-through.</summary>
    public const uint NW = 1u << 29;

    /// <summary>Cache Disable.</summary>
    public const uint CD = 1u << 30;

    /// <summary>Paging.</summary>
    public const uint PG = 1u << 31;

    /// <summary>Every bit the modelled CPU implements; writes to the others are ignored (SDM §2.5).</summary>
    public const uint Implemented = PE | MP | EM | TS | ET | NE | WP | AM | NW | CD | PG;

    /// <summary>Value after reset (SDM §9.1.1): CD, NW and ET set.</summary>
    public const uint ResetValue = CD | NW | ET;
}
