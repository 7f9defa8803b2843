using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Schedule text that does not parse or names an invalid value: where it is (<see cref="Line"/>, <see cref="Column"/>,
/// <see cref="Offset"/>, <see cref="Length"/>), what is wrong (<see cref="Reason"/>) and what was expected there.
/// </summary>
/// <remarks>A value out of range has the message a factory gives for it (<see cref="SchedArgumentException"/>).</remarks>
public sealed class SchedParseException : FormatException
{
    internal SchedParseException(string text, TextError error)
    : base(Describe(text, error))
    {
        (Line, Column) = error.Position(text);
        Offset = error.Start;
        Length = error.Length;
        Expected = error.Expected;
        Reason = error.Message;
    }

    /// <summary>Creates the exception with a bare message.</summary>
    public SchedParseException() => (Expected, Reason) = ("", "");

    /// <summary>Creates the exception with a bare message.</summary>
    public SchedParseException(string message) : base(message) => (Expected, Reason) = ("", message);

    /// <summary>Creates the exception with a bare message and an inner exception.</summary>
    public SchedParseException(string message, Exception innerException) : base(message, innerException) => (Expected, Reason) = ("", message);

    /// <summary>0-based offset of the offending text.</summary>
    public int Offset { get; }

    /// <summary>Length of the offending text (at least 1 for a located error).</summary>
    public int Length { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What would have been valid there (empty for range errors).</summary>
    public string Expected { get; }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }

    private static string Describe(string text, TextError error)
    {
        var (line, column) = error.Position(text);
        return $"line {line}, column {column}: {error.Message}";
    }
}
