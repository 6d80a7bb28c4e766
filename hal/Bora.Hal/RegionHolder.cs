namespace Bora.Hal;

/// <summary>
/// What holds a region, kept as its parts so that a driver can record it at every context switch without
/// formatting a string; <see cref="ToString"/> gives the text maps and fault reports show.
/// </summary>
/// <param name="Kind">What the region is for.</param>
/// <param name="Name">The boot region's description, the domain's name, or the thread's name.</param>
/// <param name="Slot">The partition slot for <see cref="RegionHolderKind.DomainSlot"/>; otherwise zero.</param>
public readonly record struct RegionHolder(RegionHolderKind Kind, string Name, int Slot = 0)
{
    /// <summary>A boot region described by <paramref name="description"/>.</summary>
    public static RegionHolder Boot(string description) => new(RegionHolderKind.Boot, description);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        RegionHolderKind.Boot => Name,
        RegionHolderKind.DomainSlot => $"domain '{Name}' slot {Slot}",
        RegionHolderKind.UserStack => $"user stack of '{Name}'",
        RegionHolderKind.StackGuard => $"stack guard of '{Name}'",
        _ => $"privilege-stack guard of '{Name}'",
    };
}
