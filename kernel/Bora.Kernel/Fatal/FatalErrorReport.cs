using System.Text;

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

    /// <summary>The domain's partitions around the fault address (containing, nearest below and above), with permissions.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

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
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(">>> BORA FATAL ERROR ").Append((int)Reason).Append(": ").Append(ReasonName).AppendLine();
        text.Append("    ").AppendLine(Message);
        text.Append("    thread: '").Append(ThreadName).Append("' (T").Append(ThreadId).Append("), ")
            .Append(Mode == Privilege.User ? "user" : "supervisor").Append(" mode").AppendLine(InIsr ? ", in ISR" : string.Empty);
        text.Append("    pc: ").Append(PcSymbol).Append(", sp: 0x").Append(Sp.ToString("X8", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", at cycle ").Append(Cycles).AppendLine();
        if (Fault is not null)
        {
            text.Append("    fault: ").AppendLine(Fault.ToString());
            text.Append("    attempted: ").AppendLine(Fault.Access.ToString());
        }

        if (Location is not null)
        {
            text.Append("    address lies in: ").AppendLine(Location);
        }

        if (Domain is not null)
        {
            text.Append("    domain: '").Append(Domain).AppendLine("'");
        }

        foreach (string partition in Partitions)
        {
            text.Append("    partition: ").AppendLine(partition);
        }

        if (ActiveRegions.Count != 0)
        {
            text.AppendLine("    regions in force:");
            foreach (RegionUse r in ActiveRegions)
            {
                text.Append("      ").Append(r.Slot < 0 ? "pages" : $"#{r.Slot}").Append(' ').Append(r.Range.ToString()).Append(' ')
                    .Append(r.Permissions.ToString()).Append(' ').AppendLine(r.Holder);
            }
        }

        return text.ToString();
    }
}
