namespace Bora.Kernel.Trace;

/// <summary>One trace record: what happened, when (in cycles) and on which thread.</summary>
/// <param name="Cycles">Virtual timestamp in CPU cycles.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Thread">Trace id of the thread it happened on.</param>
/// <param name="Arg">Kind-specific argument.</param>
/// <param name="Value">Kind-specific value (a kernel call's result).</param>
public readonly record struct TraceEvent(ulong Cycles, TraceEventKind Kind, int Thread, int Arg, long Value)
{
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        TraceEventKind.CallEnter => $"{Cycles,12} T{Thread} -> {(KernelCall)Arg}",
        TraceEventKind.CallExit => $"{Cycles,12} T{Thread} <- {(KernelCall)Arg} = {Value}",
        TraceEventKind.Switch => $"{Cycles,12} T{Thread} => T{Arg}",
        TraceEventKind.Fault => $"{Cycles,12} T{Thread} FAULT {(FatalReason)Arg}",
        _ => $"{Cycles,12} T{Thread} {Kind} {Arg} {Value}",
    };
}
