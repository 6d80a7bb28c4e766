using System.Globalization;
using Bora.Kernel;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// Zephyr's log output for the sample (<c>LOG_INF</c>, <c>LOG_ERR</c>): <c>[hh:mm:ss.mmm] &lt;inf&gt; module: text</c>,
/// stamped with the virtual time to the millisecond, so the lines are the same on every board.
/// </summary>
internal sealed class SampleLog(BoraKernel kernel, Action<string> print)
{
    /// <summary>Prints a line with no stamp (banners, fault reports).</summary>
    public void Raw(string text) => print(text);

    /// <summary><c>LOG_INF</c> of <paramref name="module"/>.</summary>
    public void Inf(string module, string text) => Line("inf", module, text);

    /// <summary><c>LOG_ERR</c> of <paramref name="module"/>.</summary>
    public void Err(string module, string text) => Line("err", module, text);

    private void Line(string level, string module, string text)
    {
        TimeSpan now = kernel.Now;
        print(string.Create(CultureInfo.InvariantCulture, $"[{(int)now.TotalHours:D2}:{now.Minutes:D2}:{now.Seconds:D2}.{now.Milliseconds:D3}] <{level}> {module}: {text}"));
    }
}
