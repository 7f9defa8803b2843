namespace SchedDsl.Validation;

// The magnitude bound that keeps every built-in schedule finite on [0, 1] (issue 12, B2): a schedule that builds
// evaluates to a finite number at every position.
internal static partial class Require
{
    /// <summary>
    /// The largest magnitude a schedule's numbers may have: the annealers compute <c>2*(end - start)</c>
    /// (<c>cos</c>), which stays finite for endpoints within ±<c>double.MaxValue/4</c> (about 4.49e307).
    /// </summary>
    public const double Limit = double.MaxValue / 4;

    /// <summary>Every number of a schedule's value (a learning rate, a momentum, an endpoint) within ±<see cref="Limit"/>.</summary>
    public static Hyper Magnitude(string function, string parameter, Hyper value)
    {
        foreach (var number in value.Numbers)
        {
            Finite(function, parameter, number);
            if (!(Math.Abs(number) <= Limit))
            {
                throw new SchedArgumentException(
                    function, parameter, $"must be within ±{NumberText.Format(Limit)} (the annealers compute 2*(end - start)), got {NumberText.Format(number)}");
            }
        }
        return value;
    }

    /// <summary>
    /// A value the schedule derives from its arguments (e.g. <c>lr_max*start_ratio</c>, <c>lr*gamma^steps</c>): every
    /// number of <paramref name="derived"/> must stay within ±<see cref="Limit"/>, or evaluation would give ±∞ or NaN.
    /// Blames <paramref name="parameter"/>, whose value is <paramref name="value"/>.
    /// </summary>
    public static void FiniteDerived(string function, string parameter, double value, Hyper derived, string what)
    {
        foreach (var number in derived.Numbers)
        {
            if (!(Math.Abs(number) <= Limit))
            {
                throw new SchedArgumentException(
                    function, parameter,
                    $"must keep {what} within ±{NumberText.Format(Limit)} (the annealers compute 2*(end - start)), got {NumberText.Format(value)}, which makes it {NumberText.Format(number)}");
            }
        }
    }

    /// <summary>A number within ±<see cref="Limit"/>.</summary>
    public static double Magnitude(string function, string parameter, double value) =>
        Magnitude(function, parameter, Hyper.Scalar(value)).ForGroup(0, 1);

    /// <summary>
    /// A ratio <c>end/start</c> that a geometric schedule raises to a power (<c>exp</c>, <c>lr_finder</c>,
    /// <c>slice</c>'s even_mults): it must be within [0, <see cref="Limit"/>] (an underflow to 0 is finite), or the
    /// values overflow to ∞ (<c>exp(5e-324, 1)</c>, <c>slice(1e-300, 1e10)</c>). Blames <paramref name="parameter"/>.
    /// </summary>
    public static void Ratio(string function, string parameter, double start, double end, string startName, string endName)
    {
        var ratio = end / start;
        if (!(ratio >= 0 && ratio <= Limit))
        {
            throw new SchedArgumentException(
                function, parameter,
                $"must keep {endName}/{startName} a number in [0, {NumberText.Format(Limit)}] (the values step geometrically by it), got {startName} = {NumberText.Format(start)}, {endName} = {NumberText.Format(end)}, which makes it {NumberText.Format(ratio)}");
        }
    }
}
