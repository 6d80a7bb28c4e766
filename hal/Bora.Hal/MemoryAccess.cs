namespace Bora.Hal;

/// <summary>One access as the protection hardware sees it.</summary>
/// <param name="Address">First byte (linear address on paging backends).</param>
/// <param name="Size">Number of bytes, at least 1.</param>
/// <param name="Kind">Load, store, fetch or stacking.</param>
/// <param name="Privilege">Privilege the access is checked at.</param>
public readonly record struct MemoryAccess(uint Address, uint Size, AccessKind Kind, Privilege Privilege)
{
    /// <summary>Whether the access stores to memory.</summary>
    public bool IsStore => Kind is AccessKind.Write or AccessKind.StackPush;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Privilege == Privilege.User ? "user" : "supervisor")} {Kind.ToString().ToLowerInvariant()} of {Size} byte(s) at 0x{Address:X8}";
}
