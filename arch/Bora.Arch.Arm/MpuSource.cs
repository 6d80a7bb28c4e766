namespace Bora.Arch.Arm;

/// <summary>What decided an address: an MPU region (its number, 0 and up) or one of these sources.</summary>
internal static class MpuSource
{
    /// <summary>No enabled region matched: the background (default map for privileged accesses with PRIVDEFENA, else a fault).</summary>
    public const int Background = -1;

    /// <summary>More than one enabled PMSAv8 region matched: a fault for every access.</summary>
    public const int Overlap = -2;

    /// <summary>The Private Peripheral Bus, which the MPU never checks.</summary>
    public const int Ppb = -3;

    /// <summary>The MPU is off (ENABLE=0, or bypassed at negative priority with HFNMIENA=0): the default map for everyone.</summary>
    public const int Disabled = -4;
}
