using System.Globalization;
using System.Text;

namespace Bora.Kernel.Fatal;

/// <summary>
/// The text of a <see cref="FatalErrorReport"/>: one labelled line per fact, status registers one per line, lists
/// indented under a heading. Lines end in <c>\n</c> on every host, so reports compare byte for byte.
/// </summary>
internal static class FatalErrorReportText
{
    private const string Indent = "    ";
    private const string ItemIndent = "      ";

    public static string Format(FatalErrorReport r)
    {
        var text = new StringBuilder();
        Line(text, $">>> BORA FATAL ERROR {(int)r.Reason}: {r.ReasonName}");
        Line(text, Indent + r.Message);
        Line(text, $"{Indent}thread: '{r.ThreadName}' (T{r.ThreadId}), {ModeName(r.Mode)} mode{(r.InIsr ? ", in ISR" : string.Empty)}");
        Line(text, $"{Indent}pc: {r.PcSymbol}, sp: {Hex(r.Sp)}, at cycle {r.Cycles.ToString(CultureInfo.InvariantCulture)}");
        if (r.Stack is not null)
        {
            Line(text, $"{Indent}stack: {r.Stack}");
        }

        if (r.Domain is not null)
        {
            Line(text, $"{Indent}domain: '{r.Domain}'");
        }

        if (r.Fault is { } fault)
        {
            AppendFault(text, r, fault);
        }

        if (r.Location is not null)
        {
            Line(text, $"{Indent}address lies in: {r.Location}");
        }

        foreach (string other in r.OtherDomainPartitions)
        {
            Line(text, $"{Indent}partition of another domain: {other}");
        }

        if (r.Domain is not null && r.Fault is not null)
        {
            List(text, $"partitions of '{r.Domain}' around the address:", r.Partitions, "(none: the domain has no partitions)");
        }

        if (r.ActiveRegions.Count != 0)
        {
            Line(text, Indent + "regions in force:");
            foreach (RegionUse region in r.ActiveRegions)
            {
                string slot = region.Slot < 0 ? "pages" : $"#{region.Slot.ToString(CultureInfo.InvariantCulture)}";
                Line(text, $"{ItemIndent}{slot,-5} {region.Range} {region.Permissions} {region.Holder}");
            }
        }

        return text.ToString();
    }

    private static void AppendFault(StringBuilder text, FatalErrorReport r, FaultRecord fault)
    {
        Line(text, $"{Indent}attempted: {fault.Access}");
        if (r.Allowed is { } allowed)
        {
            string kinds = allowed.Count == 0 ? "nothing" : string.Join(", ", allowed.Select(k => k.ToString().ToLowerInvariant()));
            Line(text, $"{Indent}allowed: {ModeName(fault.Access.Privilege)} {kinds} at {Hex(fault.FaultAddress ?? fault.Access.Address)}");
        }

        string address = fault.FaultAddress is uint a ? $", fault address {Hex(a)}" : ", no valid fault address";
        Line(text, $"{Indent}fault: {fault.ExceptionName} ({fault.Class}){address}");
        int width = fault.StatusRegisters.Count == 0 ? 0 : fault.StatusRegisters.Max(s => s.Name.Length);
        foreach (StatusRegister register in fault.StatusRegisters)
        {
            string value = "0x" + register.Value.ToString("X8", CultureInfo.InvariantCulture);
            Line(text, $"{ItemIndent}{register.Name.PadRight(width)} {value}{(register.Decoded.Length == 0 ? string.Empty : "  " + register.Decoded)}");
        }
    }

    private static void List(StringBuilder text, string heading, IReadOnlyList<string> items, string empty)
    {
        Line(text, Indent + heading);
        if (items.Count == 0)
        {
            Line(text, ItemIndent + empty);
        }

        foreach (string item in items)
        {
            Line(text, ItemIndent + item);
        }
    }

    private static string ModeName(Privilege mode) => mode == Privilege.User ? "user" : "supervisor";

    private static string Hex(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
