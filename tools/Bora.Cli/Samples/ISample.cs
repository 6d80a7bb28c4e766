using Bora.Kernel;

namespace Bora.Cli.Samples;

/// <summary>A program <c>bora run</c> can boot on a board.</summary>
internal interface ISample
{
    /// <summary>The name given to <c>bora run</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command's help and errors.</summary>
    string Description { get; }

    /// <summary>Virtual time <c>bora run</c> runs the sample for when <c>--for</c> is not given.</summary>
    string DefaultDuration => "5s";

    /// <summary>Defines the sample's objects and threads on <paramref name="kernel"/> and boots it; <paramref name="print"/> is its console.</summary>
    void Define(BoraKernel kernel, Action<string> print);
}
