#nullable enable
namespace SchedDsl.Text;

/// <summary>Warmup schedules of the zoo: warmup then cosine or linear decay, and warmup-stable-decay.</summary>
internal static class WarmupFunctions
{
    public static readonly FunctionSpec WarmupCosine = WarmupThen("warmup_cosine", "WarmupCosine", "cosine");
    public static readonly FunctionSpec WarmupLinear = WarmupThen("warmup_linear", "WarmupLinear", "linear");
    public static readonly FunctionSpec Wsd = WarmupStableDecay("wsd", "Wsd", "cosine");
    public static readonly FunctionSpec WsdLinear = WarmupStableDecay("wsd_linear", "WsdLinear", "linear");

    private static FunctionSpec WarmupThen(string name, string factory, string decay) =>
        new(
            name, factory, $"linear warmup lr_max*start_ratio → lr_max over warmup_pct, then {decay} → lr_max*end_ratio",
            [
                ParamSpec.Hyper("lr_max"),
                ParamSpec.Number("warmup_pct", Rule.Fraction),
                ParamSpec.Number("start_ratio", Rule.NonNegative, 0),
                ParamSpec.Number("end_ratio", Rule.NonNegative, 0),
            ],
            a => CrossRules.Ratio(a, "start_ratio", "lr_max") ?? CrossRules.Ratio(a, "end_ratio", "lr_max"),
            "lr_max*start_ratio and lr_max*end_ratio within range");

    private static FunctionSpec WarmupStableDecay(string name, string factory, string decay) =>
        new(
            name, factory, $"warmup-stable-decay: linear warmup, flat at lr, {decay} decay over the last decay_pct",
            [
                ParamSpec.Hyper("lr"),
                ParamSpec.Number("warmup_pct", Rule.Fraction),
                ParamSpec.Number("decay_pct", Rule.Fraction),
                ParamSpec.Number("min_lr_ratio", Rule.NonNegative, 0),
            ],
            a => CrossRules.SharesFit(a, "warmup_pct", "decay_pct") ?? CrossRules.Ratio(a, "min_lr_ratio", "lr"),
            "warmup_pct + decay_pct <= 1; lr*min_lr_ratio within range");
}
