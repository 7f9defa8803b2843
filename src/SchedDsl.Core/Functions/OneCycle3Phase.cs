#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>PyTorch's cycles: <c>OneCycleLR(three_phase=True)</c> and <c>CyclicLR</c>, with their momentum.</summary>
internal static partial class PyTorchCycles
{
    public const double ThreePhaseDiv = 25;
    public const double ThreePhaseFinalDivFactor = 1e4;
    public const double ThreePhasePctStart = 0.3;
    public const double ThreePhaseBaseMomentum = 0.85;
    public const double ThreePhaseMaxMomentum = 0.95;

    public static readonly FunctionSpec OneCycle3Phase = new(
        "one_cycle_3phase", "OneCycle3Phase",
        "PyTorch `OneCycleLR(three_phase=True)`: cosine lr_max/div → lr_max → lr_max/div over 2*pct_start, then → lr_max/div/final_div_factor",
        [
            ParamSpec.Hyper("lr_max"),
            ParamSpec.Number("div", Rule.Positive, ThreePhaseDiv),
            ParamSpec.Number("final_div_factor", Rule.Positive, ThreePhaseFinalDivFactor),
            ParamSpec.Number("pct_start", Rule.Fraction, ThreePhasePctStart),
        ],
        a => CrossRules.Within(a, "pct_start", 0, 0.5)
            ?? CrossRules.Divisor(a, "div", "lr_max")
            ?? CrossRules.Derived(
                "final_div_factor", a.Number("final_div_factor"),
                CrossRules.Over([.. CrossRules.Over(a.Numbers("lr_max"), a.Number("div"))], a.Number("final_div_factor")),
                "lr_max/div/final_div_factor"),
        "pct_start <= 0.5; lr_max/div and lr_max/div/final_div_factor within range");

    public static readonly FunctionSpec OneCycle3PhaseMomentum = new(
        "one_cycle_3phase_momentum", "OneCycle3PhaseMomentum", "the momentum of `one_cycle_3phase`: cosine max → base → max, then flat",
        [
            ParamSpec.Number("base_momentum", Rule.Value, ThreePhaseBaseMomentum),
            ParamSpec.Number("max_momentum", Rule.Value, ThreePhaseMaxMomentum),
            ParamSpec.Number("pct_start", Rule.Fraction, ThreePhasePctStart),
        ],
        a => CrossRules.Within(a, "pct_start", 0, 0.5),
        "pct_start <= 0.5");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// PyTorch's three-phase one-cycle (<c>OneCycleLR(three_phase=True)</c>, cosine annealing): cosine from
    /// <c>lrMax/div</c> up to <paramref name="lrMax"/> over <paramref name="pctStart"/>, back down to <c>lrMax/div</c>
    /// over another <paramref name="pctStart"/>, then to <c>lrMax/div/finalDivFactor</c>.
    /// Text: <c>one_cycle_3phase(lr_max, div=25, final_div_factor=1e4, pct_start=0.3)</c>.
    /// </summary>
    /// <remarks>
    /// <c>OneCycleLR(max_lr, total_steps=T, pct_start=p, div_factor=d, final_div_factor=f, three_phase=True)</c> is
    /// <c>OneCycle3Phase(max_lr, d, f, TorchPctStart(p, T))</c> at <c>pos = step/(T-1)</c>: PyTorch ends each phase one
    /// step early (at step <c>p*T-1</c>, <c>2*p*T-2</c> and <c>T-1</c>). Momentum: <see cref="OneCycle3PhaseMomentum"/>.
    /// </remarks>
    /// <param name="lrMax">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="div">Start (and end of phase 2) at <c>lrMax/div</c>; &gt; 0 (PyTorch <c>div_factor</c>).</param>
    /// <param name="finalDivFactor">End at <c>lrMax/div/finalDivFactor</c>; &gt; 0 (PyTorch <c>final_div_factor</c>).</param>
    /// <param name="pctStart">Share of training of each of the first two phases, in [0, 0.5].</param>
    /// <exception cref="SchedArgumentException">A non-finite number, a divisor &lt;= 0 or so small that <c>lrMax/div</c> leaves double range, or <paramref name="pctStart"/> outside [0, 0.5].</exception>
    public static Sched OneCycle3Phase(
        Hyper lrMax,
        double div = PyTorchCycles.ThreePhaseDiv,
        double finalDivFactor = PyTorchCycles.ThreePhaseFinalDivFactor,
        double pctStart = PyTorchCycles.ThreePhasePctStart)
    {
        Declared.Check(PyTorchCycles.OneCycle3Phase, lrMax, div, finalDivFactor, pctStart);
        return new OneCycle3PhaseSched(lrMax, div, finalDivFactor, pctStart);
    }

