namespace Bora.Hal;

/// <summary>One named window of a board's physical address space.</summary>
/// <param name="Name">Name used in maps and fault reports (e.g. <c>ssram1</c>).</param>
/// <param name="Range">The addresses the window covers.</param>
/// <param name="Kind">What answers at those addresses.</param>
public sealed record MemoryMapEntry(string Name, AddressRange Range, MemoryKind Kind);
