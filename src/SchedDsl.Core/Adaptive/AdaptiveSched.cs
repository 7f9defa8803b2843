using System.Text;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// A metric-driven schedule: a planned schedule transformed by rules that watch a metric (reduce-on-plateau,
/// GreedyLR), possibly between planned phases. It is not a <see cref="Sched"/>: its value depends on the metrics seen
/// so far, so it is evaluated with a state, <see cref="At(double, AdaptiveState)"/>, and the state is a left fold over
/// the observed metrics: <see cref="Start"/>, then <see cref="Observe"/> at each declared point (<see cref="Every"/>).
/// </summary>
/// <remarks>
/// <para>
/// Built by <see cref="Plateau"/>, <see cref="Greedy"/> and <see cref="Combine"/> (fluently <see cref="AdaptiveSchedExtensions.Then"/>
/// and <see cref="Then"/>), parsed from the text form by <see cref="Parse"/>, printed back by <see cref="ToString"/>;
/// compares structurally. A <c>from_current</c> phase (<see cref="AdaptivePart.FromCurrent"/>) starts from whatever value
/// the phase before it left, so a cooldown after a plateau has no jump.
/// </para>
/// <para>
/// <see cref="At(double, AdaptiveState)"/> allocates nothing; <see cref="Observe"/> allocates the new state.
/// Thread-safety: immutable; every member is safe to call from any thread.
/// </para>
/// </remarks>
public abstract partial record AdaptiveSched
{
    private protected AdaptiveSched(bool isPerGroup, int ruleCount, int every) => (IsPerGroup, RuleCount, Every) = (isPerGroup, ruleCount, every);

    /// <summary>True when a planned part has per-group values (a list or a slice); the Learner resolves it per layer group.</summary>
    public bool IsPerGroup { get; }

    /// <summary>How many metric-driven rules the schedule holds: the length of its state's <see cref="AdaptiveState.Rules"/>.</summary>
    public int RuleCount { get; }

    /// <summary>Where its metrics are observed: 0 at each epoch's end, N &gt; 0 every N units of the fit's clock.</summary>
    public int Every { get; }

    /// <summary>The state before any metric: every rule at its start (scale 1, no best yet).</summary>
    public AdaptiveState Start
    {
        get
        {
            var rules = new RuleState[RuleCount];
            Initial(rules);
            return new AdaptiveState(0, Collections.ValueArray<RuleState>.Own(rules));
        }
    }

    /// <summary>The value at <paramref name="pos"/> given the metrics folded into <paramref name="state"/>.</summary>
    /// <param name="pos">Progress in [0, 1].</param>
    /// <param name="state">A state of this schedule (<see cref="Start"/> advanced by <see cref="Observe"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> holds another number of rules.</exception>
    /// <exception cref="InvalidOperationException">The schedule has per-group values.</exception>
    public double At(double pos, AdaptiveState state)
    {
        Check(pos, state);
        return Eval(pos, state.Rules.AsSpan());
    }

    /// <summary>
    /// The step of the fold: the state after observing <paramref name="metric"/> at <paramref name="pos"/>. Only the
    /// rule of the phase running at <paramref name="pos"/> moves; a metric that is NaN counts as no improvement.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> holds another number of rules.</exception>
    public AdaptiveState Observe(AdaptiveState state, double pos, double metric)
    {
        Check(pos, state);
        var rules = state.Rules.AsSpan().ToArray();
        Step(pos, metric, rules);
        return new AdaptiveState(state.Observations + 1, Collections.ValueArray<RuleState>.Own(rules));
    }

    /// <summary>
    /// Replays <paramref name="metrics"/> as a fit of <paramref name="steps"/> steps that observes one every
    /// <paramref name="observeEvery"/> steps: the values at <c>i/steps</c> for <c>i = 0 … steps-1</c>, where metric
    /// <c>j</c> is observed before step <c>(j+1)·observeEvery</c> (as the Learner observes an epoch's metric before the
    /// next epoch's first batch). Metrics beyond the fit are ignored; a fit longer than the metrics keeps the last state.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> or <paramref name="observeEvery"/> below 1.</exception>
    public double[] Sample(int steps, IReadOnlyList<double> metrics, int observeEvery)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(observeEvery, 1);
        var values = new double[steps];
        var state = Start;
        var next = 0;
        for (var i = 0; i < steps; i++)
        {
            var pos = Positions.At(i, steps);
            if (i > 0 && i % observeEvery == 0 && next < metrics.Count)
            {
                state = Observe(state, pos, metrics[next++]);
            }
            values[i] = At(pos, state);
        }
        return values;
    }

    /// <summary>The text form, e.g. <c>plateau(0.001, factor=0.5, patience=2)</c>; <c>AdaptiveSched.Parse(s.ToString()) == s</c>.</summary>
    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        Print(builder);
        return builder.ToString();
    }

    internal abstract double Eval(double pos, ReadOnlySpan<RuleState> rules);

    internal abstract void Step(double pos, double metric, Span<RuleState> rules);

    internal abstract void Initial(Span<RuleState> rules);

    /// <summary>This schedule for one parameter group: every planned per-group value resolved (<see cref="Sched.ForGroups"/>).</summary>
    internal abstract AdaptiveSched Resolve(int group, int groupCount);

    internal abstract void Print(StringBuilder builder);

    private void Check(double pos, AdaptiveState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {NumberText.Format(pos)}");
        }
        if (state.Rules.Count != RuleCount)
        {
            throw new ArgumentException($"the state holds {state.Rules.Count} rules and the schedule {this} has {RuleCount}: a state of another schedule", nameof(state));
        }
        if (IsPerGroup)
        {
            throw new InvalidOperationException($"the schedule {this} has per-group values (a list or a slice); the Learner resolves it per layer group");
        }
    }
}
