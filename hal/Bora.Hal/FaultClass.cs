namespace Bora.Hal;

/// <summary>What kind of event a hardware fault was, independent of how an arch reports it.</summary>
public enum FaultClass
{
    /// <summary>The protection unit denied an access (MPU violation, page protection).</summary>
    Protection,

    /// <summary>The translation found no present mapping (x86 not-present page).</summary>
    NotPresent,

    /// <summary>The bus found nothing at the address, or refused the access.</summary>
    Bus,

    /// <summary>Exception entry could not push its frame.</summary>
    Stacking,

    /// <summary>Exception return could not pop its frame.</summary>
    Unstacking,

    /// <summary>A hardware stack-limit check fired (ARC stack checking, ARMv8-M PSPLIM).</summary>
    StackLimit,

    /// <summary>The protection configuration itself is illegal (ARC v4 overlapping regions).</summary>
    MachineCheck,

    /// <summary>A paging structure had a reserved bit set.</summary>
    ReservedBit,
}
