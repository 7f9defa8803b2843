using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// One problem in a schedule text, where it is and what is wrong: one of the <see cref="SchedParseException.Errors"/>,
/// or of the failures of <see cref="Sched.Validate"/>. A text with several problems has one of these for each.
/// </summary>
/// <param name="Line">1-based line of the offending text.</param>
/// <param name="Column">1-based column of the offending text.</param>
/// <param name="Offset">0-based offset of the offending text.</param>
/// <param name="Length">Length of the offending text (at least 1).</param>
/// <param name="Expected">What would have been valid there (empty for range errors).</param>
/// <param name="Reason">What is wrong, without the position, e.g. <c>one_cycle: div must be &gt; 0, got 0</c>.</param>
/// <remarks>Immutable; <see cref="ToString"/> is the compiler-style line <c>line L, column C: Reason</c>.</remarks>
public sealed record SchedParseError(int Line, int Column, int Offset, int Length, string Expected, string Reason)
{
    internal static SchedParseError Of(string text, TextError error)
    {
        var (line, column) = error.Position(text);
        return new(line, column, error.Start, error.Length, error.Expected, error.Message);
    }

    /// <summary><c>line L, column C: Reason</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Reason}";
}
