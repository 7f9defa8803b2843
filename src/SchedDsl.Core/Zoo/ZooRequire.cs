using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>The zoo's argument checks beyond <see cref="Require"/>; messages name function, parameter, value and range.</summary>
internal static class ZooRequire
{
    /// <summary>Two shares of training that must fit in it together.</summary>
    public static void SharesFit(string function, string first, double a, string second, double b)
    {
        if (a + b > 1 + Sched.PctsSumTolerance)
        {
            throw new SchedArgumentException(
                function, second, $"must be <= 1 - {first} = {NumberText.Format(1 - a)} (the two phases must fit in training), got {NumberText.Format(b)}");
        }
    }

    /// <summary>A number in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static double Within(string function, string parameter, double value, double low, double high) =>
        Require.Finite(function, parameter, value) >= low && value <= high
            ? value
            : throw new SchedArgumentException(
                function, parameter, $"must be in [{NumberText.Format(low)}, {NumberText.Format(high)}], got {NumberText.Format(value)}");

    /// <summary>A whole number no larger than <paramref name="maximum"/>, for the reason given.</summary>
    public static int AtMost(string function, string parameter, int value, int maximum, string why) =>
        value <= maximum
            ? value
            : throw new SchedArgumentException(function, parameter, $"must be <= {maximum} ({why}), got {value}");

    /// <summary>Positions in [0, 1] in non-decreasing order.</summary>
    public static ValueArray<double> Positions(string function, string parameter, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            Require.Fraction(function, $"{parameter}[{i}]", array[i]);
            if (i > 0 && array[i] < array[i - 1])
            {
                throw new SchedArgumentException(
                    function, parameter, $"must be in non-decreasing order, got {NumberText.Format(array[i])} after {NumberText.Format(array[i - 1])} at index {i}");
            }
        }
        return ValueArray<double>.Own(array);
    }

    /// <summary>Finite numbers.</summary>
    public static ValueArray<double> Finite(string function, string parameter, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            Require.Finite(function, $"{parameter}[{i}]", array[i]);
        }
        return ValueArray<double>.Own(array);
    }

    /// <summary>A step size with at most <see cref="ExponentialDecaySched.MaxStairs"/> steps in training.</summary>
    public static double StairWidth(string function, string parameter, double value)
    {
        var min = 1.0 / ExponentialDecaySched.MaxStairs;
        return Require.Positive(function, parameter, value) >= min
            ? value
            : throw new SchedArgumentException(
                function, parameter, $"must be >= {NumberText.Format(min)} (at most {ExponentialDecaySched.MaxStairs} steps), got {NumberText.Format(value)}");
    }
}
