#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>Warmup schedules of the zoo: warmup then cosine or linear decay, and warmup-stable-decay.</summary>
internal static partial class WarmupFunctions
{
    public static readonly FunctionSpec WarmupCosine = WarmupThen("warmup_cosine", "WarmupCosine", "cosine");

    public static readonly FunctionSpec WarmupLinear = WarmupThen("warmup_linear", "WarmupLinear", "linear");

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
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Linear warmup then cosine decay: linear from <c>lrMax*startRatio</c> to <paramref name="lrMax"/> over
    /// <paramref name="warmupPct"/> of training, then half a cosine down to <c>lrMax*endRatio</c>.
    /// Text: <c>warmup_cosine(lr_max, warmup_pct, start_ratio=0, end_ratio=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Hugging Face <c>get_cosine_schedule_with_warmup(opt, num_warmup_steps=W, num_training_steps=T)</c> (its
    /// default <c>num_cycles=0.5</c>) is <c>WarmupCosine(lr, W/T)</c> at <c>pos = step/T</c>; past <c>T</c> HF rises again,
    /// this schedule ends at <c>pos = 1</c>.</para>
    /// <para>Hugging Face <c>get_cosine_with_min_lr_schedule_with_warmup(opt, W, T, min_lr_rate=r)</c> is
    /// <c>WarmupCosine(lr, W/T, endRatio: r)</c> at <c>pos = step/T</c>.</para>
    /// <para>Optax <c>warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value)</c> is
    /// <c>WarmupCosine(peak_value, warmup_steps/decay_steps, init_value/peak_value, end_value/peak_value)</c> at
    /// <c>pos = min(count/decay_steps, 1)</c>: Optax's <c>decay_steps</c> includes the warmup.</para>
    /// <para>PyTorch <c>SequentialLR([LinearLR(start_factor=f, total_iters=W), CosineAnnealingLR(T_max=T-W)], milestones=[W])</c>
    /// is <c>WarmupCosine(lr, W/T, startRatio: f)</c> at <c>pos = step/T</c>.</para>
    /// </remarks>
    /// <param name="lrMax">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="warmupPct">Share of training spent warming up, in [0, 1].</param>
    /// <param name="startRatio">The warmup starts at <c>lrMax*startRatio</c>; &gt;= 0.</param>
    /// <param name="endRatio">The decay ends at <c>lrMax*endRatio</c>; &gt;= 0.</param>
    /// <exception cref="SchedArgumentException">A non-finite number, <paramref name="warmupPct"/> outside [0, 1], or a ratio that takes <c>lrMax*ratio</c> past double range.</exception>
    public static Sched WarmupCosine(Hyper lrMax, double warmupPct, double startRatio = 0, double endRatio = 0)
    {
        Declared.Check(WarmupFunctions.WarmupCosine, lrMax, warmupPct, startRatio, endRatio);
        return new WarmupCosineSched(lrMax, warmupPct, startRatio, endRatio);
    }

    /// <summary>
    /// Linear warmup then linear decay: from <c>lrMax*startRatio</c> up to <paramref name="lrMax"/> over
    /// <paramref name="warmupPct"/>, then down to <c>lrMax*endRatio</c>.
    /// Text: <c>warmup_linear(lr_max, warmup_pct, start_ratio=0, end_ratio=0)</c>.
    /// </summary>
    /// <remarks>
    /// Hugging Face <c>get_linear_schedule_with_warmup(opt, num_warmup_steps=W, num_training_steps=T)</c> is
    /// <c>WarmupLinear(lr, W/T)</c> at <c>pos = min(step/T, 1)</c> (HF holds 0 after <c>T</c>).
    /// </remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, <paramref name="warmupPct"/> outside [0, 1], or a ratio that takes <c>lrMax*ratio</c> past double range.</exception>
    public static Sched WarmupLinear(Hyper lrMax, double warmupPct, double startRatio = 0, double endRatio = 0)
    {
        Declared.Check(WarmupFunctions.WarmupLinear, lrMax, warmupPct, startRatio, endRatio);
        return new WarmupLinearSched(lrMax, warmupPct, startRatio, endRatio);
    }
}

/// <summary>
/// Linear warmup from <c>lr_max*start_ratio</c> to <c>lr_max</c> over <c>warmup_pct</c>, then half a cosine down
/// to <c>lr_max*end_ratio</c>: HF <c>get_cosine_schedule_with_warmup</c>, Optax <c>warmup_cosine_decay_schedule</c>.
/// </summary>
internal sealed record WarmupCosineSched(Hyper LrMax, double WarmupPct, double StartRatio, double EndRatio)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(LrMax.Scale(StartRatio), LrMax), ZooParts.Cos(LrMax, LrMax.Scale(EndRatio))]))
{
    public override FunctionSpec Function => WarmupFunctions.WarmupCosine;

    internal override object[] Arguments => [LrMax, WarmupPct, StartRatio, EndRatio];
}

/// <summary>
/// Linear warmup from <c>lr_max*start_ratio</c> to <c>lr_max</c> over <c>warmup_pct</c>, then linear down to
/// <c>lr_max*end_ratio</c>: HF <c>get_linear_schedule_with_warmup</c>.
/// </summary>
internal sealed record WarmupLinearSched(Hyper LrMax, double WarmupPct, double StartRatio, double EndRatio)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(LrMax.Scale(StartRatio), LrMax), ZooParts.Lin(LrMax, LrMax.Scale(EndRatio))]))
{
    public override FunctionSpec Function => WarmupFunctions.WarmupLinear;

    internal override object[] Arguments => [LrMax, WarmupPct, StartRatio, EndRatio];
}
#endif
