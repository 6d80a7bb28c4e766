namespace Bora.Machine;

/// <summary>Modelled cost, in CPU cycles, of each kind of checked access.</summary>
/// <param name="Load">A data load of up to 8 bytes.</param>
/// <param name="Store">A data store of up to 8 bytes.</param>
/// <param name="Fetch">An instruction-fetch check (a call, a thread start, an exception return).</param>
/// <param name="BlockBytesPerCycle">Bytes a block copy moves per cycle.</param>
public sealed record AccessCosts(uint Load, uint Store, uint Fetch, uint BlockBytesPerCycle)
{
    /// <summary>Single-cycle loads and stores, word-per-cycle block copies (a Cortex-M3 with zero-wait-state SRAM).</summary>
    public static AccessCosts Default { get; } = new(Load: 2, Store: 1, Fetch: 1, BlockBytesPerCycle: 4);
}
