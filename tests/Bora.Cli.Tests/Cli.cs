using Bora.Boards;

namespace Bora.Cli.Tests;

/// <summary>Runs <c>bora</c> in-process and captures what it writes.</summary>
internal static class Cli
{
    /// <summary>Every built-in board, in the order <c>bora</c> lists them.</summary>
    public static IEnumerable<string> Boards => KernelBoards.Names;

    /// <summary>Runs <c>bora <paramref name="args"/></c>: the exit code, standard output and standard error.</summary>
    public static (int Exit, string Out, string Err) Bora(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = BoraCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
