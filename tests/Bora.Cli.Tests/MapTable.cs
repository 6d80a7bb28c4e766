namespace Bora.Cli.Tests;

/// <summary>The rows of the ASCII tables <c>bora map</c> prints in one section, as trimmed cells.</summary>
internal static class MapTable
{
    /// <summary>The section of <paramref name="output"/> from the line starting with <paramref name="heading"/> to the next blank line.</summary>
    public static string Section(string output, string heading)
    {
        int start = output.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section '{heading}' in:\n{output}");
        int end = output.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return end < 0 ? output[(start + 1)..] : output[(start + 1)..end];
    }

    /// <summary>The body rows of every table in <paramref name="section"/> whose header names <paramref name="firstColumn"/> first.</summary>
    public static List<string[]> Rows(string section, string firstColumn)
    {
        var rows = new List<string[]>();
        bool inTable = false;
        foreach (string line in section.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                inTable = line.StartsWith('+') && inTable;
                continue;
            }

            string[] cells = [.. line.Trim('|').Split('|').Select(c => c.Trim())];
            if (cells[0] == firstColumn)
            {
                inTable = true;
            }
            else if (inTable && !cells[0].StartsWith('-'))
            {
                rows.Add(cells);
            }
        }

        return rows;
    }
}
