#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class PyTorchCycles
{
    public const double CyclicPctUp = 0.5;

    public static readonly FunctionSpec Cyclic = CyclicSpec(
        "cyclic", "Cyclic", "base_lr", "max_lr", "PyTorch `CyclicLR`: cycles triangles base_lr → max_lr → base_lr, the swing scaled by cycle_decay^c * gamma^t");

    public static readonly FunctionSpec CyclicMomentum = CyclicSpec(
        "cyclic_momentum", "CyclicMomentum", "base_momentum", "max_momentum", "PyTorch `CyclicLR(cycle_momentum=True)`'s momentum: max → base while the lr rises");

    private static FunctionSpec CyclicSpec(string name, string factory, string low, string high, string summary) =>
        new(
            name, factory, summary,
            [
                ParamSpec.Hyper(low),
                ParamSpec.Hyper(high),
                ParamSpec.Number("cycles", Rule.Positive),
                ParamSpec.Number("pct_up", Rule.Fraction, CyclicPctUp),
                ParamSpec.Number("cycle_decay", Rule.Positive, 1),
                ParamSpec.Number("gamma", Rule.Positive, 1),
            ],
            a => SwingFits(a, low, high),
            $"the swing's largest scale, and {low}, {high} times it, within range");

    // The swing is scaled by cycle_decay^c * gamma^t, c <= ceil(cycles)-1 and t <= cycles: each factor's largest
    // value, and their product times the endpoints, must stay finite (an overflow times an underflow is NaN).
    private static ArgProblem? SwingFits(Args a, string low, string high)
    {
        double cycles = a.Number("cycles"), cycleDecay = a.Number("cycle_decay"), gamma = a.Number("gamma");
        var decayGrowth = Math.Max(1, Math.Pow(cycleDecay, Math.Ceiling(cycles) - 1));
        var gammaGrowth = Math.Max(1, Math.Pow(gamma, cycles));
        var (blamed, value) = gammaGrowth > 1 ? ("gamma", gamma) : ("cycle_decay", cycleDecay);
        var growth = decayGrowth * gammaGrowth;
        return CrossRules.Derived(blamed, value, [growth], "the swing's largest scale cycle_decay^(ceil(cycles)-1)*gamma^cycles")
            ?? CrossRules.Derived(blamed, value, CrossRules.Times(a.Numbers(low), growth), $"{low} times the swing's largest scale")
            ?? CrossRules.Derived(blamed, value, CrossRules.Times(a.Numbers(high), growth), $"{high} times the swing's largest scale");
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// PyTorch <c>CyclicLR</c>: <paramref name="cycles"/> triangles from <paramref name="baseLr"/> up to
    /// <paramref name="maxLr"/> (over <paramref name="pctUp"/> of each cycle) and back, the swing above
    /// <paramref name="baseLr"/> scaled by <c>cycleDecay^c * gamma^t</c> in cycle <c>c</c> (from 0) after <c>t</c>
    /// cycles. Text: <c>cyclic(base_lr, max_lr, cycles, pct_up=0.5, cycle_decay=1, gamma=1)</c>.
    /// </summary>
    /// <remarks>
    /// <para><c>CyclicLR(base_lr, max_lr, step_size_up=U, step_size_down=D)</c> over <c>T</c> steps is
    /// <c>Cyclic(base_lr, max_lr, T/(U+D), U/(U+D), …)</c> at <c>pos = step/T</c> with, by <c>mode</c>:
    /// <c>triangular</c>: defaults; <c>triangular2</c>: <c>cycleDecay: 0.5</c>; <c>exp_range</c>:
    /// <c>gamma: torch_gamma^(U+D)</c> (PyTorch's gamma is per step; ours is per cycle).</para>
    /// <para>Its momentum (<c>cycle_momentum=True</c>) is <see cref="CyclicMomentum"/> with the same cycle arguments.</para>
    /// </remarks>
    /// <param name="baseLr">The low point: a number, a per-group list, or a slice.</param>
    /// <param name="maxLr">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="cycles">How many cycles fit in training; &gt; 0 (fractional ends mid-cycle).</param>
    /// <param name="pctUp">Share of each cycle spent rising, in [0, 1].</param>
    /// <param name="cycleDecay">Swing factor per cycle, applied at each restart; &gt; 0.</param>
    /// <param name="gamma">Swing factor per cycle, applied continuously; &gt; 0.</param>
    /// <exception cref="SchedArgumentException">A number outside its range, or a growing swing that leaves double range.</exception>
    public static Sched Cyclic(Hyper baseLr, Hyper maxLr, double cycles, double pctUp = PyTorchCycles.CyclicPctUp, double cycleDecay = 1, double gamma = 1) =>
        CheckCyclic(PyTorchCycles.Cyclic, baseLr, maxLr, cycles, pctUp, cycleDecay, gamma, momentum: false);

    /// <summary>
    /// The momentum that PyTorch <c>CyclicLR(cycle_momentum=True)</c> cycles against <see cref="Cyclic"/>: it starts at
    /// <paramref name="maxMomentum"/> and dips to <paramref name="baseMomentum"/> when the learning rate peaks, the dip
    /// scaled like the learning rate's swing. Text: <c>cyclic_momentum(base_momentum, max_momentum, cycles, pct_up=0.5, cycle_decay=1, gamma=1)</c>.
    /// </summary>
    /// <remarks>PyTorch's defaults are <c>base_momentum=0.8, max_momentum=0.9</c>; pass the cycle arguments given to <see cref="Cyclic"/>.</remarks>
    /// <exception cref="SchedArgumentException">A number outside its range, or a growing swing that leaves double range.</exception>
    public static Sched CyclicMomentum(
        Hyper baseMomentum, Hyper maxMomentum, double cycles, double pctUp = PyTorchCycles.CyclicPctUp, double cycleDecay = 1, double gamma = 1) =>
        CheckCyclic(PyTorchCycles.CyclicMomentum, baseMomentum, maxMomentum, cycles, pctUp, cycleDecay, gamma, momentum: true);

    private static CyclicSched CheckCyclic(
        FunctionSpec function, Hyper low, Hyper high, double cycles, double pctUp, double cycleDecay, double gamma, bool momentum)
    {
        Declared.Check(function, low, high, cycles, pctUp, cycleDecay, gamma);
        return new CyclicSched(low, high, cycles, pctUp, cycleDecay, gamma, momentum);
    }
}

/// <summary>
/// PyTorch <c>CyclicLR</c>: <c>cycles</c> triangles from <c>base</c> to <c>max</c> (rising over <c>pct_up</c> of each
/// cycle) and back, the swing scaled by <c>cycle_decay^c * gamma^t</c> (cycle <c>c</c>, <c>t</c> cycles elapsed).
/// The momentum form (<see cref="IsMomentum"/>) starts at <c>max_momentum</c> and dips to <c>base_momentum</c> while
/// the learning rate peaks.
/// </summary>
internal sealed record CyclicSched(Hyper Base, Hyper Max, double Cycles, double PctUp, double CycleDecay, double Gamma, bool IsMomentum)
    : Preset(Expand(IsMomentum ? Max : Base, IsMomentum ? Base : Max, Cycles, PctUp, CycleDecay, Gamma))
{
    public override FunctionSpec Function => IsMomentum ? PyTorchCycles.CyclicMomentum : PyTorchCycles.Cyclic;

    internal override object[] Arguments => [Base, Max, Cycles, PctUp, CycleDecay, Gamma];

    private static RepeatSched Expand(Hyper rest, Hyper peak, double cycles, double pctUp, double cycleDecay, double gamma) =>
        new(ZooParts.Combine([pctUp, 1 - pctUp], [ZooParts.Lin(rest, peak), ZooParts.Lin(peak, rest)]), cycles, rest, cycleDecay, gamma);
}
#endif
