#nullable enable
#if NETSTANDARD2_0
using System;
#endif

namespace SchedDsl.Text;

/// <summary>PyTorch's cyclic schedules: <c>OneCycleLR(three_phase=True)</c> and <c>CyclicLR</c>, with their momentum.</summary>
internal static class PyTorchCycles
{
    public const double ThreePhaseDiv = 25;
    public const double ThreePhaseFinalDivFactor = 1e4;
    public const double ThreePhasePctStart = 0.3;
    public const double ThreePhaseBaseMomentum = 0.85;
    public const double ThreePhaseMaxMomentum = 0.95;
    public const double CyclicPctUp = 0.5;

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
