using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// The CPU state the ARC protection hardware reads: STATUS32 (the SC bit enables stack checking) and the
/// PC latched into ERET. Bound to the machine's <see cref="CpuState"/> once the CPU exists.
/// </summary>
/// <remarks>
/// STATUS32.U is not kept twice: it is derived from <see cref="CpuState.Privilege"/>, which the checked
/// accessors already use, and written back to it when STATUS32 is restored.
/// </remarks>
internal sealed class ArcCore
{
    public CpuState? State { get; set; }

    /// <summary>STATUS32 as LR would read it: <see cref="CpuState.Status"/> with U taken from the privilege.</summary>
    public uint CurrentStatus32 => State is null ? 0 : Compose(State);

    /// <summary>The current PC, or 0 before a CPU is bound.</summary>
    public uint Pc => State?.Pc ?? 0;

    /// <summary>Whether hardware stack checking is on (STATUS32.SC).</summary>
    public bool StackCheckingEnabled => State is not null && (State.Status & Status32.SC) != 0;

    public static uint Compose(CpuState state) =>
        state.Privilege == Privilege.User ? state.Status | Status32.U : state.Status & ~Status32.U;

    /// <summary>Loads STATUS32 into <paramref name="state"/>, the U bit becoming the privilege.</summary>
    public static void Load(CpuState state, uint status32)
    {
        state.Status = status32;
        state.Privilege = (status32 & Status32.U) != 0 ? Privilege.User : Privilege.Supervisor;
    }
}
