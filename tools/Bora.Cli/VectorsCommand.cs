using System.CommandLine;
using Bora.Vectors;
using Spectre.Console;

namespace Bora.Cli;

/// <summary><c>bora vectors FILE...</c>: replays hardware vector files on Bora's models.</summary>
public sealed class VectorsCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new Argument<string[]>("files")
        {
            Description = "Vector files (JSON lines, optionally .gz)",
            Arity = ArgumentArity.OneOrMore,
        };
        var show = new Option<int>("--show")
        {
            Description = "How many disagreements to print in full per file",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("vectors", "Replay hardware test vectors and report agreement per file") { files, show };
        command.SetAction(parse => Run(context, parse.GetValue(files) ?? [], Math.Max(0, parse.GetValue(show))));
        return command;
    }

    private static int Run(CliContext context, string[] files, int show)
    {
        var runner = new VectorRunner(KnownReplayers.Create());
        bool disagreed = false, unreadable = false;
        foreach (string file in files)
        {
            VectorFileReport report;
            try
            {
                report = runner.Run(file);
            }
            catch (VectorFormatException e)
            {
                context.Error.WriteLine($"bora vectors: {e.Message}");
                unreadable = true;
                continue;
            }

            int disagree = report.Disagreements.Count;
            string colour = disagree == 0 ? "green" : "red";
            context.Out.MarkupLine($"[{colour}]{Markup.Escape($"{file}: {report.Agree} agree, {disagree} disagree")}[/]");
            foreach (VectorDisagreement d in report.Disagreements.Take(show))
            {
                context.Out.WriteLine(d.ToString());
            }

            disagreed |= disagree > 0;
        }

        return unreadable ? CliContext.BadInput : disagreed ? CliContext.Failure : CliContext.Success;
    }
}
