namespace SchedDsl.Cli.Commands;

/// <summary>
/// The schedule text a command was given. A text that does not parse is a <see cref="CliTextError"/>: for each
/// problem, the parser's one-line message, then the text's line with a caret under the offending characters, as
/// compilers show it.
/// </summary>
internal static class ScheduleText
{
    public static Sched Parse(string text)
    {
        try
        {
            return Sched.Parse(text);
        }
        catch (SchedParseException error)
        {
            throw new CliTextError(error, text);
        }
    }
}

/// <summary>
/// A schedule text that does not parse: every problem (<see cref="SchedParseException.Errors"/>), each as an error
/// line and two more lines that echo the text with a caret (<see cref="Echo"/>).
/// </summary>
internal sealed class CliTextError(SchedParseException error, string text) : Exception(error.Message, error)
{
    /// <summary>How much of a long line is shown around the error.</summary>
    internal const int Window = 100;

    private const string Indent = "  ";

    /// <summary>Every problem in text order, each as <c>error: line L, column C: …</c>, the text's line and the caret line.</summary>
    public IEnumerable<string> Lines =>
        error.Errors.SelectMany(problem => new[] { $"error: {CliRunner.OneLine(problem.ToString())}" }.Concat(Echo(problem)));

    /// <summary>
    /// The problem's line of the text, indented, and a line with <c>^</c> under each character of the problem (at least
    /// one). Control characters and line separators show as spaces so that the echo is one line and the caret lines
    /// up; a line longer than <see cref="Window"/> is cut to the part around the problem, with <c>…</c> where it is cut.
    /// </summary>
    public string[] Echo(SchedParseError problem)
    {
        var lines = text.Split('\n');
        var line = lines[Math.Clamp(problem.Line - 1, 0, lines.Length - 1)].TrimEnd('\r');
        var column = Math.Clamp(problem.Column - 1, 0, line.Length);
        var length = Math.Clamp(problem.Length, 1, Math.Max(1, line.Length - column));
        var start = line.Length <= Window ? 0 : Math.Clamp(column - (Window / 2), 0, line.Length - Window);
        var end = Math.Min(line.Length, start + Window);
        var shown = (start > 0 ? "…" : "") + Printable(line[start..end]) + (end < line.Length ? "…" : "");
        var caretAt = column - start + (start > 0 ? 1 : 0);
        var carets = Math.Min(length, Math.Max(1, end - column));
        return [Indent + shown, Indent + new string(' ', caretAt) + new string('^', carets)];
    }

    private static string Printable(string line) =>
        string.Create(line.Length, line, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator
                    or System.Globalization.UnicodeCategory.ParagraphSeparator ? ' ' : c;
            }
        });
}
