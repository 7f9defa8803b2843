#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

public static partial class FunctionTable
{
    // The schedule zoo (docs/zoo.md): positional order and C# names follow the Sched.Zoo.*.cs factories.
    // Cross-parameter checks (shares that must fit, pct_start <= 0.5, at most 10000 stairs) stay in the factories.
    static partial void AddZooFunctions(List<FunctionSpec> specs)
    {
        specs.Add(Warmup("warmup_cosine", "WarmupCosine"));
        specs.Add(Warmup("warmup_linear", "WarmupLinear"));
        specs.Add(WsdSpec("wsd", "Wsd"));
        specs.Add(WsdSpec("wsd_linear", "WsdLinear"));
        specs.Add(new("one_cycle_3phase", "OneCycle3Phase", new[]
        {
            new ParamSpec("lr_max", "lrMax", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("div", "div", ParamKind.Number, Rule.Positive, 25),
            new ParamSpec("final_div", "finalDiv", ParamKind.Number, Rule.Positive, 1e4),
            new ParamSpec("pct_start", "pctStart", ParamKind.Number, Rule.Fraction, 0.3),
        }));
        specs.Add(new("one_cycle_3phase_momentum", "OneCycle3PhaseMomentum", new[]
        {
            new ParamSpec("base_momentum", "baseMomentum", ParamKind.Number, Rule.Finite, 0.85),
            new ParamSpec("max_momentum", "maxMomentum", ParamKind.Number, Rule.Finite, 0.95),
            new ParamSpec("pct_start", "pctStart", ParamKind.Number, Rule.Fraction, 0.3),
        }));
        specs.Add(CyclicSpec("cyclic", "Cyclic", "base_lr", "baseLr", "max_lr", "maxLr"));
        specs.Add(CyclicSpec("cyclic_momentum", "CyclicMomentum", "base_momentum", "baseMomentum", "max_momentum", "maxMomentum"));
        specs.Add(new("step_decay", "StepDecay", new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("step_pct", "stepPct", ParamKind.Number, Rule.Positive),
            new ParamSpec("gamma", "gamma", ParamKind.Number, Rule.NonNegative, 0.1),
        }));
        specs.Add(new("multi_step", "MultiStep", new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("milestones", "milestones", ParamKind.Numbers, Rule.Fraction),
            new ParamSpec("gamma", "gamma", ParamKind.Number, Rule.NonNegative, 0.1),
        }));
        specs.Add(new("piecewise_constant", "PiecewiseConstant", new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("boundaries", "boundaries", ParamKind.Numbers, Rule.Fraction),
            new ParamSpec("scales", "scales", ParamKind.Numbers, Rule.Finite),
        }));
        specs.Add(Exponential("exponential_decay", "ExponentialDecay"));
        specs.Add(Exponential("exponential_decay_staircase", "ExponentialDecayStaircase"));
        specs.Add(new("poly_decay", "PolyDecay", new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("power", "power", ParamKind.Number, Rule.Positive, 1),
            new ParamSpec("end_ratio", "endRatio", ParamKind.Number, Rule.NonNegative, 0),
            new ParamSpec("warmup_pct", "warmupPct", ParamKind.Number, Rule.Fraction, 0),
        }));
        specs.Add(new("inverse_sqrt", "InverseSqrt", new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("warmup_pct", "warmupPct", ParamKind.Number, Rule.Fraction),
            new ParamSpec("timescale_pct", "timescalePct", ParamKind.Number, Rule.NonNegative, 0),
        }));
        specs.Add(new("cosine_restarts", "CosineRestarts", new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("cycles", "cycles", ParamKind.Number, Rule.Positive, 1),
            new ParamSpec("warmup_pct", "warmupPct", ParamKind.Number, Rule.Fraction, 0),
        }));
        specs.Add(new("sgdr_decay", "SgdrDecay", new[]
        {
            new ParamSpec("lr_max", "lrMax", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("n_cycles", "nCycles", ParamKind.Integer, Rule.AtLeastOne),
            new ParamSpec("cycle_mult", "cycleMult", ParamKind.Number, Rule.Positive, 2),
            new ParamSpec("decay", "decay", ParamKind.Number, Rule.Positive, 1),
            new ParamSpec("lr_min", "lrMin", ParamKind.Number, Rule.Finite, 0),
        }));
    }

    private static FunctionSpec Warmup(string name, string factory) =>
        new(name, factory, new[]
        {
            new ParamSpec("lr_max", "lrMax", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("warmup_pct", "warmupPct", ParamKind.Number, Rule.Fraction),
            new ParamSpec("start_ratio", "startRatio", ParamKind.Number, Rule.NonNegative, 0),
            new ParamSpec("end_ratio", "endRatio", ParamKind.Number, Rule.NonNegative, 0),
        });

    private static FunctionSpec WsdSpec(string name, string factory) =>
        new(name, factory, new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
            new ParamSpec("warmup_pct", "warmupPct", ParamKind.Number, Rule.Fraction),
            new ParamSpec("decay_pct", "decayPct", ParamKind.Number, Rule.Fraction),
            new ParamSpec("min_lr_ratio", "minLrRatio", ParamKind.Number, Rule.NonNegative, 0),
        });

    private static FunctionSpec CyclicSpec(string name, string factory, string low, string lowCSharp, string high, string highCSharp) =>
        new(name, factory, new[]
        {
            new ParamSpec(low, lowCSharp, ParamKind.Hyper, Rule.Finite),
            new ParamSpec(high, highCSharp, ParamKind.Hyper, Rule.Finite),
            new ParamSpec("cycles", "cycles", ParamKind.Number, Rule.Positive),
            new ParamSpec("pct_up", "pctUp", ParamKind.Number, Rule.Fraction, 0.5),
            new ParamSpec("cycle_decay", "cycleDecay", ParamKind.Number, Rule.Positive, 1),
            new ParamSpec("gamma", "gamma", ParamKind.Number, Rule.Positive, 1),
        });

    private static FunctionSpec Exponential(string name, string factory) =>
        new(name, factory, new[]
        {
            new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Positive),
            new ParamSpec("decay_rate", "decayRate", ParamKind.Number, Rule.Positive),
            new ParamSpec("transition_pct", "transitionPct", ParamKind.Number, Rule.Positive),
            new ParamSpec("begin_pct", "beginPct", ParamKind.Number, Rule.Fraction, 0),
            new ParamSpec("end_ratio", "endRatio", ParamKind.Number, Rule.NonNegative, 0),
        });
}
