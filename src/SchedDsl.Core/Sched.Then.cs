using SchedDsl.Validation;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// This schedule until <paramref name="at"/>, then <paramref name="next"/> to the end: the fluent form of
    /// <see cref="CombineScheds"/>. <paramref name="at"/> is an absolute position, so chains read as a timeline:
    /// <c>a.Then(0.3, b).Then(0.8, c)</c> runs <c>a</c> on [0, 0.3), <c>b</c> on [0.3, 0.8), <c>c</c> on [0.8, 1],
    /// the same as <c>CombineScheds([0.3, 0.5, 0.2], [a, b, c])</c>. Each part runs its whole course over its span.
    /// </summary>
    /// <param name="at">Where <paramref name="next"/> starts: in (0, 1), after the receiver's own last join.</param>
    /// <param name="next">The schedule from <paramref name="at"/> to 1.</param>
    /// <exception cref="SchedArgumentException"><paramref name="at"/> outside (last join, 1).</exception>
    public Sched Then(double at, Sched next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Require.Finite("then", "at", at);
        if (this is CombineSched combine)
        {
            var lastStart = combine.LastStart;
            if (!(at > lastStart && at < 1))
            {
                throw new SchedArgumentException(
                    "then", "at", $"must be in ({NumberText.Format(lastStart)}, 1) — after the last join of {this} — got {NumberText.Format(at)}");
            }
            var pcts = combine.Pcts.Take(combine.Pcts.Count - 1).Append(at - lastStart).Append(1 - at);
            return CombineScheds(pcts, combine.Scheds.Append(next));
        }
        if (!(at > 0 && at < 1))
        {
            throw new SchedArgumentException("then", "at", $"must be in (0, 1), got {NumberText.Format(at)}");
        }
        return CombineScheds([at, 1 - at], [this, next]);
    }
}
