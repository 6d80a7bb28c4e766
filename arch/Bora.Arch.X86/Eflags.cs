namespace Bora.Arch.X86;

/// <summary>Bits of EFLAGS that exception entry and return touch.</summary>
public static class Eflags
{
    /// <summary>Bit 1 reads as 1.</summary>
    public const uint Reserved1 = 1u << 1;

    /// <summary>Trap Flag.</summary>
    public const uint TF = 1u << 8;

    /// <summary>Interrupt Enable Flag.</summary>
    public const uint IF = 1u << 9;

    /// <summary>Nested Task.</summary>
    public const uint NT = 1u << 14;

    /// <summary>Resume Flag.</summary>
    public const uint RF = 1u << 16;

    /// <summary>Virtual-8086 Mode.</summary>
    public const uint VM = 1u << 17;

    /// <summary>Alignment Check / access control (SMAP's STAC/CLAC).</summary>
    public const uint AC = 1u << 18;
}
