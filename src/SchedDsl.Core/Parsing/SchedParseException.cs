namespace SchedDsl.Text;

/// <summary>Schedule text that does not parse or names an invalid value: where it is and what was expected.</summary>
public sealed class SchedParseException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/> in <paramref name="text"/>.</summary>
    public SchedParseException(string text, TextError error)
        : base(Describe(text, error))
    {
        ArgumentNullException.ThrowIfNull(error);
        (Line, Column) = error.Position(text);
        Expected = error.Expected;
        Reason = error.Message;
    }

    /// <summary>Creates the exception with a bare message.</summary>
    public SchedParseException() => (Expected, Reason) = ("", "");

    /// <summary>Creates the exception with a bare message.</summary>
    public SchedParseException(string message) : base(message) => (Expected, Reason) = ("", message);

    /// <summary>Creates the exception with a bare message and an inner exception.</summary>
    public SchedParseException(string message, Exception innerException) : base(message, innerException) => (Expected, Reason) = ("", message);

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
