#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class FastaiPresets
{
    public const double FlatCosDivFinal = 1e5;
    public const double FlatCosPctStart = 0.75;

    public static readonly FunctionSpec FlatCos = new(
        "flat_cos", "FlatCos", "fastai `fit_flat_cos`'s lr: flat at lr for pct_start, then cosine → lr/div_final",
        [
            ParamSpec.Hyper("lr"),
            ParamSpec.Number("div_final", Rule.Positive, FlatCosDivFinal),
            ParamSpec.Number("pct_start", Rule.Fraction, FlatCosPctStart),
        ],
        a => CrossRules.Divisor(a, "div_final", "lr"),
        "lr/div_final within range");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// fastai's <c>fit_flat_cos</c> learning rate: flat at <paramref name="lr"/> for <paramref name="pctStart"/> of
    /// training, then cosine down to <c>lr/divFinal</c>. Text: <c>flat_cos(lr, div_final=1e5, pct_start=0.75)</c>.
    /// </summary>
    public static Sched FlatCos(Hyper lr, double divFinal = FastaiPresets.FlatCosDivFinal, double pctStart = FastaiPresets.FlatCosPctStart)
    {
        Declared.Check(FastaiPresets.FlatCos, lr, divFinal, pctStart);
        return new FlatCosSched(lr, divFinal, pctStart);
    }
}

/// <summary>fastai's <c>fit_flat_cos</c> learning rate: <c>combined_cos(pct_start, lr, lr, lr/div_final)</c>.</summary>
internal sealed record FlatCosSched(Hyper Lr, double DivFinal, double PctStart)
    : Preset(CombinedCosSched.Expand(PctStart, Lr, Lr, Lr.Divide(DivFinal)))
{
    public override FunctionSpec Function => FastaiPresets.FlatCos;

    internal override object[] Arguments => [Lr, DivFinal, PctStart];
}
#endif
