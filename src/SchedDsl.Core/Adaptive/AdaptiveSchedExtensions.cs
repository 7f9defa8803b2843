namespace SchedDsl;

/// <summary>The fluent join of a planned schedule and a metric-driven one.</summary>
public static class AdaptiveSchedExtensions
{
    /// <summary>
    /// <paramref name="sched"/> until <paramref name="at"/>, then the metric-driven <paramref name="next"/> to the end:
    /// an <see cref="AdaptiveSched.Combine"/> of the two, e.g. a linear warmup then a plateau-driven phase.
    /// </summary>
    /// <param name="sched">The planned schedule before <paramref name="at"/>.</param>
    /// <param name="at">Where <paramref name="next"/> starts, in (0, 1).</param>
    /// <param name="next">The adaptive phase.</param>
    /// <exception cref="SchedArgumentException"><paramref name="at"/> outside (0, 1).</exception>
    public static AdaptiveSched Then(this Sched sched, double at, AdaptiveSched next)
    {
        ArgumentNullException.ThrowIfNull(sched);
        return AdaptiveSched.Joined(sched, at, next);
    }
}
