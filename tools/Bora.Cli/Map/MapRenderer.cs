using System.Globalization;
using Bora.Hal;
using Spectre.Console;

namespace Bora.Cli.Map;

/// <summary>Renders a <see cref="KernelMap"/> as Spectre.Console tables (ASCII borders, so logs and tests see plain text).</summary>
internal static class MapRenderer
{
    /// <summary>Writes <paramref name="map"/> to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, KernelMap map)
    {
        console.WriteLine($"{map.Board}: {map.Driver} driver, at most {map.MaxPartitions} partitions per domain");
        console.WriteLine();
        console.WriteLine("boot regions (programmed at boot, before any thread runs):");
        console.Write(Regions(map.BootRegions));
        foreach (DomainMap domain in map.Domains)
        {
            console.WriteLine();
            string members = domain.Members.Count == 0 ? "no live threads" : "threads: " + string.Join(", ", domain.Members);
            console.WriteLine($"domain '{domain.Name}' ({members})");
            if (domain.Partitions.Count == 0)
            {
                console.WriteLine("partitions: none");
            }
            else
            {
                console.Write(Partitions(domain.Partitions));
            }

            console.WriteLine(Budget(domain.Budget));
            console.WriteLine($"regions in force while a user thread of '{domain.Name}' runs:");
            console.Write(Regions(domain.ThreadRegions));
        }
    }

    private static Table Regions(IReadOnlyList<RegionUse> regions)
    {
        Table table = NewTable("region", "base", "limit", "size", "attributes", "holds");
        foreach (RegionUse r in regions)
        {
            table.AddRow(
                Cell(r.Slot < 0 ? "pages" : Invariant($"#{r.Slot}")),
                Cell(Hex(r.Range.Start)),
                Cell(Hex(r.Range.End - 1)),
                Cell(Size(r.Range.End - r.Range.Start)),
                Cell(r.Permissions.ToString()),
                Cell(r.Holder));
        }

        return table;
    }

    private static Table Partitions(IReadOnlyList<(int Slot, MemoryPartition Partition, string Holds)> partitions)
    {
        Table table = NewTable("slot", "base", "size", "attributes", "holds");
        foreach ((int slot, MemoryPartition p, string holds) in partitions)
        {
            table.AddRow(Cell(Invariant($"{slot}")), Cell(Hex(p.Start)), Cell(Size(p.Size)), Cell(p.Permissions.ToString()), Cell(holds));
        }

        return table;
    }

    private static string Budget(RegionBudget b) => b.TotalRegions == 0
        ? Invariant($"budget: page tables, no region limit; {b.SlotsLeft} more partitions allowed; {b.BytesWasted} bytes lost to page rounding")
        : Invariant($"budget: {b.TotalRegions} regions = {b.BootRegions} boot + {b.PerThreadRegions} per thread + {b.PartitionRegions} for partitions + {b.SlotsLeft} left; {b.BytesWasted} bytes lost to rounding");

    private static Table NewTable(params string[] columns)
    {
        var table = new Table { Border = TableBorder.Ascii };
        foreach (string column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    private static Text Cell(string text) => new(text);

    private static string Hex(ulong value) => Invariant($"0x{value:X8}");

    private static string Size(ulong bytes) => bytes % 1024 == 0 ? Invariant($"{bytes / 1024} KiB") : Invariant($"{bytes} B");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
