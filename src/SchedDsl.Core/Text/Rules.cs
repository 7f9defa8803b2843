#nullable enable
namespace SchedDsl.Text;

/// <summary>The allowed range of a numeric parameter.</summary>
public enum Rule
{
    /// <summary>Any finite number.</summary>
    Finite,

    /// <summary>A finite number &gt; 0.</summary>
    Positive,

    /// <summary>A finite number &gt;= 0.</summary>
    NonNegative,

    /// <summary>A finite number in [0, 1].</summary>
    Fraction,

    /// <summary>A whole number &gt;= 1.</summary>
    AtLeastOne,
}

/// <summary>
/// The one source of truth for range checks and their messages, shared by the factories (at run time) and the
/// text binder (at parse time and in the source generator, at compile time).
/// </summary>
public static class Rules
{
    /// <summary>How far <c>combine</c>'s pcts may sum from 1 (fastai asserts exactly 1 in float32).</summary>
    public const double PctsSumTolerance = 1e-9;

    /// <summary>The problem with <paramref name="value"/> under <paramref name="rule"/>, e.g. <c>must be > 0, got 0</c>; null when it is fine.</summary>
    public static string? Problem(double value, Rule rule)
    {
        var shown = TextNumbers.Format(value);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return $"must be a finite number, got {shown}";
        }
        return rule switch
        {
            Rule.Positive when !(value > 0) => $"must be > 0, got {shown}",
            Rule.NonNegative when !(value >= 0) => $"must be >= 0, got {shown}",
            Rule.Fraction when !(value >= 0 && value <= 1) => $"must be in [0, 1], got {shown}",
            Rule.AtLeastOne when value < 1 => $"must be >= 1, got {shown}",
            Rule.AtLeastOne when value != System.Math.Floor(value) => $"must be a whole number, got {shown}",
            Rule.AtLeastOne when value > int.MaxValue => $"must be <= {int.MaxValue}, got {shown}",
            _ => null,
        };
    }

    /// <summary>The problem with <c>combine</c>'s pcts sum, or null.</summary>
    public static string? PctsSumProblem(double sum) =>
        System.Math.Abs(sum - 1) > PctsSumTolerance
            ? $"must sum to 1 (within {TextNumbers.Format(PctsSumTolerance)}), got a sum of {TextNumbers.Format(sum)}"
            : null;
}
