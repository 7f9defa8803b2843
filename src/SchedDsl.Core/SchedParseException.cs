using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Schedule text that does not parse or names invalid values: every problem (<see cref="Errors"/>), each with where
/// it is and what is wrong, as a compiler lists them. <see cref="Line"/>, <see cref="Column"/>, <see cref="Offset"/>,
/// <see cref="Length"/>, <see cref="Reason"/> and <see cref="Expected"/> are the first problem's.
/// </summary>
/// <remarks>
/// A value out of range has the message a factory gives for it (<see cref="SchedArgumentException"/>). The
/// <see cref="Exception.Message"/> is one line per problem, <c>line L, column C: Reason</c>, in text order.
/// </remarks>
public sealed class SchedParseException : FormatException
{
    internal SchedParseException(string text, IReadOnlyList<TextError> errors)
    : this([.. errors.Select(error => SchedParseError.Of(text, error))])
    {
    }

    private SchedParseException(SchedParseError[] errors)
    : base(string.Join("\n", errors.Select(error => error.ToString())))
    {
        Errors = errors;
        var first = errors[0];
        (Line, Column, Offset, Length, Expected, Reason) = (first.Line, first.Column, first.Offset, first.Length, first.Expected, first.Reason);
    }

    /// <summary>Every problem, in text order; the first is also <see cref="Line"/>, <see cref="Column"/>, … (empty for a bare message).</summary>
    public IReadOnlyList<SchedParseError> Errors { get; } = [];

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
}
