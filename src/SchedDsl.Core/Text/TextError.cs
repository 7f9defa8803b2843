#nullable enable
namespace SchedDsl.Text;

/// <summary>What is wrong with a schedule text, and where (offset and length in the text).</summary>
internal sealed class TextError
{
    /// <summary>Creates an error at <paramref name="start"/> spanning <paramref name="length"/> characters.</summary>
    public TextError(string message, int start, int length, string expected)
    {
        Message = message;
        Start = start;
        Length = length < 1 ? 1 : length;
        Expected = expected;
    }

    /// <summary>The message, e.g. <c>one_cycle: div must be > 0, got 0</c>.</summary>
    public string Message { get; }

    /// <summary>Offset of the offending text.</summary>
    public int Start { get; }

    /// <summary>Length of the offending text (at least 1).</summary>
    public int Length { get; }

    /// <summary>What would have been valid there, e.g. <c>',' or ')'</c>; empty for range errors.</summary>
    public string Expected { get; }

    /// <summary>1-based line and column of <see cref="Start"/> in <paramref name="text"/>.</summary>
    public (int Line, int Column) Position(string text)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Start && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return (line, column);
    }
}
