using SchedDsl.Collections;

namespace SchedDsl;

/// <summary>
/// The state an <see cref="AdaptiveSched"/> is evaluated with: the memory of each of its metric-driven rules, in the
/// order they appear in the schedule's text, and how many metrics it has observed. Start from
/// <see cref="AdaptiveSched.Start"/> and advance with <see cref="AdaptiveSched.Observe"/>: a left fold over the metrics.
/// </summary>
/// <remarks>Compares structurally, so a replayed fold can be checked against a saved one. Thread-safety: immutable.</remarks>
public sealed record AdaptiveState
{
    internal AdaptiveState(int observations, ValueArray<RuleState> rules) => (Observations, Rules) = (observations, rules);

    /// <summary>Metrics observed so far.</summary>
    public int Observations { get; }

    /// <summary>Each rule's memory, in text order.</summary>
    public ValueArray<RuleState> Rules { get; }

    /// <summary>A state read back from its parts (a checkpoint), checked against <paramref name="sched"/>.</summary>
    /// <exception cref="ArgumentException">A rule count that is not the schedule's, a negative count or a damaged rule state; the message says which.</exception>
    public static AdaptiveState Restore(AdaptiveSched sched, int observations, IEnumerable<RuleState> rules)
    {
        ArgumentNullException.ThrowIfNull(sched);
        ArgumentNullException.ThrowIfNull(rules);
        var array = rules.ToArray();
        if (observations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(observations), observations, $"observations must be >= 0, got {observations}");
        }
        if (array.Length != sched.RuleCount)
        {
            throw new ArgumentException($"the schedule {sched} has {sched.RuleCount} rules, the state holds {array.Length}", nameof(rules));
        }
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i].Problem() is { } problem)
            {
                throw new ArgumentException($"rule {i}'s state is damaged: {problem}", nameof(rules));
            }
        }
        return new AdaptiveState(observations, ValueArray<RuleState>.Own(array));
    }

    internal AdaptiveState With(int rule, RuleState state)
    {
        var rules = Rules.AsSpan().ToArray();
        rules[rule] = state;
        return new AdaptiveState(Observations, ValueArray<RuleState>.Own(rules));
    }

    internal AdaptiveState Counted() => new(Observations + 1, Rules);
}
