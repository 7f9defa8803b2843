using SchedDsl.Collections;
using SchedDsl.Text;
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
        Declared.Check(Decays.PolyDecay, lr, power, endRatio, warmupPct);
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
        Declared.Check(Decays.InverseSqrt, lr, warmupPct, timescalePct);
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
        CheckExponential(Decays.ExponentialDecay, lr, decayRate, transitionPct, beginPct, endRatio, staircase: false);

    /// <summary>
    /// <see cref="ExponentialDecay"/> with the exponent floored: the value drops by <paramref name="decayRate"/> every
    /// <paramref name="transitionPct"/> from <paramref name="beginPct"/> (Optax <c>staircase=True</c>).
    /// Text: <c>exponential_decay_staircase(lr, decay_rate, transition_pct, begin_pct=0, end_ratio=0)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">As <see cref="ExponentialDecay"/>, or a <paramref name="transitionPct"/> below 1e-4.</exception>
    public static Sched ExponentialDecayStaircase(Hyper lr, double decayRate, double transitionPct, double beginPct = 0, double endRatio = 0) =>
        CheckExponential(Decays.ExponentialDecayStaircase, lr, decayRate, transitionPct, beginPct, endRatio, staircase: true);

    private static ExponentialDecaySched CheckExponential(
        FunctionSpec function, Hyper lr, double decayRate, double transitionPct, double beginPct, double endRatio, bool staircase)
    {
        Declared.Check(function, lr, decayRate, transitionPct, beginPct, endRatio);
        return new ExponentialDecaySched(lr, decayRate, transitionPct, beginPct, endRatio, staircase);
    }

    /// <summary>
    /// Step decay: <c>lr * gamma^floor(pos / stepPct)</c>. Text: <c>step_decay(lr, step_pct, gamma=0.1)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>StepLR(step_size=N, gamma)</c> over <c>T</c> steps is <c>StepDecay(lr, (double)N/T, gamma)</c> at <c>pos = step/T</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, a <paramref name="stepPct"/> below 1e-4, a gamma &lt; 0, or a growing gamma that takes the value past double range.</exception>
    public static Sched StepDecay(Hyper lr, double stepPct, double gamma = Decays.StepGamma)
    {
        Declared.Check(Decays.StepDecay, lr, stepPct, gamma);
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
    public static Sched MultiStep(Hyper lr, IEnumerable<double> milestones, double gamma = Decays.StepGamma)
    {
        var positions = milestones?.ToArray()!;
        Declared.Check(Decays.MultiStep, lr, positions, gamma);
        return new MultiStepSched(lr, ValueArray<double>.Own(positions), gamma);
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
        var (positions, factors) = (boundaries?.ToArray()!, scales?.ToArray()!);
        Declared.Check(Decays.PiecewiseConstant, lr, positions, factors);
        return new PiecewiseConstantSched(lr, ValueArray<double>.Own(positions), ValueArray<double>.Own(factors));
    }
}
