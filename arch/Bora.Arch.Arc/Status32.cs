namespace Bora.Arch.Arc;

/// <summary>STATUS32 bits (<c>_ARC_V2_STATUS32_*</c>).</summary>
public static class Status32
{
    /// <summary>H: halted.</summary>
    public const uint H = 1u << 0;

    /// <summary>AE: an exception is active (set by exception entry, restored by RTIE).</summary>
    public const uint AE = 1u << 5;

    /// <summary>DE: a delay slot is pending.</summary>
    public const uint DE = 1u << 6;

    /// <summary>U: user mode.</summary>
    public const uint U = 1u << 7;

    /// <summary>Z: zero flag; exception entry sets it to the interrupted U bit.</summary>
    public const uint Z = 1u << 11;

    /// <summary>L: zero-overhead loop inhibit.</summary>
    public const uint L = 1u << 12;

    /// <summary>DZ: divide-by-zero exception enable.</summary>
    public const uint DZ = 1u << 13;

    /// <summary>SC: hardware stack checking enable.</summary>
    public const uint SC = 1u << 14;

    /// <summary>ES: EI_S table instruction pending.</summary>
    public const uint ES = 1u << 15;

    /// <summary>US: user-mode sleep enable.</summary>
    public const uint US = 1u << 20;

    /// <summary>IE: interrupts enabled.</summary>
    public const uint IE = 1u << 31;
}
