#nullable enable
#if NETSTANDARD2_0
using System;
#endif

namespace SchedDsl.Text;

/// <summary>The zoo's decays: step, multi-step, piecewise constant, exponential, polynomial, inverse square root.</summary>
internal static class Decays
{
    public const double StepGamma = 0.1;

    /// <summary>The most stairs a staircase may have in training (each is a segment that evaluation searches).</summary>
    public const int MaxStairs = 10_000;

    public static readonly FunctionSpec StepDecay = new(
        "step_decay", "StepDecay", "PyTorch `StepLR`: lr * gamma^floor(pos / step_pct)",
        [ParamSpec.Hyper("lr"), ParamSpec.Number("step_pct", Rule.Positive), ParamSpec.Number("gamma", Rule.NonNegative, StepGamma)],
        a => StairWidth(a, "step_pct")
            ?? CrossRules.Derived(
                "gamma", a.Number("gamma"),
                CrossRules.Times(a.Numbers("lr"), Math.Max(1, Math.Pow(a.Number("gamma"), Math.Floor(1 / a.Number("step_pct"))))),
                "the largest value lr*gamma^floor(1/step_pct)"),
        $"step_pct >= 1/{MaxStairs}; the largest value lr*gamma^floor(1/step_pct) within range");

    public static readonly FunctionSpec MultiStep = new(
        "multi_step", "MultiStep", "PyTorch `MultiStepLR`: lr * gamma^(number of milestones <= pos)",
        [ParamSpec.Hyper("lr"), ParamSpec.Numbers("milestones", Rule.Fraction), ParamSpec.Number("gamma", Rule.NonNegative, StepGamma)],
        a => CrossRules.Ordered(a, "milestones")
            ?? CrossRules.Derived(
                "gamma", a.Number("gamma"),
                CrossRules.Times(a.Numbers("lr"), Math.Max(1, Math.Pow(a.Number("gamma"), a.Numbers("milestones").Count))),
                "the largest value lr*gamma^(number of milestones)"),
        "milestones in non-decreasing order; the largest value within range");

    public static readonly FunctionSpec PiecewiseConstant = new(
        "piecewise_constant", "PiecewiseConstant", "Optax `piecewise_constant_schedule`: lr times every scales[i] whose boundaries[i] <= pos",
        [ParamSpec.Hyper("lr"), ParamSpec.Numbers("boundaries", Rule.Fraction), ParamSpec.Numbers("scales", Rule.Finite)],
        a => CrossRules.Ordered(a, "boundaries")
            ?? (a.Numbers("scales").Count != a.Numbers("boundaries").Count
                ? new ArgProblem("scales", $"must have one scale per boundary: got {a.Numbers("scales").Count} scales for {a.Numbers("boundaries").Count} boundaries")
                : ProductFits(a)),
        "boundaries in non-decreasing order; one scale per boundary; every running product times lr within range");

    public static readonly FunctionSpec ExponentialDecay = Exponential(
        "exponential_decay", "ExponentialDecay", "Optax `exponential_decay`: lr * decay_rate^((pos - begin_pct)/transition_pct), bounded by lr*end_ratio", staircase: false);

    public static readonly FunctionSpec ExponentialDecayStaircase = Exponential(
        "exponential_decay_staircase", "ExponentialDecayStaircase", "`exponential_decay` with the exponent floored (Optax `staircase=True`)", staircase: true);

    public static readonly FunctionSpec PolyDecay = new(
        "poly_decay", "PolyDecay", "PyTorch `PolynomialLR` / HF polynomial decay: end + (lr - end) * (1 - x)^power after a linear warmup",
        [
            ParamSpec.Hyper("lr"),
            ParamSpec.Number("power", Rule.Positive, 1),
            ParamSpec.Number("end_ratio", Rule.NonNegative, 0),
            ParamSpec.Number("warmup_pct", Rule.Fraction, 0),
        ],
        a => CrossRules.Ratio(a, "end_ratio", "lr"),
        "lr*end_ratio within range");

    public static readonly FunctionSpec InverseSqrt = new(
        "inverse_sqrt", "InverseSqrt", "HF `get_inverse_sqrt_schedule`: linear warmup, then lr / sqrt(1 + (pos - warmup_pct)/timescale)",
        [ParamSpec.Hyper("lr"), ParamSpec.Number("warmup_pct", Rule.Fraction), ParamSpec.Number("timescale_pct", Rule.NonNegative, 0)],
        TimescaleFits,
        "a timescale > 0 (timescale_pct, or warmup_pct when it is 0); (1 - warmup_pct)/timescale finite");

    /// <summary>The timescale in use: <paramref name="timescalePct"/>, or the warmup when it is 0.</summary>
    public static double Timescale(double warmupPct, double timescalePct) => timescalePct > 0 ? timescalePct : warmupPct;

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

    private static ArgProblem? StairWidth(Args a, string parameter)
    {
        var min = 1.0 / MaxStairs;
        var value = a.Number(parameter);
        return value >= min
            ? null
            : new ArgProblem(parameter, $"must be >= {TextNumbers.Format(min)} (at most {MaxStairs} steps), got {TextNumbers.Format(value)}");
    }

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

    private static ArgProblem? TimescaleFits(Args a)
    {
        double warmupPct = a.Number("warmup_pct"), timescalePct = a.Number("timescale_pct");
        var timescale = Timescale(warmupPct, timescalePct);
        if (timescale <= 0)
        {
            return new ArgProblem("timescale_pct", "must be > 0 when warmup_pct is 0 (the timescale defaults to the warmup), got 0");
        }
        var length = (1 - warmupPct) / timescale;
        return double.IsInfinity(length) || double.IsNaN(length)
            ? new ArgProblem(
                timescalePct > 0 ? "timescale_pct" : "warmup_pct",
                $"must keep (1 - warmup_pct)/timescale finite (the decay's length in timescales), got {TextNumbers.Format(timescale)}")
            : null;
    }
}
