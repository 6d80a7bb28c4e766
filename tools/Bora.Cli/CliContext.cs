using Spectre.Console;

namespace Bora.Cli;

/// <summary>Where a command writes: standard output (rendered with Spectre.Console) and standard error.</summary>
/// <param name="Out">Rendered output.</param>
/// <param name="Error">Error messages: one line each, no stack traces.</param>
public sealed record CliContext(IAnsiConsole Out, TextWriter Error)
{
    /// <summary>Exit code: success.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the command ran and found a problem (e.g. a disagreement).</summary>
    public const int Failure = 1;

    /// <summary>Exit code: the input could not be used (unreadable file, bad arguments).</summary>
    public const int BadInput = 2;
}
