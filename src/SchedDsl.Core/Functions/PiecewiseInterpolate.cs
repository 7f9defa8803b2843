#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Decays
{
    public static readonly FunctionSpec PiecewiseInterpolateLinear = Interpolated("piecewise_interpolate_linear", "PiecewiseInterpolateLinear", "linearly");

    public static readonly FunctionSpec PiecewiseInterpolateCosine = Interpolated("piecewise_interpolate_cosine", "PiecewiseInterpolateCosine", "by half cosines");

    private static FunctionSpec Interpolated(string name, string factory, string how) =>
        new(
            name, factory,
            $"Optax `piecewise_interpolate_schedule`: {how} from lr*scales[0]*…*scales[i-1] at boundaries[i-1] to lr*scales[0]*…*scales[i] at boundaries[i] (from lr at 0), held after the last",
            [ParamSpec.Hyper("lr"), ParamSpec.Numbers("boundaries", Rule.Fraction), ParamSpec.Numbers("scales", Rule.NonNegative)],
            a => CrossRules.Ordered(a, "boundaries")
                ?? CrossRules.SameCount(a, "scales", "boundaries", "scale", "boundary")
                ?? ProductFits(a),
            "boundaries in non-decreasing order; one scale (>= 0) per boundary; every running product times lr within range");
}

// The rest is Core only: the generator compiles the declarations above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Piecewise linear through the points <c>(0, lr)</c>, <c>(boundaries[i], lr*scales[0]*…*scales[i])</c>, held after
    /// the last boundary. Text: <c>piecewise_interpolate_linear(lr, [b1, b2, …], [s1, s2, …])</c>.
    /// </summary>
    /// <remarks>
    /// Optax <c>piecewise_interpolate_schedule('linear', init_value, {b: s, …})</c> over <c>T</c> counts is
    /// <c>PiecewiseInterpolateLinear(init_value, [b/T…], [s…])</c> at <c>pos = count/T</c>; as in Optax the scales
    /// multiply up (they are not the values), and a repeated boundary is a jump.
    /// </remarks>
    /// <exception cref="SchedArgumentException">Counts differ, a boundary outside [0, 1] or out of order, a negative scale, or a product out of double range.</exception>
    public static Sched PiecewiseInterpolateLinear(Hyper lr, IEnumerable<double> boundaries, IEnumerable<double> scales) =>
        Interpolated(lr, boundaries, scales, cosine: false);

    /// <summary>
    /// <see cref="PiecewiseInterpolateLinear"/> with half cosines between the points (Optax <c>interpolate_type='cosine'</c>).
    /// Text: <c>piecewise_interpolate_cosine(lr, [b1, b2, …], [s1, s2, …])</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">Counts differ, a boundary outside [0, 1] or out of order, a negative scale, or a product out of double range.</exception>
    public static Sched PiecewiseInterpolateCosine(Hyper lr, IEnumerable<double> boundaries, IEnumerable<double> scales) =>
        Interpolated(lr, boundaries, scales, cosine: true);

    private static PiecewiseInterpolateSched Interpolated(Hyper lr, IEnumerable<double> boundaries, IEnumerable<double> scales, bool cosine)
    {
        var (positions, factors) = (boundaries?.ToArray()!, scales?.ToArray()!);
        Declared.Check(cosine ? Decays.PiecewiseInterpolateCosine : Decays.PiecewiseInterpolateLinear, lr, positions, factors);
        return new PiecewiseInterpolateSched(lr, ValueArray<double>.Own(positions), ValueArray<double>.Own(factors), cosine);
    }
}

/// <summary>
/// Optax <c>piecewise_interpolate_schedule</c>: <c>lin</c> or <c>cos</c> segments between the running products of
/// the scales, from <c>lr</c> at 0, then flat.
/// </summary>
internal sealed record PiecewiseInterpolateSched(Hyper Lr, ValueArray<double> Boundaries, ValueArray<double> Scales, bool Cosine)
    : Preset(Expand(Lr, Boundaries, Scales, Cosine))
{
    public override FunctionSpec Function => Cosine ? Decays.PiecewiseInterpolateCosine : Decays.PiecewiseInterpolateLinear;

    internal override object[] Arguments => [Lr, Boundaries, Scales];

    private static CombineSched Expand(Hyper lr, ValueArray<double> boundaries, ValueArray<double> scales, bool cosine)
    {
        var count = boundaries.Count;
        var pcts = new double[count + 1];
        var parts = new Sched[count + 1];
        var (from, at, product) = (lr, 0.0, 1.0);
        for (var i = 0; i < count; i++)
        {
            product *= scales[i];
            var to = lr.Scale(product);
            pcts[i] = boundaries[i] - at;
            parts[i] = cosine ? ZooParts.Cos(from, to) : ZooParts.Lin(from, to);
            (from, at) = (to, boundaries[i]);
        }
        pcts[count] = 1 - at;
        parts[count] = ZooParts.Flat(from);
        return ZooParts.Combine(pcts, parts);
    }
}
#endif
