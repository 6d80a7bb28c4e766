using System.CommandLine;
using Bora.Boards;
using Bora.Cli.Layout;
using Bora.Cli.Samples;

namespace Bora.Cli;

/// <summary>
/// <c>bora layout SAMPLE [--board NAME]</c>: how a sample's automatic partitions are laid out on a board (every board
/// without <c>--board</c>): each partition's globals, offsets and padding, base and size, regions and waste, and the
/// waste of declaration order against the optimised order the kernel uses.
/// </summary>
public sealed class LayoutCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sample = new Argument<string>("sample") { Description = $"Sample with app memory: {string.Join(", ", Names())}" };
        var board = new Option<string?>("--board") { Description = $"Board: {string.Join(", ", KernelBoards.Names)} (default: every board)" };
        var command = new Command("layout", "Print how a sample's automatic memory partitions are laid out, per board") { sample, board };
        command.SetAction(parse => Run(context, parse.GetValue(sample)!, parse.GetValue(board)));
        return command;
    }

    private static IEnumerable<string> Names() =>
        SampleCatalog.Names.Where(n => SampleCatalog.Create(n) is IAppMemorySample);

    private static int Run(CliContext context, string sampleName, string? boardName)
    {
        if (SampleCatalog.Create(sampleName) is not IAppMemorySample sample)
        {
            context.Error.WriteLine($"bora layout: '{sampleName}' is not a sample with app memory; the samples with app memory are: {string.Join(", ", Names())}");
            return CliContext.BadInput;
        }

        IEnumerable<KernelBoard> boards = KernelBoards.All;
        if (boardName is not null)
        {
            if (SampleRunner.FindBoard(context, "layout", boardName) is not { } one)
            {
                return CliContext.BadInput;
            }

            boards = [one];
        }

        context.Out.Profile.Out.Writer.Write(string.Join("\n", boards.Select(b => LayoutReport.Render(sample.Name, b, sample.AppMemory))));
        return CliContext.Success;
    }
}
