namespace SchedDsl;

/// <summary>
/// The memory of one metric-driven rule (<see cref="AdaptiveSched.Plateau"/>, <see cref="AdaptiveSched.Greedy"/>) after
/// the metrics it has observed: an immutable value that the rule's step function advances, saved as is in a
/// checkpoint and replayed bit for bit.
/// </summary>
/// <param name="Best">The best metric so far (+∞ for a falling metric, −∞ for a rising one, before the first).</param>
/// <param name="GoodCount">Observations in a row that improved (GreedyLR's <c>num_good_epochs</c>).</param>
/// <param name="BadCount">Observations in a row that did not (PyTorch's <c>num_bad_epochs</c>).</param>
/// <param name="CooldownLeft">Observations still to wait after a change (PyTorch's <c>cooldown_counter</c>).</param>
/// <param name="WarmupLeft">GreedyLR's observations to wait after a decrease (<c>warmup_counter</c>); 0 for a plateau.</param>
/// <param name="Scale">The multiplier on the planned schedule: 1 until the first change.</param>
/// <remarks>Thread-safety: immutable.</remarks>
public readonly record struct RuleState(double Best, int GoodCount, int BadCount, int CooldownLeft, int WarmupLeft, double Scale)
{
    /// <summary>What is wrong with a state read from outside (a checkpoint), or null.</summary>
    internal string? Problem() =>
        double.IsNaN(Best) ? "its best metric is NaN"
        : GoodCount < 0 || BadCount < 0 || CooldownLeft < 0 || WarmupLeft < 0
            ? $"a negative counter (good {GoodCount}, bad {BadCount}, cooldown {CooldownLeft}, warmup {WarmupLeft})"
        : !(Scale >= 0 && double.IsFinite(Scale)) ? $"its scale {Scale} is not a finite number >= 0"
        : null;
}
