using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl;

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
        CheckWsd(WarmupFunctions.Wsd, lr, warmupPct, decayPct, minLrRatio, linear: false);

    /// <summary>
    /// Warmup-stable-decay with a linear decay (HF <c>get_wsd_schedule(decay_type='linear')</c>); otherwise as
    /// <see cref="Wsd"/>. Text: <c>wsd_linear(lr, warmup_pct, decay_pct, min_lr_ratio=0)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">A non-finite number, a share outside [0, 1], or shares summing past 1.</exception>
    public static Sched WsdLinear(Hyper lr, double warmupPct, double decayPct, double minLrRatio = 0) =>
        CheckWsd(WarmupFunctions.WsdLinear, lr, warmupPct, decayPct, minLrRatio, linear: true);

    private static WsdSched CheckWsd(FunctionSpec function, Hyper lr, double warmupPct, double decayPct, double minLrRatio, bool linear)
    {
        Declared.Check(function, lr, warmupPct, decayPct, minLrRatio);
        // Shares that overshoot 1 by rounding only leave a stable phase of zero width.
        return new WsdSched(lr, warmupPct, Math.Min(decayPct, 1 - warmupPct), minLrRatio, linear);
    }
}
