#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Decays
{
    public static readonly FunctionSpec ExponentialDecay = Exponential(
        "exponential_decay", "ExponentialDecay", "Optax `exponential_decay`: lr * decay_rate^((pos - begin_pct)/transition_pct), bounded by lr*end_ratio", staircase: false);

    public static readonly FunctionSpec ExponentialDecayStaircase = Exponential(
        "exponential_decay_staircase", "ExponentialDecayStaircase", "`exponential_decay` with the exponent floored (Optax `staircase=True`)", staircase: true);

    private static FunctionSpec Exponential(string name, string factory, string summary, bool staircase) =>
        new(
            name, factory, summary,
            [
                ParamSpec.Hyper("lr", Rule.PositiveValue),
                ParamSpec.Number("decay_rate", Rule.Positive),
                ParamSpec.Number("transition_pct", Rule.Positive),
                ParamSpec.Number("begin_pct", Rule.Fraction, 0),
                ParamSpec.Number("end_ratio", Rule.NonNegative, 0),
            ],
            a => (staircase ? StairWidth(a, "transition_pct") : null) ?? BoundFits(a),
            (staircase ? $"transition_pct >= 1/{MaxStairs}; " : "") + "end_ratio below 1 for a decay, above 1 for growth, or 0; the largest value within range");

    private static ArgProblem? BoundFits(Args a)
    {
        double decayRate = a.Number("decay_rate"), endRatio = a.Number("end_ratio");
        if (endRatio > 0 && decayRate != 1 && (decayRate < 1) != (endRatio < 1))
        {
            return new ArgProblem(
                "end_ratio",
                $"must be below 1 when decay_rate < 1 (a floor), above 1 when decay_rate > 1 (a ceiling), or 0 for none; got {TextNumbers.Format(endRatio)} with decay_rate {TextNumbers.Format(decayRate)}");
        }
        // The largest factor reached: the bound for a capped growth, rate^((1-begin)/transition) for an uncapped one.
        var atEnd = Math.Pow(decayRate, (1 - a.Number("begin_pct")) / a.Number("transition_pct"));
        var largest = decayRate <= 1 ? 1 : endRatio > 0 ? Math.Min(atEnd, endRatio) : atEnd;
        return CrossRules.Derived("decay_rate", decayRate, CrossRules.Times(a.Numbers("lr"), largest), "the largest value lr*decay_rate^((1 - begin_pct)/transition_pct)")
            ?? CrossRules.Ratio(a, "end_ratio", "lr");
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Exponential decay: <paramref name="lr"/> until <paramref name="beginPct"/>, then
    /// <c>lr * decayRate^((pos - beginPct) / transitionPct)</c>, held at <c>lr*endRatio</c> once it gets there.
    /// Text: <c>exponential_decay(lr, decay_rate, transition_pct, begin_pct=0, end_ratio=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>PyTorch <c>ExponentialLR(gamma)</c> over <c>T</c> steps is <c>ExponentialDecay(lr, gamma, 1.0/T)</c> at <c>pos = step/T</c>.</para>
    /// <para>Optax <c>exponential_decay(init_value, transition_steps, decay_rate, transition_begin, end_value=e)</c> over
    /// <c>T</c> counts is <c>ExponentialDecay(init_value, decay_rate, transition_steps/T, transition_begin/T, e/init_value)</c>
    /// at <c>pos = count/T</c>; <see cref="ExponentialDecayStaircase"/> is <c>staircase=True</c>.</para>
    /// </remarks>
    /// <param name="lr">The starting value (&gt; 0): a number, a per-group list, or a slice.</param>
    /// <param name="decayRate">The factor per <paramref name="transitionPct"/>; &gt; 0.</param>
    /// <param name="transitionPct">The share of training over which the value is multiplied by <paramref name="decayRate"/>; &gt; 0.</param>
    /// <param name="beginPct">Where the decay begins, in [0, 1].</param>
    /// <param name="endRatio">The bound, as a ratio of <paramref name="lr"/>: below 1 for a decay, above 1 for growth, 0 for none.</param>
    /// <exception cref="SchedArgumentException">A number out of its range, a bound on the wrong side of 1, or a growth that takes the value past double range.</exception>
    public static Sched ExponentialDecay(Hyper lr, double decayRate, double transitionPct, double beginPct = 0, double endRatio = 0) =>
        CheckExponential(Decays.ExponentialDecay, lr, decayRate, transitionPct, beginPct, endRatio, staircase: false);

    /// <summary>
    /// <see cref="ExponentialDecay"/> with the exponent floored: the value drops by <paramref name="decayRate"/> every
    /// <paramref name="transitionPct"/> from <paramref name="beginPct"/> (Optax <c>staircase=True</c>).
    /// Text: <c>exponential_decay_staircase(lr, decay_rate, transition_pct, begin_pct=0, end_ratio=0)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">As <see cref="ExponentialDecay"/>, or a <paramref name="transitionPct"/> below 1e-4.</exception>
    public static Sched ExponentialDecayStaircase(Hyper lr, double decayRate, double transitionPct, double beginPct = 0, double endRatio = 0) =>
        CheckExponential(Decays.ExponentialDecayStaircase, lr, decayRate, transitionPct, beginPct, endRatio, staircase: true);

    private static ExponentialDecaySched CheckExponential(
        FunctionSpec function, Hyper lr, double decayRate, double transitionPct, double beginPct, double endRatio, bool staircase)
    {
        Declared.Check(function, lr, decayRate, transitionPct, beginPct, endRatio);
        return new ExponentialDecaySched(lr, decayRate, transitionPct, beginPct, endRatio, staircase);
    }
}

/// <summary>
/// Optax <c>exponential_decay</c> (PyTorch <c>ExponentialLR</c>): <c>lr</c> until <c>begin_pct</c>, then
/// <c>lr * decay_rate^((pos - begin_pct) / transition_pct)</c>, the exponent floored when <see cref="IsStaircase"/>,
/// and held at <c>lr*end_ratio</c> once it gets there (0: no bound).
/// </summary>
internal sealed record ExponentialDecaySched(Hyper Lr, double DecayRate, double TransitionPct, double BeginPct, double EndRatio, bool IsStaircase)
    : Preset(IsStaircase ? Staircase(Lr, DecayRate, TransitionPct, BeginPct, EndRatio) : Smooth(Lr, DecayRate, TransitionPct, BeginPct, EndRatio))
{
    public override FunctionSpec Function => IsStaircase ? Decays.ExponentialDecayStaircase : Decays.ExponentialDecay;

    internal override object[] Arguments => [Lr, DecayRate, TransitionPct, BeginPct, EndRatio];

    /// <summary>The rate applied step by step from <paramref name="beginPct"/>, every <paramref name="transitionPct"/>.</summary>
    internal static CombineSched Staircase(Hyper lr, double rate, double transitionPct, double beginPct, double endRatio)
    {
        var boundaries = new List<double>();
        var factors = new List<double>();
        for (var i = 1; beginPct + (i * transitionPct) < 1 - CombineSched.JoinSnap && boundaries.Count < Decays.MaxStairs; i++)
        {
            var factor = Bound(Math.Pow(rate, i), rate, endRatio);
            boundaries.Add(beginPct + (i * transitionPct));
            factors.Add(factor);
            if (endRatio > 0 && factor == endRatio)
            {
                break;
            }
        }
        return ZooParts.Piecewise(lr, boundaries, factors);
    }

    private static CombineSched Smooth(Hyper lr, double rate, double transitionPct, double beginPct, double endRatio)
    {
        var atEnd = Math.Pow(rate, (1 - beginPct) / transitionPct);
        // Where the decay reaches its bound, if it does before the end.
        var bound = endRatio > 0 && rate != 1 ? beginPct + (transitionPct * Math.Log(endRatio) / Math.Log(rate)) : double.PositiveInfinity;
        return bound < 1
            ? ZooParts.Combine(
                [beginPct, bound - beginPct, 1 - bound],
                [ZooParts.Flat(lr), ZooParts.Exp(lr, lr.Scale(endRatio)), ZooParts.Flat(lr.Scale(endRatio))])
            : ZooParts.Combine([beginPct, 1 - beginPct], [ZooParts.Flat(lr), ZooParts.Exp(lr, lr.Scale(atEnd))]);
    }

    private static double Bound(double factor, double rate, double endRatio) =>
        endRatio <= 0 ? factor : rate < 1 ? Math.Max(factor, endRatio) : Math.Min(factor, endRatio);
}
#endif
