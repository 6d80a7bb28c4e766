using Bora.Boards;
using Bora.Cli.Samples;
using Bora.Kernel;
using Bora.Kernel.Fatal;
using Bora.Kernel.Hosting;
using Spectre.Console;

namespace Bora.Cli;

/// <summary>Boots a sample on a board, runs it for a virtual duration, optionally writes its trace.</summary>
internal static class SampleRunner
{
    /// <summary>Runs <paramref name="sampleName"/>; returns the exit code. Errors are one line on the error writer.</summary>
    public static int Run(CliContext context, string command, string sampleName, string boardName, string? duration, string? traceFile, bool userspace = true) =>
        FindSample(context, command, sampleName) is { } sample
            ? Run(context, command, sample, boardName, duration, traceFile, userspace)
            : CliContext.BadInput;

    /// <summary>
    /// Runs <paramref name="sample"/> for <paramref name="duration"/> (its default when <see langword="null"/>), with
    /// <paramref name="userspace"/> as <see cref="KernelOptions.Userspace"/>; returns the exit code.
    /// </summary>
    public static int Run(CliContext context, string command, ISample sample, string boardName, string? duration, string? traceFile, bool userspace = true)
    {
        if (FindBoard(context, command, boardName) is not { } board)
        {
            return CliContext.BadInput;
        }

        if (!VirtualDuration.TryParse(duration ?? sample.DefaultDuration, out TimeSpan length, out string error))
        {
            return Fail(context, command, error);
        }

        KernelOptions options = board.CreateOptions();
        options.Name = sample.Name;
        options.Userspace = userspace;
        RunResult result;
        string? trace = null;
        long switches;
        using (var kernel = new BoraKernel(options))
        {
            sample.Define(kernel, line => context.Out.WriteLine(line));
            try
            {
                result = kernel.RunFor(length);
            }
            catch (KernelHaltedException e)
            {
                return Fail(context, command, $"{sample.Name} on {board.Name}: the kernel halted: {e.Message}", CliContext.Failure);
            }

            switches = kernel.Trace.Snapshot().LongCount(e => e.Kind == Kernel.Trace.TraceEventKind.Switch);
            if (traceFile is not null)
            {
                trace = kernel.ExportChromeTrace();
            }

            if (result.Reason == RunStopReason.Halted)
            {
                return Fail(context, command, $"{sample.Name} on {board.Name} halted at {result.Now.TotalSeconds:F6} s: {result.Halt?.Message}", CliContext.Failure);
            }

            string counted = kernel.Trace.HasWrapped ? $" in the last {kernel.Trace.Capacity} records" : string.Empty;
            context.Out.WriteLine($"{sample.Name}: {result.Now.TotalSeconds:F3} s of virtual time on {board}: {switches} context switches{counted}, {kernel.Trace.Written} trace records.");
        }

        if (trace is not null)
        {
            try
            {
                File.WriteAllText(traceFile!, trace);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Fail(context, command, $"cannot write the trace to '{traceFile}': {e.Message}");
            }

            context.Out.WriteLine($"trace written to {traceFile} (Chrome/Perfetto JSON: open it in ui.perfetto.dev or chrome://tracing)");
        }

        return CliContext.Success;
    }

    /// <summary>The sample called <paramref name="name"/>, or <see langword="null"/> after a one-line error listing the samples.</summary>
    public static ISample? FindSample(CliContext context, string command, string name)
    {
        ISample? sample = SampleCatalog.Create(name);
        if (sample is null)
        {
            Fail(context, command, $"unknown sample '{name}'; the samples are: {string.Join(", ", SampleCatalog.Names)}");
        }

        return sample;
    }

    /// <summary>The board called <paramref name="name"/>, or <see langword="null"/> after a one-line error listing the boards.</summary>
    public static KernelBoard? FindBoard(CliContext context, string command, string name)
    {
        KernelBoard? board = KernelBoards.Find(name);
        if (board is null)
        {
            Fail(context, command, $"unknown board '{name}'; the boards are: {string.Join(", ", KernelBoards.Names)}");
        }

        return board;
    }

    private static int Fail(CliContext context, string command, string message, int exit = CliContext.BadInput)
    {
        context.Error.WriteLine($"bora {command}: {message}");
        return exit;
    }
}
