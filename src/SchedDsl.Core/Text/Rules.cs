#nullable enable
namespace SchedDsl.Text;

/// <summary>The allowed range of a numeric parameter.</summary>
internal enum Rule
{
    /// <summary>Any finite number.</summary>
    Finite,

    /// <summary>A finite number within ±<see cref="Rules.ValueLimit"/>: a value a schedule takes (an endpoint, a peak).</summary>
    Value,

    /// <summary>A finite number &gt; 0.</summary>
    Positive,

    /// <summary>A number &gt; 0 within ±<see cref="Rules.ValueLimit"/>: a value a geometric schedule takes.</summary>
    PositiveValue,

    /// <summary>A finite number &gt;= 0.</summary>
    NonNegative,

    /// <summary>A finite number in [0, 1].</summary>
    Fraction,

    /// <summary>A whole number &gt;= 1.</summary>
    AtLeastOne,
}

/// <summary>
/// The one source of truth for single-argument range checks and their messages, shared by the factories (at run
/// time) and the text binder (at parse time and in the source generator, at compile time).
/// </summary>
internal static class Rules
{
    /// <summary>How far <c>combine</c>'s pcts may sum from 1 (fastai asserts exactly 1 in float32).</summary>
    public const double PctsSumTolerance = 1e-9;

    /// <summary>
    /// The largest magnitude a schedule's values may have: the annealers compute <c>2*(end - start)</c>
    /// (<c>cos</c>), which stays finite for endpoints within ±<c>double.MaxValue/4</c> (about 4.49e307).
    /// </summary>
    public const double ValueLimit = double.MaxValue / 4;

    /// <summary>The problem with <paramref name="value"/> under <paramref name="rule"/>, e.g. <c>must be > 0, got 0</c>; null when it is fine.</summary>
    /// <remarks>Formats the number only when there is a problem: a valid argument costs a few comparisons.</remarks>
    public static string? Problem(double value, Rule rule)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return $"must be a finite number, got {TextNumbers.Format(value)}";
        }
        var allowed = rule switch
        {
            Rule.Positive or Rule.PositiveValue when !(value > 0) => "> 0",
            Rule.NonNegative when !(value >= 0) => ">= 0",
            Rule.Fraction when !(value >= 0 && value <= 1) => "in [0, 1]",
            Rule.AtLeastOne when value < 1 => ">= 1",
            Rule.AtLeastOne when value != System.Math.Floor(value) => "a whole number",
            Rule.AtLeastOne when value > int.MaxValue => $"<= {int.MaxValue}",
            _ => null,
        };
        if (allowed is not null)
        {
            return $"must be {allowed}, got {TextNumbers.Format(value)}";
        }
        return rule is Rule.Value or Rule.PositiveValue && !(System.Math.Abs(value) <= ValueLimit)
            ? $"must be within ±{TextNumbers.Format(ValueLimit)} (the annealers compute 2*(end - start)), got {TextNumbers.Format(value)}"
            : null;
    }

    /// <summary>The allowed range in words, for docs and messages, e.g. <c>&gt; 0</c>.</summary>
    public static string Describe(Rule rule) => rule switch
    {
        Rule.Finite => "finite",
        Rule.Value => "in range",
        Rule.Positive => "> 0",
        Rule.PositiveValue => "> 0, in range",
        Rule.NonNegative => ">= 0",
        Rule.Fraction => "in [0, 1]",
        _ => "whole, >= 1",
    };

    /// <summary>The problem with <c>combine</c>'s pcts sum, or null.</summary>
    public static string? PctsSumProblem(double sum) =>
        System.Math.Abs(sum - 1) > PctsSumTolerance
            ? $"must sum to 1 (within {TextNumbers.Format(PctsSumTolerance)}), got a sum of {TextNumbers.Computed(sum)}"
            : null;
}
