using System.Globalization;
using System.Text;
using Bora.Boards;
using Bora.Kernel;
using Bora.Kernel.AppMemory;
using Bora.Kernel.Image;

namespace Bora.Cli.Layout;

/// <summary>
/// The text of <c>bora layout</c> for one sample on one board: each partition's globals with offsets and padding,
/// its base and size, the regions it needs and the bytes it wastes, in the optimised order the kernel uses, and the
/// waste of declaration order beside it.
/// </summary>
internal static class LayoutReport
{
    /// <summary>Both plans of <paramref name="image"/> on <paramref name="board"/>: declaration order and optimised.</summary>
    public static (AppMemoryPlan Declared, AppMemoryPlan Optimised) Plans(KernelBoard board, AppMemoryImage image)
    {
        using var kernel = new BoraKernel(board.CreateOptions());
        MemoryArea area = kernel.Layout.AppPartitions;
        uint start = area.Start + area.Used;
        return (AppMemoryLayout.Plan(image, kernel.PartitionRules, start, PlacementOrder.Declaration),
                AppMemoryLayout.Plan(image, kernel.PartitionRules, start, PlacementOrder.Optimised));
    }

    /// <summary>The report.</summary>
    public static string Render(string sample, KernelBoard board, AppMemoryImage image)
    {
        (AppMemoryPlan declared, AppMemoryPlan optimised) = Plans(board, image);
        PartitionRules rules = optimised.Rules;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{sample} on {board.Name} ({rules.Backend}): {rules.Describe()}\n");
        sb.Append(CultureInfo.InvariantCulture, $"app partitions from 0x{optimised.Start:X8}, placed in optimised order: {string.Join(", ", optimised.Partitions.Select(p => p.Name))}\n\n");
        foreach (PartitionPlacement p in optimised.Partitions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Name}: base 0x{p.Base:X8}, size {p.Size}, {p.GlobalBytes} bytes of globals, padding {p.Padding}, gap before {p.GapBefore}, {Regions(rules, p.Regions)}\n");
            foreach (GlobalPlacement g in p.Globals)
            {
                string kind = g.IsBss ? "bss " : "data";
                sb.Append(CultureInfo.InvariantCulture, $"  +0x{g.Offset:X4}  {kind}  {g.Name,-18} {g.Size,6} B  align {g.Alignment,-4} pad {g.PaddingBefore}\n");
            }

            uint tail = p.Size - p.ContentBytes;
            sb.Append(CultureInfo.InvariantCulture, $"  +0x{p.ContentBytes:X4}  pad   {"(rounding)",-18} {tail,6} B\n");
        }

        sb.Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"{"order",-12} {"span",8} {"globals",8} {"wasted",8} {"regions",8}\n");
        foreach ((string name, AppMemoryPlan plan) in new[] { ("declaration", declared), ("optimised", optimised) })
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name,-12} {plan.End - plan.Start,8} {plan.GlobalBytes,8} {plan.Wasted,8} {plan.Regions,8}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"optimised order saves {declared.Wasted - optimised.Wasted} bytes\n");
        return sb.ToString();
    }

    private static string Regions(PartitionRules rules, uint n) =>
        rules.Paged ? $"{n} page{(n == 1 ? string.Empty : "s")}" : $"{n} region{(n == 1 ? string.Empty : "s")}";
}
