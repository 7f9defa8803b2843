using System.Text.RegularExpressions;
using SchedDsl.Tests.Shared;

namespace SchedDsl.Docs.Tests.Api;

/// <summary>
/// An inline code span of a Markdown file (outside fenced blocks), with its line, whether that line carries the
/// historical marker, and which table cell it sits in (-1 outside a table).
/// </summary>
internal sealed partial record CodeSpan(string Doc, int Line, string Text, bool Historical, int Cell)
{
    /// <summary>
    /// Marks a line that names an API of an earlier release on purpose (a measurement taken with it, say): the API
    /// names test skips that line. Write it at the end of the line; Markdown does not render it.
    /// </summary>
    public const string HistoricalMarker = "<!-- api: historical -->";

    public override string ToString() => $"{Doc}:{Line}: `{Text}`";

    /// <summary>The spans of <paramref name="doc"/>, a path relative to the repository root.</summary>
    public static IEnumerable<CodeSpan> Read(string doc)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, doc));
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced)
            {
                continue;
            }
            var historical = line.Contains(HistoricalMarker, StringComparison.Ordinal);
            foreach (Match m in Span().Matches(line))
            {
                yield return new CodeSpan(doc, i + 1, m.Groups["code"].Value.Trim(), historical, CellAt(line, m.Index));
            }
        }
    }

    /// <summary>The table cell (from 0) at <paramref name="index"/>, counting unescaped pipes outside code spans.</summary>
    private static int CellAt(string line, int index)
    {
        if (!line.TrimStart().StartsWith('|'))
        {
            return -1;
        }
        var pipes = 0;
        var inCode = false;
        for (var i = 0; i < index; i++)
        {
            inCode ^= line[i] == '`';
            pipes += !inCode && line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
        }
        return pipes - 1;
    }

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex Span();
}
