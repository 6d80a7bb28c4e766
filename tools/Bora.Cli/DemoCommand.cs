using System.CommandLine;
using Bora.Boards;

namespace Bora.Cli;

/// <summary><c>bora demo</c>: the dining philosophers on the default board for the default virtual duration.</summary>
public sealed class DemoCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("demo", $"Run Bora's demo (the dining philosophers) on {KernelBoards.DefaultName} for 5 s of virtual time");
        command.SetAction(_ => SampleRunner.Run(context, "demo", "philosophers", KernelBoards.DefaultName, "5s", null));
        return command;
    }
}
