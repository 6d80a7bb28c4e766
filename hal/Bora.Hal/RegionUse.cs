namespace Bora.Hal;

/// <summary>One hardware region (or page-table range) in force, for maps and fault reports.</summary>
/// <param name="Slot">Region number, or -1 for a page-table range.</param>
/// <param name="Range">Addresses covered.</param>
/// <param name="Permissions">What it grants.</param>
/// <param name="Holder">What holds it: <c>boot: text</c>, <c>thread stack</c>, <c>guard</c>, <c>domain 'd' slot 2</c>.</param>
public sealed record RegionUse(int Slot, AddressRange Range, PartitionPermissions Permissions, string Holder);
