using System.CommandLine;
using Bora.Boards;
using Bora.Cli.Samples;

namespace Bora.Cli;

/// <summary><c>bora run SAMPLE [--board NAME] [--for DURATION] [--trace FILE] [--userspace false]</c>: runs a sample on a board for a virtual duration.</summary>
public sealed class RunCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sample = new Argument<string>("sample") { Description = $"The sample to run: {string.Join(", ", SampleCatalog.Names)}" };
        var board = new Option<string>("--board")
        {
            Description = $"Board to boot on: {string.Join(", ", KernelBoards.Names)}",
            DefaultValueFactory = _ => KernelBoards.DefaultName,
        };
        var duration = new Option<string?>("--for")
        {
            Description = "Virtual time to run for (e.g. 500ms, 5s, 1m); default: the sample's (5 s; prod_consumer 15 s)",
        };
        var trace = new Option<string?>("--trace") { Description = "Write the trace (Chrome/Perfetto JSON) to this file" };
        var userspace = new Option<bool>("--userspace")
        {
            Description = "CONFIG_USERSPACE: 'false' runs the same sample with protection off (K_USER threads privileged, z_* direct calls)",
            DefaultValueFactory = _ => true,
        };
        var command = new Command("run", "Run a sample on a board for a virtual duration (default 5 s; prod_consumer 15 s)") { sample, board, duration, trace, userspace };
        command.SetAction(parse => SampleRunner.Run(context, "run", parse.GetValue(sample)!, parse.GetValue(board)!, parse.GetValue(duration), parse.GetValue(trace), parse.GetValue(userspace)));
        return command;
    }
}
