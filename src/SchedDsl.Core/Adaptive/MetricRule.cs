using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// A metric-driven rule: its first state and its pure step function <c>(state, metric, current value) → state</c>.
/// The current value is what the schedule applies where the metric is observed, as the optimizer's learning rate is
/// for PyTorch's schedulers: bounds (<c>min_lr</c>, <c>max_lr</c>) and <c>eps</c> compare against it.
/// </summary>
internal abstract record MetricRule
{
    public abstract RuleState Initial { get; }

    public abstract FunctionSpec Function { get; }

    /// <summary>The declared arguments after <c>sched</c>, in parameter order.</summary>
    public abstract object[] Arguments(int every);

    public abstract RuleState Step(RuleState state, double metric, double current);

    /// <summary>The state after moving the applied value from <paramref name="current"/> to <paramref name="target"/> by rescaling.</summary>
    protected static double Rescaled(double scale, double current, double target, double multiplier) =>
        current > 0 ? scale * target / current : scale * multiplier;
}

/// <summary>PyTorch 1.13's <c>ReduceLROnPlateau.step</c>, one observation at a time.</summary>
internal sealed record PlateauRule(PlateauMode Mode, double Factor, int Patience, double Threshold, ThresholdMode ThresholdMode, int Cooldown, double MinLr, double Eps)
    : MetricRule
{
    public override RuleState Initial => new(Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity, 0, 0, 0, 0, 1);

    public override FunctionSpec Function => AdaptiveFunctions.Plateau;

    public override object[] Arguments(int every) =>
        [Factor, Patience, Threshold, Cooldown, MinLr, Eps, every, Mode == PlateauMode.Max ? 1.0 : 0.0, ThresholdMode == ThresholdMode.Absolute ? 1.0 : 0.0];

    public override RuleState Step(RuleState state, double metric, double current) => Step(state, metric, current, out _);

    /// <summary>The step, and whether it was a reduction step (patience ran out), applied or skipped by <c>eps</c>.</summary>
    public RuleState Step(RuleState state, double metric, double current, out bool reduction)
    {
        reduction = false;
        var (best, bad, cooldownLeft, scale) = (state.Best, state.BadCount, state.CooldownLeft, state.Scale);
        if (IsBetter(metric, best))
        {
            best = metric;
            bad = 0;
        }
        else
        {
            bad++;
        }
        if (cooldownLeft > 0)
        {
            cooldownLeft--;
            bad = 0;
        }
        if (bad > Patience)
        {
            reduction = true;
            var reduced = Math.Max(current * Factor, MinLr);
            // PyTorch skips a reduction smaller than eps; a value of 0 (a planned zero) keeps its shape at a lower level.
            if (!(current > 0) || current - reduced > Eps)
            {
                scale = Rescaled(scale, current, reduced, Factor);
            }
            cooldownLeft = Cooldown;
            bad = 0;
        }
        return state with { Best = best, BadCount = bad, CooldownLeft = cooldownLeft, Scale = scale };
    }

    private bool IsBetter(double value, double best) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Relative) => value < best * (1 - Threshold),
        (PlateauMode.Min, ThresholdMode.Absolute) => value < best - Threshold,
        (PlateauMode.Max, ThresholdMode.Relative) => value > best * (1 + Threshold),
        _ => value > best + Threshold,
    };
}

/// <summary>
/// GreedyLR's step (Subramanian &amp; Ganapathiraman 2023, "Zeroth Order GreedyLR"), without its loss smoothing window
/// and periodic reset: a falling metric better than the best by <c>threshold</c> counts as good, anything else as bad;
/// more than <c>patience</c> good observations in a row divide by <c>factor</c> (up to <c>max_lr</c>) and start a
/// cooldown that ignores good ones; more than <c>patience</c> bad ones multiply by <c>factor</c> (down to
/// <c>min_lr</c>) and start a warmup that ignores bad ones.
/// </summary>
internal sealed record GreedyRule(double Factor, int Patience, double Threshold, int Cooldown, int Warmup, double MinLr, double MaxLr) : MetricRule
{
    public override RuleState Initial => new(double.PositiveInfinity, 0, 0, 0, 0, 1);

    public override FunctionSpec Function => AdaptiveFunctions.Greedy;

    public override object[] Arguments(int every) => [Factor, Patience, Threshold, Cooldown, Warmup, MinLr, MaxLr, every];

    public override RuleState Step(RuleState state, double metric, double current)
    {
        var (best, good, bad, cooldownLeft, warmupLeft, scale) = (state.Best, state.GoodCount, state.BadCount, state.CooldownLeft, state.WarmupLeft, state.Scale);
        if (metric < best - Threshold)
        {
            best = metric;
            good++;
            bad = 0;
        }
        else
        {
            good = 0;
            bad++;
        }
        if (cooldownLeft > 0)
        {
            cooldownLeft--;
            good = 0;
        }
        if (warmupLeft > 0)
        {
            warmupLeft--;
            bad = 0;
        }
        if (good > Patience)
        {
            scale = Rescaled(scale, current, Math.Min(current / Factor, MaxLr), 1 / Factor);
            cooldownLeft = Cooldown;
            good = 0;
        }
        else if (bad > Patience)
        {
            scale = Rescaled(scale, current, Math.Max(current * Factor, MinLr), Factor);
            warmupLeft = Warmup;
            bad = 0;
        }
        return new RuleState(best, good, bad, cooldownLeft, warmupLeft, scale);
    }
}
