using System.CommandLine;

namespace Bora.Cli;

/// <summary>
/// One subcommand of <c>bora</c>. Every non-abstract implementation in this assembly is found and
/// added to the root command, so a new subcommand is one new file.
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the command, writing through <paramref name="context"/>.</summary>
    Command Build(CliContext context);
}
