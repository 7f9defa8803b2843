using SchedDsl.Validation;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// Polynomial decay after an optional linear warmup from 0: <c>end + (lr-end) * (1-x)^power</c>, with
    /// <c>end = lr*endRatio</c> and <c>x</c> the progress through the decay.
    /// Text: <c>poly_decay(lr, power=1, end_ratio=0, warmup_pct=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>PyTorch <c>PolynomialLR(total_iters=N, power=p)</c> is <c>PolyDecay(lr, p)</c> at <c>pos = min(step/N, 1)</c>.</para>
    /// <para>Hugging Face <c>get_polynomial_decay_schedule_with_warmup(opt, W, T, lr_end, power)</c> is
    /// <c>PolyDecay(lr, power, lr_end/lr_init, W/T)</c> at <c>pos = min(step/T, 1)</c>, where <c>lr_init</c> is
    /// <c>optimizer.defaults['lr']</c>: HF divides by it for every group, so every group ends at the same ratio.</para>
    /// </remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, a power &lt;= 0, <paramref name="warmupPct"/> outside [0, 1], or <c>lr*endRatio</c> past double range.</exception>
    public static Sched PolyDecay(Hyper lr, double power = 1, double endRatio = 0, double warmupPct = 0)
    {
        Require.Magnitude("poly_decay", "lr", Require.Finite("poly_decay", "lr", lr));
        Require.Positive("poly_decay", "power", power);
        Require.NonNegative("poly_decay", "end_ratio", endRatio);
        Require.Fraction("poly_decay", "warmup_pct", warmupPct);
        Require.FiniteDerived("poly_decay", "end_ratio", endRatio, lr.Scale(endRatio), "lr*end_ratio");
        return new PolyDecaySched(lr, power, endRatio, warmupPct);
    }

    /// <summary>
    /// Linear warmup from 0 over <paramref name="warmupPct"/>, then <c>lr / sqrt(1 + (pos - warmupPct) / timescalePct)</c>.
    /// Text: <c>inverse_sqrt(lr, warmup_pct, timescale_pct=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Hugging Face <c>get_inverse_sqrt_schedule(opt, num_warmup_steps=W, timescale=S)</c> over <c>T</c> recorded
    /// steps is <c>InverseSqrt(lr, W/T, S/T)</c> at <c>pos = step/T</c>; HF's default <c>timescale = W</c> is
    /// <paramref name="timescalePct"/> = 0.</para>
    /// <para>The Noam/T2T lambda <c>min((s+1)^-0.5, (s+1)*W^-1.5)</c> over <c>T</c> steps is
    /// <c>InverseSqrt(lr*W^-0.5, W/T)</c> at <c>pos = (s+1)/T</c>.</para>
    /// </remarks>
    /// <param name="lr">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="warmupPct">Share of training spent warming up, in [0, 1].</param>
    /// <param name="timescalePct">The decay's timescale as a share of training, &gt;= 0; 0 means <paramref name="warmupPct"/>.</param>
    /// <exception cref="SchedArgumentException">A non-finite number, a share outside [0, 1], no timescale (both 0), or one so small that the decay spans more than double range of timescales.</exception>
    public static Sched InverseSqrt(Hyper lr, double warmupPct, double timescalePct = 0)
    {
        Require.Magnitude("inverse_sqrt", "lr", Require.Finite("inverse_sqrt", "lr", lr));
        Require.Fraction("inverse_sqrt", "warmup_pct", warmupPct);
        Require.NonNegative("inverse_sqrt", "timescale_pct", timescalePct);
        var timescale = InverseSqrtSched.Timescale(warmupPct, timescalePct);
        if (timescale <= 0)
        {
            throw new SchedArgumentException(
                "inverse_sqrt", "timescale_pct", "must be > 0 when warmup_pct is 0 (the timescale defaults to the warmup), got 0");
        }
        if (!double.IsFinite((1 - warmupPct) / timescale))
        {
            var blamed = timescalePct > 0 ? "timescale_pct" : "warmup_pct";
            throw new SchedArgumentException(
                "inverse_sqrt", blamed, $"must keep (1 - warmup_pct)/timescale finite (the decay's length in timescales), got {NumberText.Format(timescale)}");
        }
        return new InverseSqrtSched(lr, warmupPct, timescalePct);
    }

    /// <summary>
    /// Exponential decay: <paramref name="lr"/> until <paramref name="beginPct"/>, then
    /// <c>lr * decayRate^((pos - beginPct) / transitionPct)</c>, held at <c>lr*endRatio</c> once it gets there.
    /// Text: <c>exponential_decay(lr, decay_rate, transition_pct, begin_pct=0, end_ratio=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>PyTorch <c>ExponentialLR(gamma)</c> over <c>T</c> steps is <c>ExponentialDecay(lr, gamma, 1.0/T)</c> at <c>pos = step/T</c>.</para>
    /// <para>Optax <c>exponential_decay(init_value, transition_steps, decay_rate, transition_begin, end_value=e)</c> over
    /// <c>T</c> counts is <c>ExponentialDecay(init_value, decay_rate, transition_steps/T, transition_begin/T, e/init_value)</c>
    /// at <c>pos = count/T</c>; <see cref="ExponentialDecayStaircase"/> is <c>staircase=True</c>.</para>
    /// </remarks>
    /// <param name="lr">The starting value (&gt; 0): a number, a per-group list, or a slice.</param>
    /// <param name="decayRate">The factor per <paramref name="transitionPct"/>; &gt; 0.</param>
    /// <param name="transitionPct">The share of training over which the value is multiplied by <paramref name="decayRate"/>; &gt; 0.</param>
    /// <param name="beginPct">Where the decay begins, in [0, 1].</param>
    /// <param name="endRatio">The bound, as a ratio of <paramref name="lr"/>: below 1 for a decay, above 1 for growth, 0 for none.</param>
    /// <exception cref="SchedArgumentException">A number out of its range, a bound on the wrong side of 1, or a growth that takes the value past double range.</exception>
    public static Sched ExponentialDecay(Hyper lr, double decayRate, double transitionPct, double beginPct = 0, double endRatio = 0) =>
        CheckExponential("exponential_decay", lr, decayRate, transitionPct, beginPct, endRatio, staircase: false);

    /// <summary>
    /// <see cref="ExponentialDecay"/> with the exponent floored: the value drops by <paramref name="decayRate"/> every
    /// <paramref name="transitionPct"/> from <paramref name="beginPct"/> (Optax <c>staircase=True</c>).
    /// Text: <c>exponential_decay_staircase(lr, decay_rate, transition_pct, begin_pct=0, end_ratio=0)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">As <see cref="ExponentialDecay"/>, or a <paramref name="transitionPct"/> below 1e-4.</exception>
    public static Sched ExponentialDecayStaircase(Hyper lr, double decayRate, double transitionPct, double beginPct = 0, double endRatio = 0) =>
        CheckExponential("exponential_decay_staircase", lr, decayRate, transitionPct, beginPct, endRatio, staircase: true);

    private static ExponentialDecaySched CheckExponential(
        string function, Hyper lr, double decayRate, double transitionPct, double beginPct, double endRatio, bool staircase)
    {
        Require.Magnitude(function, "lr", Require.Positive(function, "lr", lr));
        Require.Positive(function, "decay_rate", decayRate);
        _ = staircase ? ZooRequire.StairWidth(function, "transition_pct", transitionPct) : Require.Positive(function, "transition_pct", transitionPct);
        Require.Fraction(function, "begin_pct", beginPct);
        Require.NonNegative(function, "end_ratio", endRatio);
        if (endRatio > 0 && decayRate != 1 && (decayRate < 1) != (endRatio < 1))
        {
            throw new SchedArgumentException(
                function, "end_ratio",
                $"must be below 1 when decay_rate < 1 (a floor), above 1 when decay_rate > 1 (a ceiling), or 0 for none; got {NumberText.Format(endRatio)} with decay_rate {NumberText.Format(decayRate)}");
        }
        // The largest factor reached: the bound for a capped growth, rate^((1-begin)/transition) for an uncapped one.
        var atEnd = Math.Pow(decayRate, (1 - beginPct) / transitionPct);
        var largest = decayRate <= 1 ? 1 : endRatio > 0 ? Math.Min(atEnd, endRatio) : atEnd;
        Require.FiniteDerived(function, "decay_rate", decayRate, lr.Scale(largest), "the largest value lr*decay_rate^((1 - begin_pct)/transition_pct)");
        Require.FiniteDerived(function, "end_ratio", endRatio, lr.Scale(endRatio), "lr*end_ratio");
        return new ExponentialDecaySched(lr, decayRate, transitionPct, beginPct, endRatio, staircase);
    }

    /// <summary>
    /// Step decay: <c>lr * gamma^floor(pos / stepPct)</c>. Text: <c>step_decay(lr, step_pct, gamma=0.1)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>StepLR(step_size=N, gamma)</c> over <c>T</c> steps is <c>StepDecay(lr, (double)N/T, gamma)</c> at <c>pos = step/T</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, a <paramref name="stepPct"/> below 1e-4, a gamma &lt; 0, or a growing gamma that takes the value past double range.</exception>
    public static Sched StepDecay(Hyper lr, double stepPct, double gamma = 0.1)
    {
        Require.Magnitude("step_decay", "lr", Require.Finite("step_decay", "lr", lr));
        ZooRequire.StairWidth("step_decay", "step_pct", stepPct);
        Require.NonNegative("step_decay", "gamma", gamma);
        // floor(1/step_pct) bounds the number of steps taken, so gamma^(1/step_pct) bounds a growing factor.
        Require.FiniteDerived(
            "step_decay", "gamma", gamma, lr.Scale(Math.Max(1, Math.Pow(gamma, Math.Floor(1 / stepPct)))), "the largest value lr*gamma^floor(1/step_pct)");
        return new StepDecaySched(lr, stepPct, gamma);
    }

    /// <summary>
    /// Multi-step decay: <c>lr * gamma^(number of milestones &lt;= pos)</c>. Text: <c>multi_step(lr, [m1, m2, …], gamma=0.1)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>MultiStepLR(milestones=[m…], gamma)</c> over <c>T</c> steps is <c>MultiStep(lr, [m/T…], gamma)</c> at <c>pos = step/T</c>.</remarks>
    /// <param name="lr">The starting value: a number, a per-group list, or a slice.</param>
    /// <param name="milestones">Positions in [0, 1], in non-decreasing order; a repeated one applies gamma twice.</param>
    /// <param name="gamma">The factor at each milestone; &gt;= 0.</param>
    /// <exception cref="SchedArgumentException">A non-finite number, a milestone outside [0, 1] or out of order, a gamma &lt; 0, or a growing gamma that takes the value past double range.</exception>
    public static Sched MultiStep(Hyper lr, IEnumerable<double> milestones, double gamma = 0.1)
    {
        Require.Magnitude("multi_step", "lr", Require.Finite("multi_step", "lr", lr));
        var checkedMilestones = ZooRequire.Positions("multi_step", "milestones", milestones);
        Require.NonNegative("multi_step", "gamma", gamma);
        Require.FiniteDerived(
            "multi_step", "gamma", gamma, lr.Scale(Math.Max(1, Math.Pow(gamma, checkedMilestones.Count))), "the largest value lr*gamma^(number of milestones)");
        return new MultiStepSched(lr, checkedMilestones, gamma);
    }

    /// <summary>
    /// Piecewise constant: <paramref name="lr"/> times the product of <c>scales[i]</c> for every <c>boundaries[i] &lt;= pos</c>.
    /// Text: <c>piecewise_constant(lr, [b1, b2, …], [s1, s2, …])</c>.
    /// </summary>
    /// <remarks>Optax <c>piecewise_constant_schedule(init_value, {b: s, …})</c> over <c>T</c> counts is
    /// <c>PiecewiseConstant(init_value, [b/T…], [s…])</c> at <c>pos = count/T</c> (Optax also scales at <c>count == b</c>).</remarks>
    /// <exception cref="SchedArgumentException">Counts differ, a non-finite number, a boundary outside [0, 1] or out of order, or scales whose product takes the value past double range.</exception>
    public static Sched PiecewiseConstant(Hyper lr, IEnumerable<double> boundaries, IEnumerable<double> scales)
    {
        var checkedBoundaries = ZooRequire.Positions("piecewise_constant", "boundaries", boundaries);
        var checkedScales = ZooRequire.Finite("piecewise_constant", "scales", scales);
        if (checkedBoundaries.Count != checkedScales.Count)
        {
            throw new SchedArgumentException(
                "piecewise_constant", "scales", $"must have one scale per boundary: got {checkedScales.Count} scales for {checkedBoundaries.Count} boundaries");
        }
        Require.Magnitude("piecewise_constant", "lr", Require.Finite("piecewise_constant", "lr", lr));
        var product = 1.0;
        for (var i = 0; i < checkedScales.Count; i++)
        {
            product *= checkedScales[i];
            Require.FiniteDerived(
                "piecewise_constant", $"scales[{i}]", checkedScales[i], lr.Scale(product), $"lr*scales[0]*…*scales[{i}]");
        }
        return new PiecewiseConstantSched(lr, checkedBoundaries, checkedScales);
    }
}
