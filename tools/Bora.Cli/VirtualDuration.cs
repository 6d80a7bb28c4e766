using System.Globalization;
using System.Text.RegularExpressions;

namespace Bora.Cli;

/// <summary>Parses virtual durations given on the command line: <c>250us</c>, <c>500ms</c>, <c>5s</c>, <c>1.5s</c>, <c>1m</c>, <c>2h</c>.</summary>
internal static partial class VirtualDuration
{
    /// <summary>The default run length of <c>bora run</c> and <c>bora demo</c>.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(5);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is accepted.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = default;
        Match match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"cannot read the duration '{text}'; write a number and a unit: 250us, 500ms, 5s, 1.5s, 1m, 2h";
            return false;
        }

        double value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        double ticks = match.Groups[2].Value switch
        {
            "us" => value * TimeSpan.TicksPerMicrosecond,
            "ms" => value * TimeSpan.TicksPerMillisecond,
            "s" => value * TimeSpan.TicksPerSecond,
            "m" => value * TimeSpan.TicksPerMinute,
            _ => value * TimeSpan.TicksPerHour,
        };
        if (ticks < 1 || ticks > TimeSpan.FromDays(1).Ticks)
        {
            error = $"the duration '{text}' must be more than 0 and at most a day of virtual time";
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        error = string.Empty;
        return true;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(us|ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