    /// <summary>
    /// The momentum of <see cref="OneCycle3Phase"/>: cosine from <paramref name="maxMomentum"/> down to
    /// <paramref name="baseMomentum"/> while the learning rate rises, back up while it falls, then flat. A plain
    /// <c>combine</c> of <c>cos</c>, <c>cos</c> and <c>no</c>.
    /// </summary>
    /// <remarks>PyTorch <c>OneCycleLR(cycle_momentum=True, base_momentum, max_momentum, three_phase=True)</c>, mapped as in <see cref="OneCycle3Phase"/>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite momentum or <paramref name="pctStart"/> outside [0, 0.5].</exception>
    public static Sched OneCycle3PhaseMomentum(
        double baseMomentum = PyTorchCycles.ThreePhaseBaseMomentum,
        double maxMomentum = PyTorchCycles.ThreePhaseMaxMomentum,
        double pctStart = PyTorchCycles.ThreePhasePctStart)
    {
        Declared.Check(PyTorchCycles.OneCycle3PhaseMomentum, baseMomentum, maxMomentum, pctStart);
        return CombineScheds(
            [pctStart, pctStart, 1 - (2 * pctStart)],
            [Cos(maxMomentum, baseMomentum), Cos(baseMomentum, maxMomentum), No(maxMomentum, maxMomentum)]);
    }

    /// <summary>
    /// PyTorch <c>OneCycleLR</c>'s <c>pct_start</c> on our position grid: <c>(pctStart*totalSteps - 1) / (totalSteps - 1)</c>,
    /// for <see cref="OneCycle"/> (two phases, with <c>divFinal = div_factor*final_div_factor</c>) and
    /// <see cref="OneCycle3Phase"/> evaluated at <c>pos = step/(totalSteps-1)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException"><paramref name="totalSteps"/> &lt; 2, or a phase shorter than one step.</exception>
    public static double TorchPctStart(double pctStart, int totalSteps)
    {
        Require.AtLeast("torch_pct_start", "total_steps", totalSteps, 2);
        Require.Fraction("torch_pct_start", "pct_start", pctStart);
        var pct = ((pctStart * totalSteps) - 1) / (totalSteps - 1);
        return pct >= 0
            ? pct
            : throw new SchedArgumentException(
                "torch_pct_start", "pct_start", $"must be >= 1/total_steps = {NumberText.Computed(1.0 / totalSteps)} (PyTorch's first phase ends at step pct_start*total_steps-1), got {NumberText.Format(pctStart)}");
    }
}

/// <summary>
/// PyTorch <c>OneCycleLR(three_phase=True)</c> with cosine annealing: <c>lr_max/div</c> up to <c>lr_max</c> over
/// <c>pct_start</c>, back down to <c>lr_max/div</c> over another <c>pct_start</c>, then to
/// <c>lr_max/div/final_div_factor</c>.
/// </summary>
internal sealed record OneCycle3PhaseSched(Hyper LrMax, double Div, double FinalDivFactor, double PctStart)
    : Preset(ZooParts.Combine(
        [PctStart, PctStart, 1 - (2 * PctStart)],
        [
            ZooParts.Cos(LrMax.Divide(Div), LrMax),
            ZooParts.Cos(LrMax, LrMax.Divide(Div)),
            ZooParts.Cos(LrMax.Divide(Div), LrMax.Divide(Div).Divide(FinalDivFactor)),
        ]))
{
    public override FunctionSpec Function => PyTorchCycles.OneCycle3Phase;

    internal override object[] Arguments => [LrMax, Div, FinalDivFactor, PctStart];
}
#endif
