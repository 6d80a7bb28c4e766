using System.CommandLine;
using Bora.Boards;
using Bora.Cli.Samples.ProdConsumer;
using Spectre.Console;

namespace Bora.Cli;

/// <summary>
/// <c>bora demo</c>: the userspace demo on the default board — Zephyr's prod_consumer (two user-mode apps in their
/// own memory domains, a shared partition, a driver ISR), after which app B reads app A's memory and is killed,
/// with the fault report printed.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("demo", $"Run Bora's userspace demo on {KernelBoards.DefaultName}: prod_consumer, then a caught memory-domain violation");
        command.SetAction(_ =>
        {
            context.Out.WriteLine($"Bora demo on {KernelBoards.DefaultName}: Zephyr's samples/userspace/prod_consumer. A driver ISR produces");
            context.Out.WriteLine("a payload every second; app A (user mode, app_a_domain) passes it through a shared partition to");
            context.Out.WriteLine("app B (user mode, app_b_domain), which processes it; app A writes the result back to the driver.");
            context.Out.WriteLine("Once done, app B reads app A's memory: the MPU stops it and the fault report names the culprit.");
            context.Out.WriteLine(string.Empty);
            return SampleRunner.Run(context, "demo", new ProdConsumerSample { Intruder = true }, KernelBoards.DefaultName, null, null);
        });
        return command;
    }
}
