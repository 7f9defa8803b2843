namespace SchedDsl.Validation;

/// <summary>Argument checks shared by every schedule factory; messages name function, parameter, value and range.</summary>
internal static class Require
{
    public static double Finite(string function, string parameter, double value) =>
        double.IsFinite(value)
            ? value
            : throw new SchedArgumentException(function, parameter, $"must be a finite number, got {NumberText.Format(value)}");

    public static double Positive(string function, string parameter, double value) =>
        Finite(function, parameter, value) > 0
            ? value
            : throw new SchedArgumentException(function, parameter, $"must be > 0, got {NumberText.Format(value)}");

    public static double NonNegative(string function, string parameter, double value) =>
        Finite(function, parameter, value) >= 0
            ? value
            : throw new SchedArgumentException(function, parameter, $"must be >= 0, got {NumberText.Format(value)}");

    public static double Fraction(string function, string parameter, double value) =>
        Finite(function, parameter, value) is >= 0 and <= 1
            ? value
            : throw new SchedArgumentException(function, parameter, $"must be in [0, 1], got {NumberText.Format(value)}");

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
