using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Bora.Kernel.Tests.UserMode.Budget;

/// <summary>A Serilog sink that keeps every event, and a logger writing to it at every level.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public LogCapture()
    {
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
    }

    /// <summary>The logger to hand to the code under test.</summary>
    public ILogger Logger { get; }

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<LogEvent> Events => _events;

    /// <summary>The region-budget refusals logged so far (either template of <c>RegionBudgetLog</c>).</summary>
    public IEnumerable<LogEvent> Refusals() =>
        _events.Where(e => e.MessageTemplate.Text is Kernel.Memory.RegionBudgetLog.MpuTemplate or Kernel.Memory.RegionBudgetLog.PageTableTemplate);

    public void Emit(LogEvent logEvent) => _events.Add(logEvent);

    /// <summary>The scalar value of <paramref name="name"/> in <paramref name="e"/>.</summary>
    public static object? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out LogEventPropertyValue? value) && value is ScalarValue s ? s.Value : null;

    /// <summary>The elements of the sequence property <paramref name="name"/> in <paramref name="e"/>, as strings.</summary>
    public static IReadOnlyList<string> Sequence(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out LogEventPropertyValue? value) && value is SequenceValue seq
            ? [.. seq.Elements.Select(v => v is ScalarValue s ? s.Value?.ToString() ?? string.Empty : v.ToString())]
            : [];
}
