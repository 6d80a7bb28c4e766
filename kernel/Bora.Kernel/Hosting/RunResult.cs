namespace Bora.Kernel.Hosting;

/// <summary>How a run ended.</summary>
/// <param name="Reason">Why control returned to the host.</param>
/// <param name="Now">Virtual time since boot.</param>
/// <param name="Cycles">Cycle counter.</param>
/// <param name="Halt">Why the kernel halted, when it did.</param>
public sealed record RunResult(RunStopReason Reason, TimeSpan Now, ulong Cycles, HaltInfo? Halt);
