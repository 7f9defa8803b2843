#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class WarmupFunctions
{
    public static readonly FunctionSpec Wsd = WarmupStableDecay("wsd", "Wsd", "cosine");

    public static readonly FunctionSpec WsdLinear = WarmupStableDecay("wsd_linear", "WsdLinear", "linear");

    public static readonly FunctionSpec WsdSqrt = WarmupStableDecay("wsd_sqrt", "WsdSqrt", "1-sqrt (HF `decay_type='1-sqrt'`)");

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

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Warmup-stable-decay with a cosine decay: linear from <c>lr*minLrRatio</c> to <paramref name="lr"/> over
    /// <paramref name="warmupPct"/>, flat, then half a cosine down to <c>lr*minLrRatio</c> over the last
    /// <paramref name="decayPct"/>. Text: <c>wsd(lr, warmup_pct, decay_pct, min_lr_ratio=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Hugging Face <c>get_wsd_schedule(opt, num_warmup_steps=W, num_decay_steps=D, num_stable_steps=S,
    /// min_lr_ratio=r)</c> (<c>warmup_type='linear'</c>, <c>decay_type='cosine'</c>) is <c>Wsd(lr, W/T, D/T, r)</c> with
    /// <c>T = W+S+D</c> at <c>pos = min(step/T, 1)</c>. See <see cref="WsdLinear"/> for <c>decay_type='linear'</c>.</para>
    /// <para>PyTorch <c>LinearLR(start_factor=f, end_factor=1, total_iters=W)</c> over <c>T</c> steps is
    /// <c>WsdLinear(lr, W/T, 0, f)</c> at <c>pos = step/T</c>; Hugging Face <c>get_constant_schedule_with_warmup(opt, W)</c>
    /// over <c>T</c> steps is <c>WsdLinear(lr, W/T, 0)</c>.</para>
    /// </remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, a share outside [0, 1], or shares summing past 1.</exception>
    public static Sched Wsd(Hyper lr, double warmupPct, double decayPct, double minLrRatio = 0) =>
        CheckWsd(CooldownShape.Cosine, lr, warmupPct, decayPct, minLrRatio);

    /// <summary>
    /// Warmup-stable-decay with a linear decay (HF <c>get_wsd_schedule(decay_type='linear')</c>); otherwise as
    /// <see cref="Wsd"/>. Text: <c>wsd_linear(lr, warmup_pct, decay_pct, min_lr_ratio=0)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">A non-finite number, a share outside [0, 1], or shares summing past 1.</exception>
    public static Sched WsdLinear(Hyper lr, double warmupPct, double decayPct, double minLrRatio = 0) =>
        CheckWsd(CooldownShape.Linear, lr, warmupPct, decayPct, minLrRatio);

    /// <summary>
    /// Warmup-stable-decay with the "1-sqrt" decay of Hägele et al. (2024), the shape of <see cref="CooldownSqrt"/>:
    /// <c>lr*(r + (1 - r)*(1 - sqrt(t)))</c> over the last <paramref name="decayPct"/> (HF
    /// <c>get_wsd_schedule(decay_type='1-sqrt')</c>); otherwise as <see cref="Wsd"/>.
    /// Text: <c>wsd_sqrt(lr, warmup_pct, decay_pct, min_lr_ratio=0)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">A non-finite number, a share outside [0, 1], or shares summing past 1.</exception>
    public static Sched WsdSqrt(Hyper lr, double warmupPct, double decayPct, double minLrRatio = 0) =>
        CheckWsd(CooldownShape.Sqrt, lr, warmupPct, decayPct, minLrRatio);

    /// <summary>The warmup-stable-decay whose decay has <paramref name="decay"/>'s shape (a re-plan keeps it).</summary>
    internal static WsdSched CheckWsd(CooldownShape decay, Hyper lr, double warmupPct, double decayPct, double minLrRatio)
    {
        Declared.Check(WsdSched.FunctionOf(decay), lr, warmupPct, decayPct, minLrRatio);
        // Shares that overshoot 1 by rounding only leave a stable phase of zero width.
        return new WsdSched(lr, warmupPct, Math.Min(decayPct, 1 - warmupPct), minLrRatio, decay);
    }
}

/// <summary>
/// Warmup-stable-decay (HF <c>get_wsd_schedule</c>): linear from <c>lr*min_lr_ratio</c> to <c>lr</c> over
/// <c>warmup_pct</c>, flat at <c>lr</c>, then down to <c>lr*min_lr_ratio</c> over the last <c>decay_pct</c>, by half
/// a cosine (<c>wsd</c>), a line (<c>wsd_linear</c>) or 1-sqrt (<c>wsd_sqrt</c>): the cooldown shapes of
/// <see cref="CooldownCurve"/>, one definition each.
/// </summary>
internal sealed record WsdSched(Hyper Lr, double WarmupPct, double DecayPct, double MinLrRatio, CooldownShape Decay)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct - DecayPct, DecayPct],
        [ZooParts.Lin(Lr.Scale(MinLrRatio), Lr), ZooParts.Flat(Lr), ZooParts.Cooldown(Decay, Lr, Lr.Scale(MinLrRatio))]))
{
    public override FunctionSpec Function => FunctionOf(Decay);

    /// <summary>The declaration of the warmup-stable-decay whose decay has <paramref name="decay"/>'s shape.</summary>
    public static FunctionSpec FunctionOf(CooldownShape decay) => decay switch
    {
        CooldownShape.Linear => WarmupFunctions.WsdLinear,
        CooldownShape.Sqrt => WarmupFunctions.WsdSqrt,
        _ => WarmupFunctions.Wsd,
    };

    internal override object[] Arguments => [Lr, WarmupPct, DecayPct, MinLrRatio];
}
#endif
