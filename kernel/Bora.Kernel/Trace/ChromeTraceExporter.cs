using System.Text;
using System.Text.Json;

namespace Bora.Kernel.Trace;

/// <summary>
/// Writes a kernel trace in the Chrome/Perfetto trace event format (JSON): one track per thread,
/// "running" slices from switches, nested slices for kernel calls and ISRs, instants for faults and
/// halts. Timestamps are virtual microseconds.
/// </summary>
public static class ChromeTraceExporter
{
    /// <summary>Exports <paramref name="events"/> of a kernel whose core runs at <paramref name="cyclesPerSecond"/>.</summary>
    /// <param name="events">The records, oldest first.</param>
    /// <param name="cyclesPerSecond">Core clock, to convert cycles to microseconds.</param>
    /// <param name="threadNames">Thread names by trace id.</param>
    /// <param name="processName">Name shown for the kernel's process track.</param>
    public static string Export(IReadOnlyList<TraceEvent> events, ulong cyclesPerSecond, IReadOnlyDictionary<int, string> threadNames, string processName)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(threadNames);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("displayTimeUnit", "ns");
            json.WriteStartArray("traceEvents");
            Metadata(json, "process_name", 0, processName);
            foreach (KeyValuePair<int, string> pair in threadNames.OrderBy(p => p.Key))
            {
                Metadata(json, "thread_name", pair.Key, $"{pair.Value} (T{pair.Key})");
            }

            foreach (TraceEvent e in events)
            {
                double ts = e.Cycles * 1_000_000.0 / cyclesPerSecond;
                switch (e.Kind)
                {
                    case TraceEventKind.Switch:
                        Event(json, "E", "running", "sched", ts, e.Thread);
                        Event(json, "B", "running", "sched", ts, e.Arg);
                        break;
                    case TraceEventKind.IsrEnter:
                        Event(json, "B", $"ISR {e.Arg}", "irq", ts, e.Thread);
                        break;
                    case TraceEventKind.IsrExit:
                        Event(json, "E", $"ISR {e.Arg}", "irq", ts, e.Thread);
                        break;
                    case TraceEventKind.CallEnter:
                        Event(json, "B", ((KernelCall)e.Arg).ToString(), "kernel", ts, e.Thread);
                        break;
                    case TraceEventKind.CallExit:
                        Event(json, "E", ((KernelCall)e.Arg).ToString(), "kernel", ts, e.Thread, ("result", e.Value));
                        break;
                    case TraceEventKind.Fault:
                        Instant(json, $"fatal {(FatalReason)e.Arg}", ts, e.Thread);
                        break;
                    case TraceEventKind.Halt:
                        Instant(json, "halt", ts, e.Thread);
                        break;
                    case TraceEventKind.ThreadCreate:
                        Instant(json, $"create T{e.Value} prio {e.Arg}", ts, e.Thread);
                        break;
                    case TraceEventKind.ThreadExit:
                        Instant(json, "exit", ts, e.Thread);
                        break;
                    case TraceEventKind.SyscallEnter:
                        Event(json, "B", Syscalls.SyscallIds.NameOf((uint)e.Arg) ?? $"syscall {(uint)e.Arg}", "syscall", ts, e.Thread);
                        break;
                    case TraceEventKind.SyscallExit:
                        Event(json, "E", Syscalls.SyscallIds.NameOf((uint)e.Arg) ?? $"syscall {(uint)e.Arg}", "syscall", ts, e.Thread, ("result", e.Value));
                        break;
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Metadata(Utf8JsonWriter json, string name, int tid, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Event(Utf8JsonWriter json, string phase, string name, string category, double ts, int tid, (string Key, long Value)? arg = null)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", phase);
        json.WriteNumber("ts", ts);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", tid);
        if (arg is { } a)
        {
            json.WriteStartObject("args");
            json.WriteNumber(a.Key, a.Value);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Instant(Utf8JsonWriter json, string name, double ts, int tid)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "i");
        json.WriteString("s", "t");
        json.WriteNumber("ts", ts);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", tid);
        json.WriteEndObject();
    }
}
