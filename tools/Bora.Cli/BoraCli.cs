using System.CommandLine;
using System.Reflection;
using Spectre.Console;

namespace Bora.Cli;

/// <summary>The <c>bora</c> command line: a root command with every <see cref="ICliCommand"/> as a subcommand.</summary>
public static class BoraCli
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var context = new CliContext(CreateConsole(output), error);
        RootCommand root = BuildRootCommand(context);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Builds the root command with every subcommand found in this assembly, in name order.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("Bora: Zephyr's memory protection and userspace in a managed runtime, over modelled MPUs and MMUs.");
        IEnumerable<ICliCommand> commands = typeof(BoraCli).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!);
        foreach (Command command in commands.Select(c => c.Build(context)).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output is for machines and logs: never wrap lines.
            console.Profile.Width = 100_000;
        }

        return console;
    }
}
