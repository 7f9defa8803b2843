#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Decays
{
    public static readonly FunctionSpec MultiStep = new(
        "multi_step", "MultiStep", "PyTorch `MultiStepLR`: lr * gamma^(number of milestones <= pos)",
        [ParamSpec.Hyper("lr"), ParamSpec.Numbers("milestones", Rule.Fraction), ParamSpec.Number("gamma", Rule.NonNegative, StepGamma)],
        a => CrossRules.Ordered(a, "milestones")
            ?? CrossRules.Derived(
                "gamma", a.Number("gamma"),
                CrossRules.Times(a.Numbers("lr"), Math.Max(1, Math.Pow(a.Number("gamma"), a.Numbers("milestones").Count))),
                "the largest value lr*gamma^(number of milestones)"),
        "milestones in non-decreasing order; the largest value within range");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Multi-step decay: <c>lr * gamma^(number of milestones &lt;= pos)</c>. Text: <c>multi_step(lr, [m1, m2, …], gamma=0.1)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>MultiStepLR(milestones=[m…], gamma)</c> over <c>T</c> steps is <c>MultiStep(lr, [m/T…], gamma)</c> at <c>pos = step/T</c>.</remarks>
    /// <param name="lr">The starting value: a number, a per-group list, or a slice.</param>
    /// <param name="milestones">Positions in [0, 1], in non-decreasing order; a repeated one applies gamma twice.</param>
    /// <param name="gamma">The factor at each milestone; &gt;= 0.</param>
    /// <exception cref="SchedArgumentException">A non-finite number, a milestone outside [0, 1] or out of order, a gamma &lt; 0, or a growing gamma that takes the value past double range.</exception>
    public static Sched MultiStep(Hyper lr, IEnumerable<double> milestones, double gamma = Decays.StepGamma)
    {
        var positions = milestones?.ToArray()!;
        Declared.Check(Decays.MultiStep, lr, positions, gamma);
        return new MultiStepSched(lr, ValueArray<double>.Own(positions), gamma);
    }
}

/// <summary>PyTorch <c>MultiStepLR</c>: <c>lr * gamma^(number of milestones &lt;= pos)</c>.</summary>
internal sealed record MultiStepSched(Hyper Lr, ValueArray<double> Milestones, double Gamma)
    : Preset(ZooParts.Piecewise(Lr, Milestones, [.. Milestones.Select((_, i) => Math.Pow(Gamma, i + 1))]))
{
    public override FunctionSpec Function => Decays.MultiStep;

    internal override object[] Arguments => [Lr, Milestones, Gamma];
}
#endif
