#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>Decay schedules of PyTorch, Optax and Hugging Face: step, multi-step, piecewise constant, exponential, polynomial, inverse square root.</summary>
internal static partial class Decays
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

    private static ArgProblem? StairWidth(Args a, string parameter)
    {
        var min = 1.0 / MaxStairs;
        var value = a.Number(parameter);
        return value >= min
            ? null
            : new ArgProblem(parameter, $"must be >= {TextNumbers.Format(min)} (at most {MaxStairs} steps), got {TextNumbers.Format(value)}");
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Step decay: <c>lr * gamma^floor(pos / stepPct)</c>. Text: <c>step_decay(lr, step_pct, gamma=0.1)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>StepLR(step_size=N, gamma)</c> over <c>T</c> steps is <c>StepDecay(lr, (double)N/T, gamma)</c> at <c>pos = step/T</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, a <paramref name="stepPct"/> below 1e-4, a gamma &lt; 0, or a growing gamma that takes the value past double range.</exception>
    public static Sched StepDecay(Hyper lr, double stepPct, double gamma = Decays.StepGamma)
    {
        Declared.Check(Decays.StepDecay, lr, stepPct, gamma);
        return new StepDecaySched(lr, stepPct, gamma);
    }
}

/// <summary>PyTorch <c>StepLR</c>: <c>lr * gamma^floor(pos / step_pct)</c>.</summary>
internal sealed record StepDecaySched(Hyper Lr, double StepPct, double Gamma)
    : Preset(ExponentialDecaySched.Staircase(Lr, Gamma, StepPct, 0, 0))
{
    public override FunctionSpec Function => Decays.StepDecay;

    internal override object[] Arguments => [Lr, StepPct, Gamma];
}
#endif
