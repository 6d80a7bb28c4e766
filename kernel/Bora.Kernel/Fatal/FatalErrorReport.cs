namespace Bora.Kernel.Fatal;

/// <summary>Everything a person needs to act on a fatal error.</summary>
/// <param name="Reason">The Zephyr reason delivered to the handler.</param>
/// <param name="ThreadId">Trace id of the culprit thread.</param>
/// <param name="ThreadName">Name of the culprit thread.</param>
/// <param name="Mode">Privilege of the faulting context.</param>
/// <param name="InIsr">Whether the error happened in an ISR.</param>
/// <param name="Fault">The hardware fault, for CPU exceptions and stack overflows.</param>
/// <param name="Pc">The code address executing.</param>
/// <param name="PcSymbol">The symbol around <paramref name="Pc"/>.</param>
/// <param name="Sp">The stack pointer.</param>
/// <param name="Cycles">Virtual time of the error.</param>
/// <param name="Message">What went wrong, in words.</param>
/// <param name="Location">The image area around the fault address, if any.</param>
public sealed record FatalErrorReport(
    FatalReason Reason,
    int ThreadId,
    string ThreadName,
    Privilege Mode,
    bool InIsr,
    FaultRecord? Fault,
    uint Pc,
    string PcSymbol,
    uint Sp,
    ulong Cycles,
    string Message,
    string? Location)
{
    /// <summary>The culprit's memory domain, when the kernel has a protection driver.</summary>
    public string? Domain { get; init; }

    /// <summary>The stack the culprit ran on and where SP was relative to it (not for ISR errors).</summary>
    public string? Stack { get; init; }

    /// <summary>
    /// The culprit domain's partitions around the fault address (containing, nearest below and above), each with
    /// its slot, name, range and permissions.
    /// </summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary>Partitions of other domains that contain the fault address (what the culprit reached for).</summary>
    public IReadOnlyList<string> OtherDomainPartitions { get; init; } = [];

    /// <summary>
    /// What the protection hardware allows at the fault address at the faulting privilege (of read, write and
    /// execute), or <see langword="null"/> when the error was not a memory fault.
    /// </summary>
    public IReadOnlyList<AccessKind>? Allowed { get; init; }

    /// <summary>The regions (or page ranges) in force when the error happened (<c>IProtectionDriver.ActiveRegions</c>).</summary>
    public IReadOnlyList<RegionUse> ActiveRegions { get; init; } = [];

    /// <summary>The Zephyr spelling of <see cref="Reason"/>.</summary>
    public string ReasonName => Reason switch
    {
        FatalReason.CpuException => "K_ERR_CPU_EXCEPTION",
        FatalReason.SpuriousIrq => "K_ERR_SPURIOUS_IRQ",
        FatalReason.StackCheckFail => "K_ERR_STACK_CHK_FAIL",
        FatalReason.KernelOops => "K_ERR_KERNEL_OOPS",
        FatalReason.KernelPanic => "K_ERR_KERNEL_PANIC",
        _ => $"reason {(int)Reason}",
    };

    /// <inheritdoc/>
    /// <remarks>Deterministic: virtual time, simulated addresses and names only; lines end in <c>\n</c>.</remarks>
    public override string ToString() => FatalErrorReportText.Format(this);
}
