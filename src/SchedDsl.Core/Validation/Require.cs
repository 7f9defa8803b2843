using SchedDsl.Text;

namespace SchedDsl.Validation;

/// <summary>Argument checks shared by every schedule factory; messages name function, parameter, value and range.</summary>
internal static partial class Require
{
    // Messages come from Text.Rules, shared with the text binder and the source generator.
    public static double Check(string function, string parameter, double value, Rule rule) =>
        Rules.Problem(value, rule) is { } problem ? throw new SchedArgumentException(function, parameter, problem) : value;

    public static double Finite(string function, string parameter, double value) => Check(function, parameter, value, Rule.Finite);

    public static double Positive(string function, string parameter, double value) => Check(function, parameter, value, Rule.Positive);


    public static double Fraction(string function, string parameter, double value) => Check(function, parameter, value, Rule.Fraction);

    public static int AtLeast(string function, string parameter, int value, int minimum) =>
        value >= minimum
            ? value
            : throw new SchedArgumentException(function, parameter, $"must be >= {minimum}, got {value}");

    public static Hyper Finite(string function, string parameter, Hyper value)
    {
        foreach (var number in value.Numbers)
        {
            Finite(function, parameter, number);
        }
        return value;
    }

    public static Hyper Positive(string function, string parameter, Hyper value)
    {
        foreach (var number in value.Numbers)
        {
            Positive(function, parameter, number);
        }
        return value;
    }
}
