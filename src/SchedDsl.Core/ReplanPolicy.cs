namespace SchedDsl;

/// <summary>How <see cref="Sched.Replan"/> re-plans the rest of a fit whose length changes mid-run.</summary>
public enum ReplanPolicy
{
    /// <summary>
    /// The rest of the schedule, from the resume point to its end, is stretched (or squeezed) onto the new remaining
    /// units; any schedule. Text: <c>replan(sched, planned, at, total)</c>.
    /// </summary>
    Stretch,

    /// <summary>
    /// For a warmup-stable-decay shape (<c>wsd</c>, <c>wsd_linear</c>, <c>flat_cos</c>): the stable phase grows or
    /// shrinks, the warmup and the final decay keep their lengths in units. Refused once the decay has begun (unless the
    /// length is unchanged).
    /// Text: <c>replan_hold_then_decay(sched, planned, at, total)</c>.
    /// </summary>
    HoldThenDecay,
}
