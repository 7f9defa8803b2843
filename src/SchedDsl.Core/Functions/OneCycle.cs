#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>fastai's fit presets: <c>fit_one_cycle</c>, <c>fit_flat_cos</c>, <c>fit_sgdr</c>, <c>LRFinder</c>.</summary>
internal static partial class FastaiPresets
{
    public const double OneCycleDiv = 25;
    public const double OneCycleDivFinal = 1e5;
    public const double OneCyclePctStart = 0.25;
    public const double OneCycleMomStart = 0.95;
    public const double OneCycleMomMiddle = 0.85;
    public const double OneCycleMomEnd = 0.95;

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
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// fastai's one-cycle learning rate (<c>fit_one_cycle</c>): cosine from <c>lrMax/div</c> up to
    /// <paramref name="lrMax"/> over <paramref name="pctStart"/> of training, then down to <c>lrMax/divFinal</c>.
    /// Text: <c>one_cycle(lr_max, div=25, div_final=1e5, pct_start=0.25)</c>.
    /// </summary>
    /// <param name="lrMax">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="div">Start at <c>lrMax/div</c>; &gt; 0.</param>
    /// <param name="divFinal">End at <c>lrMax/divFinal</c>; &gt; 0.</param>
    /// <param name="pctStart">Share of training spent warming up, in [0, 1].</param>
    public static Sched OneCycle(
        Hyper lrMax, double div = FastaiPresets.OneCycleDiv, double divFinal = FastaiPresets.OneCycleDivFinal, double pctStart = FastaiPresets.OneCyclePctStart)
    {
        Declared.Check(FastaiPresets.OneCycle, lrMax, div, divFinal, pctStart);
        return new OneCycleSched(lrMax, div, divFinal, pctStart);
    }

    /// <summary>
    /// fastai's one-cycle momentum (<c>moms=(0.95, 0.85, 0.95)</c>): <c>combined_cos(pctStart, start, middle, end)</c>,
    /// falling while the learning rate rises.
    /// </summary>
    public static Sched OneCycleMomentum(
        double start = FastaiPresets.OneCycleMomStart,
        double middle = FastaiPresets.OneCycleMomMiddle,
        double end = FastaiPresets.OneCycleMomEnd,
        double pctStart = FastaiPresets.OneCyclePctStart) =>
        CombinedCos(pctStart, start, middle, end);
}

/// <summary>fastai's <c>fit_one_cycle</c> learning rate: <c>combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)</c>.</summary>
internal sealed record OneCycleSched(Hyper LrMax, double Div, double DivFinal, double PctStart)
    : Preset(CombinedCosSched.Expand(PctStart, LrMax.Divide(Div), LrMax, LrMax.Divide(DivFinal)))
{
    public override FunctionSpec Function => FastaiPresets.OneCycle;

    internal override object[] Arguments => [LrMax, Div, DivFinal, PctStart];
}
#endif
