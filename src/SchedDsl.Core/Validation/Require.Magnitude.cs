using SchedDsl.Text;

namespace SchedDsl.Validation;

// The magnitude bound that keeps every built-in schedule finite on [0, 1] (issue 12, B2), for the values that are
// not a declared function's arguments (slice endpoints, even_mults, a resolved exp annealer). The bound and the
// messages are the declarations' (Text/Rules.cs, Text/CrossRules.cs).
internal static partial class Require
{
    /// <summary>A number within ±<see cref="Rules.ValueLimit"/>: a value a schedule takes.</summary>
    public static double Magnitude(string function, string parameter, double value) => Check(function, parameter, value, Rule.Value);

    /// <summary>
    /// A ratio <c>end/start</c> that a geometric schedule raises to a power (<c>exp</c>, <c>slice</c>'s even_mults):
    /// within [0, <see cref="Rules.ValueLimit"/>], or the values overflow to ∞. Blames <paramref name="parameter"/>.
    /// </summary>
    public static void Ratio(string function, string parameter, double start, double end, string startName, string endName)
    {
        if (CrossRules.Geometric(start, end, startName, endName) is { } problem)
        {
            throw new SchedArgumentException(function, parameter, problem.Problem);
        }
    }
}
