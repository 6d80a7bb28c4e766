using System.CommandLine;
using Bora.Boards;
using Bora.Cli.Map;
using Bora.Cli.Samples;

namespace Bora.Cli;

/// <summary>
/// <c>bora map [--board NAME] [--sample NAME] [--at DURATION]</c>: the boot regions a board's protection driver
/// programs, and each memory domain's partitions, region budget and the regions in force for a thread of it.
/// </summary>
public sealed class MapCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var board = new Option<string>("--board")
        {
            Description = $"Board to map: {string.Join(", ", KernelBoards.Names)}",
            DefaultValueFactory = _ => KernelBoards.DefaultName,
        };
        var sample = new Option<string?>("--sample") { Description = $"Boot this sample first and map its domains: {string.Join(", ", SampleCatalog.Names)}" };
        var at = new Option<string>("--at")
        {
            Description = "Virtual time to run the sample before mapping its domains (e.g. 100ms)",
            DefaultValueFactory = _ => "100ms",
        };
        var command = new Command("map", "Print the protection regions of a board: boot regions and each memory domain's regions") { board, sample, at };
        command.SetAction(parse => Run(context, parse.GetValue(board)!, parse.GetValue(sample), parse.GetValue(at)!));
        return command;
    }

    private static int Run(CliContext context, string boardName, string? sampleName, string at)
    {
        ISample? sample = null;
        if (sampleName is not null && (sample = SampleRunner.FindSample(context, "map", sampleName)) is null)
        {
            return CliContext.BadInput;
        }

        if (SampleRunner.FindBoard(context, "map", boardName) is not { } board)
        {
            return CliContext.BadInput;
        }

        if (!VirtualDuration.TryParse(at, out TimeSpan settle, out string error))
        {
            context.Error.WriteLine($"bora map: {error}");
            return CliContext.BadInput;
        }

        MapRenderer.Render(context.Out, KernelMap.Take(board, sample, settle));
        return CliContext.Success;
    }
}
