#nullable enable
#if NETSTANDARD2_0
using System;
#endif

namespace SchedDsl.Text;

/// <summary>The zoo's restarting cosines: HF's hard restarts and SGDR with decaying peaks.</summary>
internal static class Restarts
{
    public const double SgdrDecayCycleMult = 2;

    /// <summary>Most cycles an <c>sgdr_decay</c> may have (each costs a step of the segment search).</summary>
    public const int MaxCycles = 10_000;

    public static readonly FunctionSpec CosineRestarts = new(
        "cosine_restarts", "CosineRestarts", "HF cosine with hard restarts: linear warmup, then cycles equal half-cosines lr → 0",
        [ParamSpec.Hyper("lr"), ParamSpec.Number("cycles", Rule.Positive, 1), ParamSpec.Number("warmup_pct", Rule.Fraction, 0)]);

    public static readonly FunctionSpec SgdrDecay = new(
        "sgdr_decay", "SgdrDecay", "PyTorch `CosineAnnealingWarmRestarts`: n_cycles half-cosines lr_max*decay^i → lr_min, cycle i lasting cycle_mult^i",
        [
            ParamSpec.Hyper("lr_max"),
            ParamSpec.Integer("n_cycles"),
            ParamSpec.Number("cycle_mult", Rule.Positive, SgdrDecayCycleMult),
            ParamSpec.Number("decay", Rule.Positive, 1),
            ParamSpec.Number("lr_min", Rule.Value, 0),
        ],
        a => CrossRules.AtMost(a, "n_cycles", MaxCycles, "each cycle is a segment that evaluation searches")
            ?? CrossRules.Derived(
                "cycle_mult", a.Number("cycle_mult"), [FastaiPresets.SgdrEpochs((int)a.Number("n_cycles"), 1, a.Number("cycle_mult"))],
                "the total length 1 + cycle_mult + … + cycle_mult^(n_cycles-1)")
            ?? CrossRules.Derived(
                "decay", a.Number("decay"), CrossRules.Times(a.Numbers("lr_max"), Math.Max(1, Math.Pow(a.Number("decay"), a.Number("n_cycles") - 1))),
                "the largest peak lr_max*decay^(n_cycles-1)"),
        $"n_cycles <= {MaxCycles}; the total length and the largest peak within range");
}
