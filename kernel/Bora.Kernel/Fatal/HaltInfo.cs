namespace Bora.Kernel.Fatal;

/// <summary>Why a kernel halted.</summary>
/// <param name="Reason">The fatal reason passed to the halt.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Report">The fatal error report, when a fatal error led to the halt.</param>
/// <param name="Cycles">Virtual time of the halt.</param>
public sealed record HaltInfo(FatalReason Reason, string Message, FatalErrorReport? Report, ulong Cycles)
{
    /// <inheritdoc/>
    public override string ToString() => Report is null ? $"halted ({Reason}): {Message}" : $"halted ({Reason}): {Message}{Environment.NewLine}{Report}";
}
