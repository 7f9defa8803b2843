#nullable enable
#if NETSTANDARD2_0
using System;
#endif

namespace SchedDsl.Text;

/// <summary>fastai's fit presets: <c>fit_one_cycle</c>, <c>fit_flat_cos</c>, <c>fit_sgdr</c>, <c>LRFinder</c>.</summary>
internal static class FastaiPresets
{
    public const double OneCycleDiv = 25;
    public const double OneCycleDivFinal = 1e5;
    public const double OneCyclePctStart = 0.25;
    public const double OneCycleMomStart = 0.95;
    public const double OneCycleMomMiddle = 0.85;
    public const double OneCycleMomEnd = 0.95;
    public const double FlatCosDivFinal = 1e5;
    public const double FlatCosPctStart = 0.75;
    public const double SgdrCycleLen = 1;
    public const double SgdrCycleMult = 2;
    public const double LrFinderStartLr = 1e-7;
    public const double LrFinderEndLr = 10;

    /// <summary>The most SGDR cycles a schedule may have: each is a segment, so this bounds memory and search.</summary>
    public const int MaxSgdrCycles = 10_000;

    public static readonly FunctionSpec OneCycle = new(
        "one_cycle", "OneCycle", "fastai `fit_one_cycle`'s lr: cosine lr_max/div → lr_max over pct_start, then → lr_max/div_final",
        [
            ParamSpec.Hyper("lr_max"),
            ParamSpec.Number("div", Rule.Positive, OneCycleDiv),
            ParamSpec.Number("div_final", Rule.Positive, OneCycleDivFinal),
            ParamSpec.Number("pct_start", Rule.Fraction, OneCyclePctStart),
        ],
        a => CrossRules.Divisor(a, "div", "lr_max") ?? CrossRules.Divisor(a, "div_final", "lr_max"),
        "lr_max/div and lr_max/div_final within range");

    public static readonly FunctionSpec FlatCos = new(
        "flat_cos", "FlatCos", "fastai `fit_flat_cos`'s lr: flat at lr for pct_start, then cosine → lr/div_final",
        [
            ParamSpec.Hyper("lr"),
            ParamSpec.Number("div_final", Rule.Positive, FlatCosDivFinal),
            ParamSpec.Number("pct_start", Rule.Fraction, FlatCosPctStart),
        ],
        a => CrossRules.Divisor(a, "div_final", "lr"),
        "lr/div_final within range");

    public static readonly FunctionSpec Sgdr = new(
        "sgdr", "Sgdr", "fastai `fit_sgdr`'s lr: n_cycles cosines lr_max → 0, cycle i lasting cycle_len * cycle_mult^i",
        [
            ParamSpec.Hyper("lr_max"),
            ParamSpec.Integer("n_cycles"),
            ParamSpec.Number("cycle_len", Rule.Positive, SgdrCycleLen),
            ParamSpec.Number("cycle_mult", Rule.Positive, SgdrCycleMult),
        ],
        a => CrossRules.AtMost(a, "n_cycles", MaxSgdrCycles, "each cycle is a segment that evaluation searches") ?? SgdrFits(a),
        $"n_cycles <= {MaxSgdrCycles}; the run's length in epochs finite");

    public static readonly FunctionSpec LrFinder = new(
        "lr_finder", "LrFinder", "fastai `LRFinder`'s schedule: exp(start_lr, end_lr)",
        [
            ParamSpec.Number("start_lr", Rule.PositiveValue, LrFinderStartLr),
            ParamSpec.Number("end_lr", Rule.PositiveValue, LrFinderEndLr),
        ],
        a => CrossRules.Geometric(a.Number("start_lr"), a.Number("end_lr"), "start_lr", "end_lr"),
        "end_lr/start_lr within range");

    /// <summary>
    /// The length of an SGDR run in epochs: <c>cycleLen * (cycleMult^nCycles - 1) / (cycleMult - 1)</c>, summed in
    /// double as fastai does, or <c>cycleLen * nCycles</c> when <c>cycleMult = 1</c>.
    /// </summary>
    public static double SgdrEpochs(int nCycles, double cycleLen, double cycleMult)
    {
        var total = 0.0;
        for (var i = 0; i < nCycles; i++)
        {
            total += cycleLen * Math.Pow(cycleMult, i);
        }
        return total;
    }

    private static ArgProblem? SgdrFits(Args a)
    {
        var nCycles = (int)a.Number("n_cycles");
        var epochs = SgdrEpochs(nCycles, a.Number("cycle_len"), a.Number("cycle_mult"));
        return double.IsInfinity(epochs) || double.IsNaN(epochs)
            ? new ArgProblem(
                "n_cycles",
                $"makes the run overflow a double: cycle_len * cycle_mult^(n_cycles-1) with n_cycles = {nCycles}, cycle_mult = {TextNumbers.Format(a.Number("cycle_mult"))}")
            : null;
    }
}
