#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Decays
{
    public static readonly FunctionSpec PiecewiseConstant = new(
        "piecewise_constant", "PiecewiseConstant", "Optax `piecewise_constant_schedule`: lr times every scales[i] whose boundaries[i] <= pos",
        [ParamSpec.Hyper("lr"), ParamSpec.Numbers("boundaries", Rule.Fraction), ParamSpec.Numbers("scales", Rule.Finite)],
        a => CrossRules.Ordered(a, "boundaries")
            ?? (a.Numbers("scales").Count != a.Numbers("boundaries").Count
                ? new ArgProblem("scales", $"must have one scale per boundary: got {a.Numbers("scales").Count} scales for {a.Numbers("boundaries").Count} boundaries")
                : ProductFits(a)),
        "boundaries in non-decreasing order; one scale per boundary; every running product times lr within range");

    private static ArgProblem? ProductFits(Args a)
    {
        var scales = a.Numbers("scales");
        var product = 1.0;
        for (var i = 0; i < scales.Count; i++)
        {
            product *= scales[i];
            if (CrossRules.Derived($"scales[{i}]", scales[i], CrossRules.Times(a.Numbers("lr"), product), $"lr*scales[0]*…*scales[{i}]") is { } problem)
            {
                return problem;
            }
        }
        return null;
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Piecewise constant: <paramref name="lr"/> times the product of <c>scales[i]</c> for every <c>boundaries[i] &lt;= pos</c>.
    /// Text: <c>piecewise_constant(lr, [b1, b2, …], [s1, s2, …])</c>.
    /// </summary>
    /// <remarks>Optax <c>piecewise_constant_schedule(init_value, {b: s, …})</c> over <c>T</c> counts is
    /// <c>PiecewiseConstant(init_value, [b/T…], [s…])</c> at <c>pos = count/T</c> (Optax also scales at <c>count == b</c>).</remarks>
    /// <exception cref="SchedArgumentException">Counts differ, a non-finite number, a boundary outside [0, 1] or out of order, or scales whose product takes the value past double range.</exception>
    public static Sched PiecewiseConstant(Hyper lr, IEnumerable<double> boundaries, IEnumerable<double> scales)
    {
        var (positions, factors) = (boundaries?.ToArray()!, scales?.ToArray()!);
        Declared.Check(Decays.PiecewiseConstant, lr, positions, factors);
        return new PiecewiseConstantSched(lr, ValueArray<double>.Own(positions), ValueArray<double>.Own(factors));
    }
}

/// <summary>
/// Optax <c>piecewise_constant_schedule</c>: <c>lr</c> times the product of <c>scales[i]</c> for every boundary
/// <c>boundaries[i] &lt;= pos</c>.
/// </summary>
internal sealed record PiecewiseConstantSched(Hyper Lr, ValueArray<double> Boundaries, ValueArray<double> Scales)
    : Preset(ZooParts.Piecewise(Lr, Boundaries, Cumulative(Scales)))
{
    public override FunctionSpec Function => Decays.PiecewiseConstant;

    internal override object[] Arguments => [Lr, Boundaries, Scales];

    private static double[] Cumulative(ValueArray<double> scales)
    {
        var factors = new double[scales.Count];
        var product = 1.0;
        for (var i = 0; i < factors.Length; i++)
        {
            product *= scales[i];
            factors[i] = product;
        }
        return factors;
    }
}
#endif
