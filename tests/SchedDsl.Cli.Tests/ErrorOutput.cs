using System.Text.RegularExpressions;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary>
/// The tool's rule for errors (docs/robustness.md): exit code 2 and one line <c>error: …</c> on stderr; when the
/// error is in a schedule text (<c>error: line L, column C: …</c>), exactly two more lines echo the text's line,
/// indented by two spaces, and a caret line under the error; a text with several problems repeats those three lines
/// for each. Never a stack trace.
/// </summary>
internal static partial class ErrorOutput
{
    public static bool Follows(string stderr)
    {
        var lines = stderr.Split('\n');
        if (!lines[0].StartsWith("error: ", StringComparison.Ordinal) || stderr.Contains("Exception", StringComparison.Ordinal))
        {
            return false;
        }
        return lines.Length == 1 || (lines.Length % 3 == 0 && Enumerable.Range(0, lines.Length / 3).All(i => IsEchoed(lines, 3 * i)));
    }

    /// <summary>A located error line at <paramref name="at"/>, then the echo of the text and the caret line.</summary>
    private static bool IsEchoed(string[] lines, int at) =>
        Located().IsMatch(lines[at]) && lines[at + 1].StartsWith("  ", StringComparison.Ordinal) && Caret().IsMatch(lines[at + 2]);

    /// <summary>The rule holds and the error line contains <paramref name="message"/>.</summary>
    public static void Check(string stderr, string message)
    {
        Assert.True(Follows(stderr), $"stderr breaks the error rule:\n{stderr}");
        var first = stderr.Split('\n')[0];
        Assert.Contains(message, first, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", first.Replace("at every", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^error: line \d+, column \d+: ")]
    private static partial Regex Located();

    [GeneratedRegex(@"^ {2,}\^+$")]
    private static partial Regex Caret();
}
