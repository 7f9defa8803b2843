#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
using System;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Checks that involve more than one argument, written once and run by the factories, <c>Sched.Parse</c> and the
/// source generator alike. Each returns the problem, or null when the arguments are fine; messages name the value
/// received and the allowed range, and format numbers only on failure.
/// </summary>
internal static class CrossRules
{
    private static string Show(double value) => TextNumbers.Format(value);

    /// <summary>A number the rule computed, rounded (<see cref="TextNumbers.Computed"/>).</summary>
    private static string ShowComputed(double value) => TextNumbers.Computed(value);

    /// <summary>Every number of <paramref name="derived"/> within ±<see cref="Rules.ValueLimit"/>, blaming <paramref name="blamed"/> (whose value is <paramref name="value"/>).</summary>
    public static ArgProblem? Derived(string blamed, double value, IEnumerable<double> derived, string what)
    {
        foreach (var number in derived)
        {
            if (!(Math.Abs(number) <= Rules.ValueLimit))
            {
                return new ArgProblem(
                    blamed,
                    $"must keep {what} within ±{Show(Rules.ValueLimit)} (the annealers compute 2*(end - start)), got {Show(value)}, which makes it {ShowComputed(number)}");
            }
        }
        return null;
    }

    /// <summary><paramref name="values"/> each multiplied by <paramref name="factor"/>: a per-group value scaled (fastai's arrays and slices alike).</summary>
    public static IEnumerable<double> Times(IReadOnlyList<double> values, double factor)
    {
        foreach (var value in values)
        {
            yield return value * factor;
        }
    }

    /// <summary><paramref name="values"/> each divided by <paramref name="divisor"/>, as fastai's <c>lr_max/div</c>.</summary>
    public static IEnumerable<double> Over(IReadOnlyList<double> values, double divisor)
    {
        foreach (var value in values)
        {
            yield return value / divisor;
        }
    }

    /// <summary>A divisor that keeps <c>value/divisor</c> (where a schedule starts or ends) within range.</summary>
    public static ArgProblem? Divisor(Args a, string divisor, string value)
    {
        // A loop, not Derived(Over(…)): every factory call runs this, and an iterator would allocate.
        var by = a.Number(divisor);
        var values = a.Numbers(value);
        for (var i = 0; i < values.Count; i++)
        {
            if (!(Math.Abs(values[i] / by) <= Rules.ValueLimit))
            {
                return Derived(divisor, by, [values[i] / by], $"{value}/{divisor}");
            }
        }
        return null;
    }

    /// <summary>A ratio that keeps <c>value*ratio</c> within range.</summary>
    public static ArgProblem? Ratio(Args a, string ratio, string value)
    {
        var by = a.Number(ratio);
        var values = a.Numbers(value);
        for (var i = 0; i < values.Count; i++)
        {
            if (!(Math.Abs(values[i] * by) <= Rules.ValueLimit))
            {
                return Derived(ratio, by, [values[i] * by], $"{value}*{ratio}");
            }
        }
        return null;
    }

    /// <summary>
    /// A ratio <c>end/start</c> that a geometric schedule raises to a power: within [0, <see cref="Rules.ValueLimit"/>]
    /// (an underflow to 0 is finite), or the values overflow to ∞. Blames <paramref name="end"/>.
    /// </summary>
    public static ArgProblem? Geometric(double startValue, double endValue, string start, string end)
    {
        var ratio = endValue / startValue;
        return ratio >= 0 && ratio <= Rules.ValueLimit
            ? null
            : new ArgProblem(
                end,
                $"must keep {end}/{start} a number in [0, {Show(Rules.ValueLimit)}] (the values step geometrically by it), got {start} = {Show(startValue)}, {end} = {Show(endValue)}, which makes it {ShowComputed(ratio)}");
    }

    /// <summary>Two shares of training that must fit in it together.</summary>
    public static ArgProblem? SharesFit(Args a, string first, string second)
    {
        double x = a.Number(first), y = a.Number(second);
        return x + y > 1 + Rules.PctsSumTolerance
            ? new ArgProblem(second, $"must be <= 1 - {first} = {ShowComputed(1 - x)} (the two phases must fit in training), got {Show(y)}")
            : null;
    }

    /// <summary>A number in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static ArgProblem? Within(Args a, string parameter, double low, double high)
    {
        var value = a.Number(parameter);
        return value >= low && value <= high
            ? null
            : new ArgProblem(parameter, $"must be in [{Show(low)}, {Show(high)}], got {Show(value)}");
    }

    /// <summary>A whole number no larger than <paramref name="maximum"/>, for the reason given.</summary>
    public static ArgProblem? AtMost(Args a, string parameter, int maximum, string why)
    {
        var value = a.Number(parameter);
        return value <= maximum ? null : new ArgProblem(parameter, $"must be <= {maximum} ({why}), got {Show(value)}");
    }

    /// <summary>Positions in non-decreasing order.</summary>
    public static ArgProblem? Ordered(Args a, string parameter)
    {
        var values = a.Numbers(parameter);
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] < values[i - 1])
            {
                return new ArgProblem(
                    parameter, $"must be in non-decreasing order, got {Show(values[i])} after {Show(values[i - 1])} at index {i}");
            }
        }
        return null;
    }

    /// <summary>One item of <paramref name="parameter"/> per item of <paramref name="per"/>.</summary>
    public static ArgProblem? SameCount(Args a, string parameter, string per, string item, string perItem)
    {
        int count = a.Numbers(parameter).Count, expected = a.Numbers(per).Count;
        return count == expected
            ? null
            : new ArgProblem(parameter, $"must have one {item} per {perItem}: got {count} {parameter} for {expected} {per}");
    }
}
