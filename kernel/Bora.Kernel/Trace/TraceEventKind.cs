namespace Bora.Kernel.Trace;

/// <summary>What a trace record describes.</summary>
public enum TraceEventKind : byte
{
    /// <summary>A context switch: <see cref="TraceEvent.Thread"/> was switched out for <see cref="TraceEvent.Arg"/>.</summary>
    Switch,

    /// <summary>An ISR started on <see cref="TraceEvent.Thread"/>'s context; <see cref="TraceEvent.Arg"/> is the exception number.</summary>
    IsrEnter,

    /// <summary>The ISR ended.</summary>
    IsrExit,

    /// <summary>A kernel call started; <see cref="TraceEvent.Arg"/> is the <see cref="KernelCall"/>.</summary>
    CallEnter,

    /// <summary>A kernel call returned <see cref="TraceEvent.Value"/>.</summary>
    CallExit,

    /// <summary>A fatal error; <see cref="TraceEvent.Arg"/> is the <see cref="FatalReason"/>.</summary>
    Fault,

    /// <summary>A thread was created; <see cref="TraceEvent.Arg"/> is its priority.</summary>
    ThreadCreate,

    /// <summary>A thread died.</summary>
    ThreadExit,

    /// <summary>The kernel halted; <see cref="TraceEvent.Arg"/> is the reason.</summary>
    Halt,

    /// <summary>A user-mode syscall entered the gate; <see cref="TraceEvent.Arg"/> is its id (<c>SyscallIds.NameOf</c> names it).</summary>
    SyscallEnter,

    /// <summary>A user-mode syscall left the gate; <see cref="TraceEvent.Arg"/> is its id, <see cref="TraceEvent.Value"/> the result word.</summary>
    SyscallExit,
}
